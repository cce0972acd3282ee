import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ASK_ALONG_HEADER, bilingual, CLIENT_ADDRESS_HEADER, OnshiError, postToService, PREDECISIONS_EXTENSION, PREDECISIONS_HEADER } from '@onshi/platform';
import type { GatewayContext } from './accessPlugin';
import type { ReferenceEntityCache } from './referenceCache';

/**
 * Subgraph calls: undici's dispatcher with a keep-alive agent (platform serviceClient.ts: measured faster than the
 * default fetcher, undici's fetch and node:http),
 * the caller's bearer token, the request id and the client's address forwarded so subgraphs verify the actor themselves
 * (defense in depth) and the access log records the same request id. Every fetch has a timeout.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly serviceName: string, url: string, private readonly timeoutMs: number, private readonly references?: ReferenceEntityCache) {
    super({
      url,
      // RemoteGraphQLDataSource hands over plain headers and a JSON body, and reads ok/status/headers/json.
      fetcher: (input, init) => postToService(input, { headers: (init?.headers ?? {}) as Record<string, string>, body: String(init?.body ?? ''), timeoutMs: this.timeoutMs }) as never,
    });
  }

  /**
   * A subgraph that is down or too slow becomes one clear error naming it; the other subgraphs' data is
   * still returned (partial failure).
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    // Public reference data (referenceCache.ts) may be answered from what the owner said a moment ago. The request's
    // token was already found live by the gateway before any subgraph was called (docs/operations.md "Replicas and
    // shared state"), so a cached answer goes only to a live caller.
    if (this.references) return this.references.fetch(options.request, () => this.forward(options));
    return this.forward(options);
  }

  private async forward(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      const response = await super.process(options);
      // The signed answers to the questions qualifications asked along (predecisions.ts `askAlongRequests`), for the
      // subgraphs the plan calls next; the first set a request receives is kept. Never passed on to the client.
      const signed = response.extensions?.[PREDECISIONS_EXTENSION];
      if (signed !== undefined) {
        delete response.extensions?.[PREDECISIONS_EXTENSION];
        if (typeof signed === 'string' && options.context.predecisions === undefined) options.context.predecisions = signed;
      }
      return response;
    } catch (error) {
      if (error instanceof OnshiError) throw error;
      throw new OnshiError('SERVICE_UNAVAILABLE', bilingual(`The ${this.serviceName} service is unavailable`, `${this.serviceName} サービスに接続できません`), { service: this.serviceName });
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http) return;
    if ('token' in context && context.token) request.http.headers.set('authorization', `Bearer ${context.token}`);
    if ('requestId' in context && context.requestId) request.http.headers.set('x-request-id', context.requestId);
    // One address, the one the gateway determined: consent throttles failed logins per source.
    if ('clientAddress' in context && context.clientAddress) request.http.headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    // Set by the gateway alone (predecisions.ts); a client's header of the same name never reaches a subgraph.
    if ('predecisions' in context && context.predecisions) request.http.headers.set(PREDECISIONS_HEADER, context.predecisions);
    // Once, to the subgraph that loads people under their QUALIFICATION decision, signed for it (predecisions.ts).
    else if ('askAlong' in context && context.askAlong && this.serviceName === 'qualifications') {
      request.http.headers.set(ASK_ALONG_HEADER, context.askAlong);
      context.askAlong = undefined;
    }
  }
}
