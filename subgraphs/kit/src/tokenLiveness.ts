/**
 * A subgraph's ended-token check, folded into the decision call it makes anyway (docs/operations.md "Replicas and
 * shared state"). Consent verifies the bearer token a decision call forwards, against the list of ended tokens too,
 * so a request whose decision call consent answered is proven live and asks nothing more. Any other request asks the
 * list itself (platform sharedState.ts) before anything leaves: a mutation before it runs (a side effect is not undone
 * by refusing its answer), a query once it has run and before its answer is sent. A token found ended — or that
 * cannot be checked — gets the whole answer replaced by the UNAUTHENTICATED refusal the context gives a token that
 * does not verify: no data, no other error.
 *
 * A mutation marked `@LiveBeforeWrites()` is not asked up front: its resolver awaits `liveBeforeWrite(context)`
 * before each of its writes, and a decision call made before the write (the reception confirmation asks one for the
 * consent flags) has already proven the token, so the write waits for nothing. Whatever it reads before that is held
 * back like a query's answer. One call to consent per confirmation instead of two.
 */
import type { ApolloServerPlugin, BaseContext as ApolloBaseContext, GraphQLRequestContext } from '@apollo/server';
import { Kind, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { Extensions } from 'type-graphql';
import { unauthenticatedGraphQLError, type SignedSession } from '@onshi/platform';

/** One request's token: live once a decision call or the list said so; the list is asked at most once per request. */
export class TokenLiveness {
  private provenLive = false;
  private asked: Promise<void> | undefined;

  constructor(private readonly session: SignedSession) {}

  get actor() {
    return this.session.actor;
  }

  /** Consent answered one of this request's decision calls, having verified its token against the list. */
  provenByDecision(): void {
    this.provenLive = true;
  }

  /** Resolves when the token is live; throws otherwise (ended, or the list cannot be read). */
  ensureNotEnded(): Promise<void> {
    if (this.provenLive) return Promise.resolve();
    this.asked ??= this.session.ensureNotEnded();
    return this.asked;
  }
}

/**
 * Where a request's liveness rides: on its context, under a symbol of its own (an enumerable property, because Apollo
 * hands resolvers and plugins a shallow copy of the context the server built, not the object itself).
 */
const LIVENESS = Symbol('tokenLiveness');

/** Gives the context of a request with a token its liveness; the plugin refuses a token whose context has none. */
export function withLiveness<TContext extends object>(context: TContext, liveness: TokenLiveness): TContext {
  (context as Record<symbol, unknown>)[LIVENESS] = liveness;
  return context;
}

function livenessOf(context: object): TokenLiveness | undefined {
  const liveness = (context as Record<symbol, unknown>)[LIVENESS];
  return liveness instanceof TokenLiveness ? liveness : undefined;
}

const LIVE_BEFORE_WRITES = 'onshiLiveBeforeWrites';

/**
 * Marks a mutation whose resolver proves its token live before each write (`liveBeforeWrite`), so the plugin does not
 * ask the ended-token list before it runs. Only for a resolver whose every write is preceded by that call.
 */
export function LiveBeforeWrites(): MethodDecorator {
  return Extensions({ [LIVE_BEFORE_WRITES]: true });
}

/**
 * Resolves once this request's token is known to be live — at once when a decision call already proved it — and
 * throws the refusal otherwise. A request without a token has nothing to prove (the field's access check refused it).
 */
export async function liveBeforeWrite(context: object): Promise<void> {
  const liveness = livenessOf(context);
  if (!liveness) return;
  await liveness.ensureNotEnded().catch((error: unknown) => {
    throw unauthenticatedGraphQLError(error);
  });
}

/** Whether every root field of the mutation is marked `@LiveBeforeWrites()`; anything else (a fragment) is not. */
function provesLiveBeforeWrites(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const fields = schema.getMutationType()?.getFields() ?? {};
  return operation.selectionSet.selections.every((selection) =>
    selection.kind === Kind.FIELD && (selection.name.value === '__typename' || fields[selection.name.value]?.extensions[LIVE_BEFORE_WRITES] === true));
}

/** Replaces every error of a refused request by the one refusal (the array is the one Apollo formats next). */
function replaceErrors(errors: readonly GraphQLError[], refusal: GraphQLError): void {
  (errors as GraphQLError[]).splice(0, errors.length, refusal);
}

/**
 * The check's Apollo plugin. A context with a token but no liveness (`withLiveness`) is refused: fail closed. A subgraph
 * whose queries write (`queriesWrite`: consent logs its own decisions and refusals) is asked before every operation.
 */
export function endedTokenPlugin<TContext extends ApolloBaseContext & { token?: string }>(queriesWrite = false): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.token === undefined) return undefined;
      const liveness = livenessOf(contextValue);
      const refusalIfEnded = async (): Promise<GraphQLError | undefined> => {
        if (!liveness) return unauthenticatedGraphQLError(new Error('no liveness for a token'));
        return liveness.ensureNotEnded().then(() => undefined, (error: unknown) => unauthenticatedGraphQLError(error));
      };
      return {
        async didResolveOperation({ operation, schema }) {
          if (operation?.operation === 'query' && !queriesWrite) return;
          if (operation?.operation === 'mutation' && provesLiveBeforeWrites(schema, operation)) return;
          const refusal = await refusalIfEnded();
          if (refusal) throw refusal;
        },
        // Every answer made of errors only (parse, validation, a refused mutation) passes here before it is formatted.
        async didEncounterErrors({ errors }) {
          const refusal = await refusalIfEnded();
          if (refusal) replaceErrors(errors, refusal);
        },
        async executionDidStart(requestContext: GraphQLRequestContext<TContext>) {
          return {
            // After the resolvers, before the answer is sent (and before the request log reads it, requestLog.ts).
            async executionDidEnd(executionError) {
              if (executionError) return;
              const refusal = await refusalIfEnded();
              if (!refusal) return;
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
