import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { PREDECISIONS_EXTENSION, signPredecisions, type DecisionClient, type PredecisionBinding } from '@onshi/platform';

/**
 * The questions a request asked along with its people's QUALIFICATION questions (platform predecisions.ts
 * `ASK_ALONG_HEADER`): their answers go back to the gateway signed in the response (docs/access-policy.md "One decision
 * call per request"), and the gateway hands them to the subgraphs the plan calls next. Kept on the request's context
 * under a symbol, an enumerable property, because Apollo hands plugins a shallow copy of the context the server built.
 */
const ASKED_ALONG = Symbol('askedAlong');
interface AskedAlong {
  decisions: DecisionClient;
  binding: PredecisionBinding;
}

/** Called by the kit when a request carried a verified ask-along header. */
export function withAskedAlong<TContext extends object>(context: TContext, asked: AskedAlong): TContext {
  (context as Record<symbol, unknown>)[ASKED_ALONG] = asked;
  return context;
}

/**
 * Adds the signed answers to the response's extensions. Only the decisions the decision point made (an undecided one,
 * for a refused person, is left out, as is everything when her question was never asked or the call failed); the
 * gateway never passes a subgraph's extensions on to its client.
 */
export function askAlongPlugin<TContext extends BaseContext>(internalSecret: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const asked = (contextValue as Record<symbol, AskedAlong | undefined>)[ASKED_ALONG];
      if (asked === undefined) return;
      return {
        async willSendResponse({ response }) {
          const answers = await asked.decisions.alongAnswers();
          if (answers.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [PREDECISIONS_EXTENSION]: signPredecisions(answers, asked.binding, internalSecret) };
        },
      };
    },
  };
}
