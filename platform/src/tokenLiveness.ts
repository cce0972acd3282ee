import type { ApolloServerPlugin, BaseContext as ApolloBaseContext, GraphQLRequestContext } from '@apollo/server';
import type { GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { unauthenticatedGraphQLError, type SignedSession } from './auth';
import type { Actor } from './roles';

/**
 * One request's token, its ended-token question asked at most once (docs/operations.md "Replicas and shared state").
 * It is live once a service that checks the same token against the list before it answers has answered: consent, for
 * a subgraph's decision call (kit tokenLiveness.ts); any subgraph, for the gateway (gateway endedToken.ts). A refusal
 * of the token by such a service stands over every proof: no answer of the request may leave.
 */
export class TokenLiveness {
  private provenLive = false;
  private refusal: Error | undefined;
  private asked: Promise<void> | undefined;

  constructor(private readonly session: SignedSession) {}

  get actor(): Actor {
    return this.session.actor;
  }

  /** A service that checks the token against the list before it answers has answered this request. */
  proven(): void {
    this.provenLive = true;
  }

  /** Such a service refused the token (ended, or the list unreadable there). */
  refusedBy(error: Error): void {
    this.refusal ??= error;
  }

  /** Whether an answer already proved the token (no question to ask), refusals aside. */
  get isProven(): boolean {
    return this.provenLive && this.refusal === undefined;
  }

  /** Resolves when the token is live; throws otherwise (refused elsewhere, ended, or the list cannot be read). */
  ensureNotEnded(): Promise<void> {
    if (this.refusal) return Promise.reject(this.refusal);
    if (this.provenLive) return Promise.resolve();
    this.asked ??= this.session.ensureNotEnded();
    return this.asked;
  }
}

/**
 * The check that answers an ended token with nothing (docs/operations.md "Replicas and shared state"), as an Apollo
 * plugin for the gateway and every subgraph: before an answer leaves, the request's token must be live — proven by an
 * answer that checked it, or by asking the list once — or the whole answer becomes the UNAUTHENTICATED refusal a token
 * that does not verify gets: no data, no other error. `mustProveBeforeRunning` names the operations asked up front
 * because running them has effects a refused answer does not undo (a subgraph's mutations, kit tokenLiveness.ts).
 */
/**
 * Subgraph → gateway only: set on an answer that left having checked its request's token live (by an answered decision
 * call or by the list). The gateway takes nothing else as proof (gateway endedToken.ts); a subgraph's answer without it
 * — a request it took as anonymous, say — proves nothing.
 */
export const TOKEN_CHECKED_HEADER = 'x-onshi-token-checked';

export function endedTokenPlugin<TContext extends ApolloBaseContext & { token?: string }>(options: {
  livenessOf: (context: TContext) => TokenLiveness | undefined;
  mustProveBeforeRunning: (schema: GraphQLSchema, operation: OperationDefinitionNode | undefined) => boolean;
  /** Marks answers that leave checked with TOKEN_CHECKED_HEADER (a subgraph, for the gateway). */
  marksCheckedAnswers: boolean;
  /** Called once when the request's answer is replaced by the refusal (the gateway moves its request count, endedToken.ts). */
  onRefused?: (context: TContext) => Promise<void>;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.token === undefined) return undefined;
      const liveness = options.livenessOf(contextValue);
      let refusedOnce: Promise<void> | undefined;
      const refusalIfEnded = async (): Promise<GraphQLError | undefined> => {
        const refusal = !liveness ? unauthenticatedGraphQLError(new Error('no liveness for a token'))
          : await liveness.ensureNotEnded().then(() => undefined, (error: unknown) => unauthenticatedGraphQLError(error));
        if (refusal && options.onRefused) await (refusedOnce ??= options.onRefused(contextValue));
        return refusal;
      };
      return {
        async didResolveOperation({ operation, schema }) {
          if (!options.mustProveBeforeRunning(schema, operation)) return;
          const refusal = await refusalIfEnded();
          if (refusal) throw refusal;
        },
        // Every answer made of errors only (parse, validation, a refused operation) passes here before it is formatted.
        async didEncounterErrors({ errors, response }) {
          const refusal = await refusalIfEnded();
          if (refusal) (errors as GraphQLError[]).splice(0, errors.length, refusal);
          else if (options.marksCheckedAnswers) response.http.headers.set(TOKEN_CHECKED_HEADER, 'live');
        },
        async executionDidStart(requestContext: GraphQLRequestContext<TContext>) {
          return {
            // After the resolvers (at the gateway: the plan), before the answer is sent and before the request log reads it (requestLog.ts).
            async executionDidEnd(executionError) {
              if (executionError) return;
              const refusal = await refusalIfEnded();
              if (!refusal) {
                if (options.marksCheckedAnswers) requestContext.response.http.headers.set(TOKEN_CHECKED_HEADER, 'live');
                return;
              }
              Object.assign(requestContext, { errors: [refusal] });
              requestContext.response.body = { kind: 'single', singleResult: { errors: [{ message: refusal.message, extensions: { code: 'UNAUTHENTICATED' } }] } };
              requestContext.response.http.status = 401;
            },
          };
        },
      };
    },
  };
}
