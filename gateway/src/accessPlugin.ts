import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Actor } from '@onshi/kit';
import type { AccessPolicy } from './accessPolicy';

export interface GatewayContext {
  actor: Actor | null;
  token?: string;
  requestId: string;
  /** The client's address (kit clientAddressOf), forwarded to subgraphs for login throttling. */
  clientAddress: string;
  /** The client's own x-request-id, kept as its reference only (never the access log's correlation id). */
  clientRequestId?: string | undefined;
}

/** Every field of the operation (including fragments) that the caller's role may not read. */
export function forbiddenFields(schema: GraphQLSchema, document: DocumentNode, policy: AccessPolicy, actor: Actor | null): string[] {
  const typeInfo = new TypeInfo(schema);
  const denied = new Set<string>();
  visit(document, visitWithTypeInfo(typeInfo, {
    Field() {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (!parent || !field) return;
      const coordinate = `${parent.name}.${field.name}`;
      const roles = policy.get(coordinate);
      if (roles && (!actor || !roles.includes(actor.role))) denied.add(coordinate);
    },
  }));
  return [...denied];
}

/**
 * Field-level rules at the gateway (ARCHITECTURE.md layer 2): an operation that selects any field the
 * caller's role may not read is refused as a whole, before any subgraph is called, so no part of that
 * data can leave the server. The error names the fields so that a client can drop them (ADR 0002).
 */
export function accessPlugin(policy: AccessPolicy): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue }) {
          const denied = forbiddenFields(schema, document, policy, contextValue.actor);
          if (denied.length === 0) return;
          if (!contextValue.actor) {
            throw new GraphQLError('Authentication required / ログインが必要です', { extensions: { code: 'UNAUTHENTICATED', fields: denied, http: { status: 401 } } });
          }
          throw new GraphQLError(`Your role may not read: ${denied.join(', ')} / この項目を参照する権限がありません`, { extensions: { code: 'FORBIDDEN', fields: denied, http: { status: 403 } } });
        },
      };
    },
  };
}

/** True when the operation asks for the schema itself (`__schema` / `__type`; `__typename` is fine). */
export function isIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** Introspection is for operators (GraphiQL) only, unless explicitly allowed in development (issue 9). */
export function introspectionPlugin(allowEveryone: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (allowEveryone || contextValue.actor?.role === 'ADMIN' || !isIntrospection(document)) return;
          throw new GraphQLError('Introspection is not allowed / スキーマの参照は許可されていません', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
        },
      };
    },
  };
}
