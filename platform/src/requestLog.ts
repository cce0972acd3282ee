import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext as ApolloBaseContext } from '@apollo/server';
import type { Logger } from './log';
import type { Actor } from './roles';

/**
 * One JSON log line per GraphQL request (pino), with the request id that the gateway propagates to the
 * subgraphs and the decision point writes into access-log entries, so one id ties a request together
 * across services. Never logs variables or results: they may hold health data.
 */
export function requestLogPlugin<TContext extends ApolloBaseContext & { requestId: string; clientRequestId?: string | undefined; actor?: Actor | null }>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    // A request refused while its context was built (a token that does not verify or has been ended, the rate
    // limit): logged too, without a request id, which the context had not yet given it.
    async contextCreationDidFail({ error }) {
      const extensions = error instanceof GraphQLError ? error.extensions : {};
      const http = extensions.http as { status?: number } | undefined;
      logger.warn({ operationName: null, role: null, status: http?.status ?? 500, errorCodes: extensions.code ? [extensions.code] : [] }, 'graphql request');
    },
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const codes = (errors ?? []).map((e) => e.extensions?.code).filter(Boolean);
          const status = response.http.status ?? 200;
          logger[codes.length > 0 || status >= 400 ? 'warn' : 'info']({
            requestId: contextValue.requestId,
            ...(contextValue.clientRequestId === undefined ? {} : { clientRequestId: contextValue.clientRequestId }),
            operationName: operationName ?? null,
            role: contextValue.actor?.role ?? null,
            status,
            errorCodes: codes,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }, 'graphql request');
        },
      };
    },
  };
}
