import type { ApolloServerPlugin } from '@apollo/server';
import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, OperationTypeNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { askedWithoutAttestedFacts, PATIENT_DECISION_CATEGORIES, signPredecisions, type Actor, type Decision, type DecisionRequest, type Logger, type PatientDecisionCategory } from '@onshi/platform';
import { stringArgument, type GatewayContext } from './accessPlugin';
import type { FieldCategories } from './accessPolicy';

const isPatientDecisionCategory = (category: string | undefined): category is PatientDecisionCategory => (PATIENT_DECISION_CATEGORIES as readonly (string | undefined)[]).includes(category);

/** False for a selection under `@skip(if: true)` or `@include(if: false)`: the executor will not resolve it, so nothing is asked for it. */
function selected(node: Parameters<typeof getDirectiveValues>[1], variables: Record<string, unknown> | undefined): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * The questions the subgraphs would ask the decision point plainly about the people a query names at its root
 * (platform predecisions.ts): `patient(id:)` or `me` loads the person under her QUALIFICATION decision (qualifications
 * PatientResolver), and each field selected on her carries the category its subgraph decides (`@access(category:)`).
 * Only questions asked without attested facts for the caller's role are asked ahead; the rest stay with the subgraphs.
 */
export function predecisionRequests(document: DocumentNode, operationRoot: SelectionSetNode, variables: Record<string, unknown> | undefined, actor: Actor, categories: FieldCategories): DecisionRequest[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const questions = new Map<string, DecisionRequest>();
  const ask = (patientId: string, category: PatientDecisionCategory) => {
    if (askedWithoutAttestedFacts(actor.role, category)) questions.set(`${patientId}\u0000${category}`, { patientId, category });
  };
  /** Every field of a selection set, through inline fragments and fragment spreads, that will be resolved. */
  const fieldsOf = function* (selectionSet: SelectionSetNode | undefined, seen: Set<string> = new Set()): Generator<Extract<SelectionSetNode['selections'][number], { kind: Kind.FIELD }>> {
    for (const selection of selectionSet?.selections ?? []) {
      if (!selected(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) yield selection;
      else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        yield* fieldsOf(fragments.get(selection.name.value)?.selectionSet, seen);
      }
    }
  };
  for (const root of fieldsOf(operationRoot)) {
    const patientId = root.name.value === 'me' ? actor.patientId
      : root.name.value === 'patient' ? stringArgument(root.arguments?.find((a) => a.name.value === 'id'), variables, 64) : undefined;
    if (patientId === undefined) continue;
    ask(patientId, 'QUALIFICATION');
    for (const field of fieldsOf(root.selectionSet)) {
      const category = categories.get(`Patient.${field.name.value}`);
      if (isPatientDecisionCategory(category)) ask(patientId, category);
    }
  }
  return [...questions.values()];
}

/**
 * One decision call per query (docs/access-policy.md "One decision call per request"): before the query plan runs —
 * after the field rules of `accessPlugin` have let the operation through — the gateway asks the decision point the
 * plain questions of `predecisionRequests` at once and signs the answers for the subgraphs (ForwardingDataSource sends
 * them). When the call fails, the subgraphs ask for themselves and fail closed as before: nothing is answered from here.
 */
export function predecisionPlugin(options: { categories: FieldCategories; internalSecret: string; decide: (context: GatewayContext, requests: DecisionRequest[]) => Promise<Decision[]>; logger: Logger }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ document, operation, request, contextValue }) {
          const { actor, token } = contextValue;
          if (!actor || !token || operation.operation !== OperationTypeNode.QUERY) return;
          const requests = predecisionRequests(document, operation.selectionSet, request.variables, actor, options.categories);
          if (requests.length === 0) return;
          try {
            const decisions = await options.decide(contextValue, requests);
            contextValue.predecisions = signPredecisions(decisions, { requestId: contextValue.requestId, token }, options.internalSecret);
          } catch (error) {
            options.logger.warn({ err: error, requestId: contextValue.requestId }, 'the decisions could not be asked ahead; the subgraphs ask for themselves');
          }
        },
      };
    },
  };
}
