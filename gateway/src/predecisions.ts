import type { ApolloServerPlugin } from '@apollo/server';
import { getDirectiveValues, getVariableValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, OperationTypeNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { askedWithoutAttestedFacts, mayEverReadWithAnyAuthority, policyActorOf, signAskAlong, signPredecisions, type Actor, type AskAlongQuestion, type Decision, type DecisionRequest, type Logger, type PatientDecisionCategory } from '@onshi/platform';
import { isPatientDecisionCategory, stringArgument, type GatewayContext } from './accessPlugin';
import type { FieldCategories } from './accessPolicy';

/** False for a selection under `@skip(if: true)` or `@include(if: false)`: the executor will not resolve it, so nothing is asked for it. */
function selected(node: Parameters<typeof getDirectiveValues>[1], variables: Record<string, unknown> | undefined): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * The questions the subgraphs would ask the decision point plainly about the people a query names at its root
 * (platform predecisions.ts): `patient(id:)` or `me` loads the person under her QUALIFICATION decision (qualifications
 * PatientResolver), and each field selected on her carries the category its subgraph decides (`@access(category:)`).
 * Asked ahead only when the person's own QUALIFICATION question is plain for the caller's role, so that the fields'
 * questions go in the same call marked `afterQualification` (the decision point leaves them undecided and unlogged when
 * she is refused, as no subgraph would have asked them); a category the role can never read is left to its subgraph,
 * which may refuse it before asking (checkups at a pharmacy). `variables` are the operation's coerced values.
 */
export function predecisionRequests(document: DocumentNode, operationRoot: SelectionSetNode, variables: Record<string, unknown>, actor: Actor, categories: FieldCategories): DecisionRequest[] {
  if (!askedWithoutAttestedFacts(actor.role, 'QUALIFICATION')) return [];
  return rootQuestions(document, operationRoot, variables, actor, categories);
}

/**
 * For a role whose QUALIFICATION question carries a fact of qualifications' records (staff: the confirmation here), the
 * plain questions about the selected fields of the people a query names, which qualifications asks in the same call as
 * her QUALIFICATION question, marked `afterQualification`, and answers signed to the gateway for the subgraphs the
 * plan calls next (kit askAlong.ts): one decision call for the query here too.
 */
export function askAlongRequests(document: DocumentNode, operationRoot: SelectionSetNode, variables: Record<string, unknown>, actor: Actor, categories: FieldCategories): AskAlongQuestion[] {
  if (askedWithoutAttestedFacts(actor.role, 'QUALIFICATION')) return [];
  return rootQuestions(document, operationRoot, variables, actor, categories).flatMap(({ patientId, category, afterQualification }) =>
    afterQualification === true && category !== 'QUALIFICATION' && category !== 'ACCESS_LOG' ? [{ patientId, category }] : []);
}

/** The plain questions about the people named at the root: her QUALIFICATION question where plain, her fields' after it. */
function rootQuestions(document: DocumentNode, operationRoot: SelectionSetNode, variables: Record<string, unknown>, actor: Actor, categories: FieldCategories): DecisionRequest[] {
  const policyActor = policyActorOf(actor);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const questions = new Map<string, DecisionRequest>();
  const ask = (patientId: string, category: PatientDecisionCategory, afterQualification: boolean) => {
    if (!askedWithoutAttestedFacts(actor.role, category) || !mayEverReadWithAnyAuthority(policyActor, category)) return;
    const key = `${patientId}\u0000${category}`;
    if (!afterQualification) questions.set(key, { patientId, category });
    else if (!questions.has(key)) questions.set(key, { patientId, category, afterQualification });
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
    ask(patientId, 'QUALIFICATION', false);
    for (const field of fieldsOf(root.selectionSet)) {
      const category = categories.get(`Patient.${field.name.value}`);
      if (category !== undefined && isPatientDecisionCategory(category) && category !== 'QUALIFICATION') ask(patientId, category, true);
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
        async executionDidStart({ document, operation, request, contextValue, schema }) {
          const { actor, token } = contextValue;
          if (!actor || !token || operation.operation !== OperationTypeNode.QUERY) return;
          // The values the executor will use (defaults applied); values it will refuse ask nothing ahead.
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors !== undefined) return;
          const along = askAlongRequests(document, operation.selectionSet, variables.coerced, actor, options.categories);
          if (along.length > 0) {
            contextValue.askAlong = signAskAlong(along, 'qualifications', { requestId: contextValue.requestId, token }, options.internalSecret);
            return;
          }
          const requests = predecisionRequests(document, operation.selectionSet, variables.coerced, actor, options.categories);
          if (requests.length === 0) return;
          try {
            const decisions = (await options.decide(contextValue, requests)).filter((decision) => decision.undecided !== true);
            contextValue.predecisions = signPredecisions(decisions, { requestId: contextValue.requestId, token }, options.internalSecret);
          } catch (error) {
            options.logger.warn({ err: error, requestId: contextValue.requestId }, 'the decisions could not be asked ahead; the subgraphs ask for themselves');
          }
        },
      };
    },
  };
}
