import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Actor, Category } from '@onshi/kit';
import type { AccessPolicy, FieldCategories } from './accessPolicy';

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
 * The patients an operation is about: the ids given to `patient(id:)` (literal or variable) and, for `me`, the
 * caller's own. Used only to log a refusal for the patient concerned.
 */
export function patientsOfOperation(document: DocumentNode, variables: Record<string, unknown> | undefined, actor: Actor | null): string[] {
  const ids = new Set<string>();
  visit(document, {
    Field(node) {
      if (node.name.value === 'me' && actor?.patientId) ids.add(actor.patientId);
      if (node.name.value !== 'patient') return;
      const argument = node.arguments?.find((a) => a.name.value === 'id');
      const value = argument?.value.kind === Kind.STRING ? argument.value.value
        : argument?.value.kind === Kind.VARIABLE ? variables?.[argument.value.name.value] : undefined;
      if (typeof value === 'string' && value.length > 0 && value.length <= 64) ids.add(value);
    },
  });
  return [...ids];
}

/** Writes the refusal for role into the access log through the decision point (it decides — and logs — the same denial). */
export type RefusalLogger = (context: GatewayContext, requests: Array<{ patientId: string; category: Category }>) => Promise<void>;

/**
 * Field-level rules at the gateway (ARCHITECTURE.md layer 2): an operation that selects any field the
 * caller's role may not read is refused as a whole, before any subgraph is called, so no part of that
 * data can leave the server. The error names the fields so that a client can drop them (ADR 0002).
 * A refusal of a field that carries a category of patient data is logged for the patient concerned
 * (issue 16: every decision is logged): the decision point is asked the same question and logs its denial.
 */
export function accessPlugin(policy: AccessPolicy, logging?: { categories: FieldCategories; logRefusal: RefusalLogger }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue, request }) {
          const denied = forbiddenFields(schema, document, policy, contextValue.actor);
          if (denied.length === 0) return;
          if (contextValue.actor && logging) {
            const categories = [...new Set(denied.flatMap((coordinate) => logging.categories.get(coordinate) ?? []))];
            const patients = patientsOfOperation(document, request.variables, contextValue.actor);
            const requests = patients.flatMap((patientId) => categories.map((category) => ({ patientId, category })));
            // Refused either way: a log that cannot be written does not turn a refusal into data.
            if (requests.length > 0) await logging.logRefusal(contextValue, requests);
          }
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
