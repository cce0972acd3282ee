import type { ApolloServerPlugin, BaseContext as ApolloBaseContext } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { bilingual, INTERNAL_SECRET_HEADER, isInternalSecret, type Actor } from '@onshi/platform';

/** Root fields that describe a subgraph's schema: federation's `_service` (SDL) and introspection. */
const SCHEMA_FIELDS = new Set(['_service', '__schema', '__type']);

/** Anywhere in the document, fragments included, so `{ ...F } fragment F on Query { __schema … }` is caught too. */
function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!SCHEMA_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * In production a subgraph describes its schema (`_service`, introspection) only to a caller with a valid
 * token or the internal secret: the gateway runs on the committed supergraph (ADR 0001)
 * and needs neither, so a stranger who reaches a subgraph learns nothing about it. Demo mode leaves both open.
 * Fragments on the root are not followed: a schema field inside a fragment still reaches
 * this check through its own root selection in every operation Apollo accepts (depth is bounded, but the
 * gateway is the public door; this is defence in depth).
 */
export function schemaGuardPlugin<TContext extends ApolloBaseContext & { actor: Actor | null }>(internalSecret: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue, request }) {
          if (!asksForSchema(document) || contextValue.actor) return;
          if (isInternalSecret(request.http?.headers.get(INTERNAL_SECRET_HEADER), internalSecret)) return;
          throw new GraphQLError(bilingual('Authentication required', 'ログインが必要です'), { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        },
      };
    },
  };
}
