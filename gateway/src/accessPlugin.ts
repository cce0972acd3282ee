import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, TypeInfo, visit, visitWithTypeInfo, type ArgumentNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { bilingual, OWNER_CATEGORIES, PATIENT_DECISION_CATEGORIES, type Actor, type OwnerCategory, type OwnerTarget, type PatientDecisionCategory, type PolicyCategory } from '@onshi/platform';
import type { AccessPolicy, FieldCategories } from './accessPolicy';

export interface GatewayContext {
  actor: Actor | null;
  token?: string;
  requestId: string;
  /** The client's address (kit clientAddressOf), forwarded to subgraphs for login throttling. */
  clientAddress: string;
  /** The client's own x-request-id, kept as its reference only (never the access log's correlation id). */
  clientRequestId?: string | undefined;
  /** The signed answers of the request's one decision call, for the subgraphs (predecisions.ts); set before the plan runs. */
  predecisions?: string;
  /**
   * The questions qualifications asks along with the QUALIFICATION question of the person it loads, signed for it
   * (predecisions.ts `askAlongRequests`); sent with the plan's first call to qualifications only, then cleared.
   */
  askAlong?: string;
}

/**
 * The schema coordinates (`Type.field`) an operation selects, fragments included, in the order first met. A parsed
 * document is reused by Apollo Server's document cache for every request with the same text, so each is walked once.
 */
const coordinatesByDocument = new WeakMap<DocumentNode, { schema: GraphQLSchema; coordinates: readonly string[] }>();

function selectedCoordinates(schema: GraphQLSchema, document: DocumentNode): readonly string[] {
  const known = coordinatesByDocument.get(document);
  if (known && known.schema === schema) return known.coordinates;
  const typeInfo = new TypeInfo(schema);
  const coordinates = new Set<string>();
  visit(document, visitWithTypeInfo(typeInfo, {
    Field() {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (parent && field) coordinates.add(`${parent.name}.${field.name}`);
    },
  }));
  const walked = { schema, coordinates: [...coordinates] };
  coordinatesByDocument.set(document, walked);
  return walked.coordinates;
}

/** Every field of the operation (including fragments) that the caller's role may not read. */
export function forbiddenFields(schema: GraphQLSchema, document: DocumentNode, policy: AccessPolicy, actor: Actor | null): string[] {
  return selectedCoordinates(schema, document).filter((coordinate) => {
    const roles = policy.get(coordinate);
    return roles !== undefined && (!actor || !roles.includes(actor.role));
  });
}

/** A string argument's value, literal or from a variable; undefined when absent, not a string, or out of 1..max. */
export function stringArgument(argument: ArgumentNode | undefined, variables: Record<string, unknown> | undefined, max: number): string | undefined {
  const value = argument?.value.kind === Kind.STRING ? argument.value.value
    : argument?.value.kind === Kind.VARIABLE ? variables?.[argument.value.name.value] : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
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
      const id = stringArgument(node.arguments?.find((a) => a.name.value === 'id'), variables, 64);
      if (id !== undefined) ids.add(id);
    },
  });
  return [...ids];
}

export const isPatientDecisionCategory = (category: PolicyCategory): category is PatientDecisionCategory => (PATIENT_DECISION_CATEGORIES as readonly string[]).includes(category);
const isOwnerCategory = (category: PolicyCategory): category is OwnerCategory => (OWNER_CATEGORIES as readonly string[]).includes(category);

/** What the decision point is asked, to log a refusal for role: per patient and category, and per owner's list. */
export interface RefusalRequests {
  patients: Array<{ patientId: string; category: PatientDecisionCategory }>;
  /** The owner (insurer, facility, or — neither — the nation) is named by the refused field's own arguments. */
  owners: Array<{ category: OwnerCategory; target: OwnerTarget }>;
}

/**
 * The questions whose denials log a refusal for role (docs/access-policy.md "Every decision is logged"): each refused
 * field that carries a category of a patient's data or access log, for each patient of the operation; each refused
 * owner's list (claims routed to an insurer, returned to a facility, national statistics), under its owner. Fields
 * that carry no category (operator tools, mutations) are refused without an entry: they name no one's data.
 */
export function refusalRequests(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, actor: Actor | null, denied: readonly string[], categories: FieldCategories): RefusalRequests {
  const refused = new Set(denied);
  const patientCategories = new Set<PatientDecisionCategory>();
  const owners = new Map<string, { category: OwnerCategory; target: OwnerTarget }>();
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (!parent) return;
      const coordinate = `${parent.name}.${node.name.value}`;
      const category = refused.has(coordinate) ? categories.get(coordinate) : undefined;
      if (category === undefined) return;
      if (isPatientDecisionCategory(category)) patientCategories.add(category);
      if (!isOwnerCategory(category)) return;
      const insurerNumber = stringArgument(node.arguments?.find((a) => a.name.value === 'insurerNumber'), variables, 16);
      const facilityCode = stringArgument(node.arguments?.find((a) => a.name.value === 'facilityCode'), variables, 16);
      const target: OwnerTarget = { ...(insurerNumber !== undefined ? { insurerNumber } : {}), ...(facilityCode !== undefined ? { facilityCode } : {}) };
      owners.set(JSON.stringify([category, target.insurerNumber ?? '', target.facilityCode ?? '']), { category, target });
    },
  }));
  const patients = patientsOfOperation(document, variables, actor);
  return { patients: patients.flatMap((patientId) => [...patientCategories].map((category) => ({ patientId, category }))), owners: [...owners.values()] };
}

/** Writes the refusal for role into the access log through the decision point (it decides — and logs — the same denial). */
export type RefusalLogger = (context: GatewayContext, requests: RefusalRequests) => Promise<void>;

/**
 * Field-level rules at the gateway (docs/architecture.md "Who may see what: three layers", layer 2): an operation that selects any field the
 * caller's role may not read is refused as a whole, before any subgraph is called, so no part of that
 * data can leave the server. The error names the fields so that a client can drop them (ADR 0002).
 * A refusal of a field that carries a category of the access policy is logged for the patient or the owner concerned
 * (`refusalRequests`; every decision is logged): the decision point is asked the same question and logs its denial.
 */
export function accessPlugin(policy: AccessPolicy, logging?: { categories: FieldCategories; logRefusal: RefusalLogger }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue, request }) {
          const denied = forbiddenFields(schema, document, policy, contextValue.actor);
          if (denied.length === 0) return;
          if (contextValue.actor && logging) {
            const requests = refusalRequests(schema, document, request.variables, contextValue.actor, denied, logging.categories);
            // Refused either way: a log that cannot be written does not turn a refusal into data.
            if (requests.patients.length > 0 || requests.owners.length > 0) await logging.logRefusal(contextValue, requests);
          }
          if (!contextValue.actor) {
            throw new GraphQLError(bilingual('Authentication required', 'ログインが必要です'), { extensions: { code: 'UNAUTHENTICATED', fields: denied, http: { status: 401 } } });
          }
          throw new GraphQLError(bilingual(`Your role may not read: ${denied.join(', ')}`, 'この項目を参照する権限がありません'), { extensions: { code: 'FORBIDDEN', fields: denied, http: { status: 403 } } });
        },
      };
    },
  };
}

const introspectionByDocument = new WeakMap<DocumentNode, boolean>();

/** True when the operation asks for the schema itself (`__schema` / `__type`; `__typename` is fine); walked once per document. */
export function isIntrospection(document: DocumentNode): boolean {
  const known = introspectionByDocument.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  introspectionByDocument.set(document, found);
  return found;
}

/** Introspection is for operators (GraphiQL) only, unless explicitly allowed in development. */
export function introspectionPlugin(allowEveryone: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (allowEveryone || contextValue.actor?.role === 'ADMIN' || !isIntrospection(document)) return;
          throw new GraphQLError(bilingual('Introspection is not allowed', 'スキーマの参照は許可されていません'), { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
        },
      };
    },
  };
}
