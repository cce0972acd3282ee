import { createRequire } from 'node:module';
import type { computeResponse as apolloComputeResponseType } from '@apollo/gateway/dist/resultShaping';
import {
  isCompositeType, isCustomScalarType, isEnumType, isListType, isNonNullType, isObjectType, isSubtype, typenameFieldName, Variable,
  type CompositeType, type Directive, type Operation, type Schema, type SelectionSet, type Type,
} from '@apollo/federation-internals';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DefinitionNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/**
 * The gateway's result shaping, compiled once per operation (docs/architecture.md "Result shaping").
 *
 * After the subgraphs answer, @apollo/gateway copies the merged data into the shape the client asked for
 * (`computeResponse` in its resultShaping.js): for every value of a 20–40 KB answer it walks the operation's
 * selection objects, looks up @skip/@include, the response name and the field's type, and allocates a result
 * record. That walk was 14–16 % of the gateway's CPU on the doctor's screen and the dashboard (profiles in
 * docs/benchmarks.md). Here the same walk is planned once per operation document: each selection set becomes a
 * list of steps with its response names, conditions, types and leaf checks resolved, and the answer is copied by
 * following the steps.
 *
 * Only the well-formed answer takes this path. Whenever Apollo's shaping would report something — a null for a
 * non-null field, a value that is not valid for its leaf type, an unknown `__typename`, a malformed @skip/@include
 * variable — the compiled shaper gives up and Apollo's own `computeResponse` shapes the whole answer, so errors,
 * null propagation and messages stay Apollo's. Operations with schema introspection (`__schema`, `__type`) and
 * response names that an ordinary object cannot hold are never compiled. resultShaping.test.ts checks the two
 * against each other on the supergraph's real operations and on crafted edge cases.
 */

type ComputeResponse = typeof apolloComputeResponseType;
type ShapingArguments = Parameters<ComputeResponse>[0];
type ShapedAnswer = ReturnType<ComputeResponse>;
type Variables = Record<string, unknown>;

/** Thrown by the compiled shaper where Apollo's shaping would report an error: Apollo's shaping then runs. */
const SHAPE_WITH_APOLLO = Symbol('shape the answer with Apollo computeResponse');

/** @skip(if:) or @include(if:): a constant, or a variable read from the request (defaults applied). */
interface Condition {
  readonly skipIf?: boolean | string;
  readonly includeIf?: boolean | string;
}

interface FieldStep {
  readonly kind: 'field';
  readonly responseName: string;
  readonly condition: Condition | undefined;
  readonly value: ValueShape;
  /** Apollo returns a value already written by an earlier selection of the same name as it is, for a leaf. */
  readonly hasSelectionSet: boolean;
}

interface TypenameStep {
  readonly kind: 'typename';
  readonly responseName: string;
  readonly condition: Condition | undefined;
}

interface FragmentStep {
  readonly kind: 'fragment';
  readonly condition: Condition | undefined;
  readonly typeCondition: CompositeType | undefined;
  readonly steps: readonly Step[];
  /** Whether the type condition applies, by runtime `__typename` or parent type: the schema does not change. */
  readonly applies: Map<string, boolean>;
}

type Step = FieldStep | TypenameStep | FragmentStep;

type ValueShape =
  | { readonly kind: 'nonNull'; readonly of: ValueShape }
  | { readonly kind: 'list'; readonly of: ValueShape }
  | { readonly kind: 'composite'; readonly type: CompositeType; readonly steps: readonly Step[] }
  | { readonly kind: 'leaf'; readonly isValid: (value: unknown) => boolean };

/**
 * Objects of the answer: no inherited properties (Apollo uses `Object.create(null)`, so a response name such as
 * `constructor` reads as absent), yet created by a constructor so V8 keeps them in fast mode, which
 * `JSON.stringify` walks faster than dictionary-mode objects.
 */
interface ShapedObject { [responseName: string]: unknown }
const ShapedObject = function ShapedObject(this: ShapedObject) { /* no own properties */ } as unknown as new () => ShapedObject;
ShapedObject.prototype = Object.create(null) as ShapedObject;

/** A compiled operation: its root steps, the schema it was compiled against and its variables' defaults. */
export interface CompiledShaper {
  readonly schema: Schema;
  readonly rootType: CompositeType;
  readonly steps: readonly Step[];
  /** Only an operation with @skip/@include reads variables while shaping. */
  readonly defaultedVariables: Variables | undefined;
}

/** Not compiled: schema introspection is answered by Apollo's hook; `__proto__` would not be an own property. */
class NotCompilable extends Error {}

const INTEGER_STRING = /^-?(?:0|[1-9][0-9]*)$/;

/** federation-internals' isValidLeafValue with the type's questions answered once (values.js). */
function leafValidator(type: Type): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  const schema = type.schema();
  const isBoolean = type === schema.booleanType();
  const isInt = type === schema.intType();
  const isId = type === schema.idType();
  const isFloat = type === schema.floatType();
  const enumValues = isEnumType(type) ? new Set(type.values.map((value) => value.name)) : undefined;
  const stringIsValid = !isBoolean && !isInt && !isFloat;
  return (value) => {
    if (typeof value === 'string') return enumValues ? enumValues.has(value) : stringIsValid;
    if (typeof value === 'boolean') return isBoolean;
    if (typeof value === 'number' && Number.isFinite(value)) return isInt || isId ? INTEGER_STRING.test(String(value)) : isFloat;
    return false;
  };
}

function conditionOf(directives: readonly Pick<Directive, 'name' | 'arguments'>[]): Condition | undefined {
  // Apollo reads the first @skip and the first @include (resultShaping.js shouldSkip).
  const ifArgument = (name: string): boolean | string | undefined => {
    const directive = directives.find((applied) => applied.name === name);
    if (!directive) return undefined;
    const value = (directive.arguments() as { if?: unknown }).if;
    return value instanceof Variable ? value.name : Boolean(value);
  };
  const skipIf = ifArgument('skip');
  const includeIf = ifArgument('include');
  return skipIf === undefined && includeIf === undefined ? undefined : { skipIf, includeIf };
}

function valueShapeOf(type: Type, selectionSet: SelectionSet | undefined): ValueShape {
  if (isNonNullType(type)) return { kind: 'nonNull', of: valueShapeOf(type.ofType, selectionSet) };
  if (isListType(type)) return { kind: 'list', of: valueShapeOf(type.ofType, selectionSet) };
  if (isCompositeType(type)) {
    if (!selectionSet) throw new NotCompilable(`no selection set for ${type.name}`);
    return { kind: 'composite', type, steps: stepsOf(selectionSet) };
  }
  return { kind: 'leaf', isValid: leafValidator(type) };
}

function stepsOf(selectionSet: SelectionSet): Step[] {
  return selectionSet.selections().map((selection): Step => {
    const element = selection.element;
    const condition = conditionOf(element.appliedDirectives);
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      const responseName = field.responseName();
      if (responseName === '__proto__') throw new NotCompilable('a response name __proto__');
      if (field.definition.isSchemaIntrospectionField()) throw new NotCompilable('schema introspection');
      if (field.name === typenameFieldName) return { kind: 'typename', responseName, condition };
      const type = field.definition.type;
      if (!type) throw new NotCompilable(`no type for ${responseName}`);
      return { kind: 'field', responseName, condition, value: valueShapeOf(type, selection.selectionSet), hasSelectionSet: selection.selectionSet !== undefined };
    }
    const typeCondition = selection.element.typeCondition;
    return { kind: 'fragment', condition, typeCondition, steps: stepsOf(selection.selectionSet), applies: new Map() };
  });
}

/** Plans the shaping of one operation, or undefined where only Apollo's shaping will do. */
export function compileShaper(operation: Operation): CompiledShaper | undefined {
  try {
    const schema = operation.schema();
    const rootType = schema.schemaDefinition.rootType(operation.rootKind);
    if (!rootType) return undefined;
    const defaults = operation.collectDefaultedVariableValues() as Variables;
    const steps = stepsOf(operation.selectionSet);
    return { schema, rootType, steps, defaultedVariables: Object.keys(defaults).length > 0 ? defaults : undefined };
  } catch (error) {
    if (error instanceof NotCompilable) return undefined;
    throw error;
  }
}

interface Run {
  readonly schema: Schema;
  readonly variables: Variables;
}

const hasOwn = Object.prototype.hasOwnProperty;

function ifValue(value: boolean | string, variables: Variables): boolean {
  if (typeof value === 'boolean') return value;
  const given = variables[value];
  if (typeof given !== 'boolean') throw SHAPE_WITH_APOLLO;
  return given;
}

function isSkipped(condition: Condition, variables: Variables): boolean {
  return (condition.skipIf !== undefined && ifValue(condition.skipIf, variables))
    || (condition.includeIf !== undefined && !ifValue(condition.includeIf, variables));
}

function fragmentApplies(step: FragmentStep, typename: string | undefined, parentType: CompositeType, schema: Schema): boolean {
  const typeCondition = step.typeCondition;
  if (!typeCondition) return true;
  const key = typename ? `t:${typename}` : `p:${parentType.name}`;
  let applies = step.applies.get(key);
  if (applies === undefined) {
    if (typename) {
      const type = schema.type(typename);
      applies = !!type && isSubtype(typeCondition, type);
    } else {
      applies = isSubtype(typeCondition, parentType);
    }
    step.applies.set(key, applies);
  }
  return applies;
}

function shapeSelections(steps: readonly Step[], input: Record<string, unknown>, output: ShapedObject, parentType: CompositeType, run: Run): void {
  for (const step of steps) {
    if (step.condition !== undefined && isSkipped(step.condition, run.variables)) continue;
    if (step.kind === 'field') {
      const name = step.responseName;
      const inputValue = hasOwn.call(input, name) ? input[name] ?? null : null;
      output[name] = shapeValue(step.value, output[name], inputValue, step.hasSelectionSet, run);
    } else if (step.kind === 'typename') {
      const name = step.responseName;
      if (output[name] !== undefined) continue;
      let inputValue = hasOwn.call(input, name) ? input[name] ?? null : null;
      if (inputValue === null && name !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
      const type = typeof inputValue === 'string' ? run.schema.type(inputValue) ?? parentType : parentType;
      if (!isObjectType(type)) throw SHAPE_WITH_APOLLO;
      output[name] = type.name;
    } else {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') throw SHAPE_WITH_APOLLO;
      if (fragmentApplies(step, typename ? typename as string : undefined, parentType, run.schema)) {
        shapeSelections(step.steps, input, output, step.typeCondition ?? parentType, run);
      }
    }
  }
}

function shapeValue(shape: ValueShape, outputValue: unknown, inputValue: unknown, hasSelectionSet: boolean, run: Run): unknown {
  if (outputValue === null || (outputValue !== undefined && !hasSelectionSet)) return outputValue;
  switch (shape.kind) {
    case 'nonNull': {
      const shaped = shapeValue(shape.of, outputValue, inputValue, hasSelectionSet, run);
      if (shaped === null) throw SHAPE_WITH_APOLLO;
      return shaped;
    }
    case 'list': {
      if (inputValue === null) return null;
      if (!Array.isArray(inputValue)) throw SHAPE_WITH_APOLLO;
      if (outputValue !== undefined && (!Array.isArray(outputValue) || outputValue.length !== inputValue.length)) throw SHAPE_WITH_APOLLO;
      const earlier = outputValue as unknown[] | undefined;
      const shapedList = new Array<unknown>(inputValue.length);
      for (let index = 0; index < inputValue.length; index++) {
        const element: unknown = inputValue[index];
        if (element === undefined) throw SHAPE_WITH_APOLLO;
        shapedList[index] = shapeValue(shape.of, earlier?.[index], element, hasSelectionSet, run);
      }
      return shapedList;
    }
    case 'composite': {
      if (inputValue === null) return null;
      if (typeof inputValue !== 'object') throw SHAPE_WITH_APOLLO;
      if (outputValue !== undefined && typeof outputValue !== 'object') throw SHAPE_WITH_APOLLO;
      const typename = (inputValue as Record<string, unknown>)[typenameFieldName];
      if (typename !== undefined && typeof typename !== 'string') throw SHAPE_WITH_APOLLO;
      let objectType = shape.type;
      if (typename) {
        const named = run.schema.type(typename);
        if (!named || !isCompositeType(named)) throw SHAPE_WITH_APOLLO;
        objectType = named;
      }
      const shapedObject = (outputValue as ShapedObject | undefined) ?? new ShapedObject();
      shapeSelections(shape.steps, inputValue as Record<string, unknown>, shapedObject, objectType, run);
      return shapedObject;
    }
    case 'leaf': {
      if (inputValue === null) return null;
      if (!shape.isValid(inputValue)) throw SHAPE_WITH_APOLLO;
      return inputValue;
    }
  }
}

/**
 * The answer shaped by the compiled plan, or undefined where Apollo's shaping must answer (it would report an
 * error or propagate a null).
 */
export function shapeCompiled(shaper: CompiledShaper, input: ShapingArguments['input'], variables: Variables | undefined): ShapedAnswer | undefined {
  if (!input) return { data: input, errors: [] };
  const run: Run = {
    schema: shaper.schema,
    variables: shaper.defaultedVariables ? { ...shaper.defaultedVariables, ...variables } : variables ?? {},
  };
  const data = new ShapedObject();
  try {
    shapeSelections(shaper.steps, input, data, shaper.rootType, run);
  } catch (error) {
    if (error === SHAPE_WITH_APOLLO) return undefined;
    throw error;
  }
  return { data, errors: [] };
}

/**
 * Apollo's module itself (an `import * as` namespace would be a copy under esbuild and swc), and its own shaping,
 * kept to answer what the compiled plan hands back.
 */
const apolloResultShaping = createRequire(__filename)('@apollo/gateway/dist/resultShaping') as { computeResponse: ComputeResponse };
const apolloComputeResponse: ComputeResponse = apolloResultShaping.computeResponse;

/**
 * The request whose answer is being shaped, by its variables object: `computeResponse` is handed the request's own
 * `variables` and nothing else that names the request, and the object is the request's alone.
 */
const operationOfRequest = new WeakMap<object, OperationDefinitionNode>();
/** Compiled plans by the operation's parsed node, which Apollo Server's document cache reuses between requests. */
const compiledByOperation = new WeakMap<OperationDefinitionNode, CompiledShaper | null>();

function computeResponse(shaping: ShapingArguments): ShapedAnswer {
  const operationNode = shaping.variables ? operationOfRequest.get(shaping.variables) : undefined;
  if (!operationNode) return apolloComputeResponse(shaping);
  let shaper = compiledByOperation.get(operationNode);
  if (shaper === undefined || (shaper !== null && shaper.schema !== shaping.operation.schema())) {
    shaper = compileShaper(shaping.operation) ?? null;
    compiledByOperation.set(operationNode, shaper);
  }
  return (shaper && shapeCompiled(shaper, shaping.input, shaping.variables)) ?? apolloComputeResponse(shaping);
}

type OperationFromDocument = (schema: Schema, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => Operation;

/**
 * federation-internals' operations module, as @apollo/gateway resolves it. Its package index re-exports this module's
 * functions through getters that read the module's exports, so replacing an export here replaces it for the gateway.
 */
const federationOperations = createRequire(createRequire(__filename).resolve('@apollo/gateway'))('@apollo/federation-internals/dist/operations') as { operationFromDocument: OperationFromDocument };
const apolloOperationFromDocument: OperationFromDocument = federationOperations.operationFromDocument;

/** The operations built for `executeQueryPlan`, by API schema and parsed operation node, with the definitions each was built from. */
const executedOperations = new WeakMap<Schema, WeakMap<OperationDefinitionNode, { definitions: readonly DefinitionNode[]; operation: Operation }>>();

/**
 * `operationFromDocument`, built once per operation document for `executeQueryPlan`. For every request, @apollo/gateway
 * turns the parsed operation into its own `Operation` again before running the plan (its query-plan conditions and the
 * answer's shaping read it), from the same nodes each time: Apollo Server's document cache hands a repeated query the
 * same parsed document. That rebuild was 4.4 % of the gateway's CPU under the dashboard (docs/benchmarks.md "Per-request
 * work left in Apollo"). The `Operation` is a function of the schema and those
 * nodes alone; the request's variables are applied where it is read (plan conditions, @skip/@include while shaping).
 * Only `executeQueryPlan`'s call is kept (the operation node first, its fragments after, not validated again); any
 * other call, and a document whose nodes differ, is built as before.
 */
export function operationOncePerDocument(schema: Schema, document: DocumentNode, options?: { operationName?: string; validate?: boolean }): Operation {
  const operationNode = document.definitions[0];
  if (options?.validate !== false || options.operationName !== undefined || operationNode?.kind !== Kind.OPERATION_DEFINITION) {
    return apolloOperationFromDocument(schema, document, options);
  }
  let bySchema = executedOperations.get(schema);
  if (bySchema === undefined) {
    bySchema = new WeakMap();
    executedOperations.set(schema, bySchema);
  }
  const known = bySchema.get(operationNode);
  if (known !== undefined && known.definitions.length === document.definitions.length && known.definitions.every((definition, i) => definition === document.definitions[i])) {
    return known.operation;
  }
  const operation = apolloOperationFromDocument(schema, document, options);
  bySchema.set(operationNode, { definitions: [...document.definitions], operation });
  return operation;
}

let installed = false;

/**
 * Puts the compiled shaping in Apollo's place, and the operation built once per document (`operationOncePerDocument`):
 * `executeQueryPlan` calls `computeResponse` and `operationFromDocument` through their modules' exports, so replacing
 * the exports is enough. Requests the plugin did not see are shaped by Apollo as before.
 */
export function compiledResultShapingPlugin(): ApolloServerPlugin {
  if (!installed) {
    if (typeof apolloResultShaping.computeResponse !== 'function') throw new Error('@apollo/gateway no longer exports resultShaping.computeResponse: review gateway/src/resultShaping.ts');
    if (typeof federationOperations.operationFromDocument !== 'function') throw new Error('@apollo/federation-internals no longer exports operations.operationFromDocument: review gateway/src/resultShaping.ts');
    apolloResultShaping.computeResponse = computeResponse;
    federationOperations.operationFromDocument = operationOncePerDocument;
    installed = true;
  }
  return {
    async requestDidStart() {
      return {
        async executionDidStart(requestContext) {
          if (!requestContext.operation) return;
          // An object of its own, so that computeResponse can tell this request's answer from any other's.
          const variables = requestContext.request.variables ?? (requestContext.request.variables = {});
          operationOfRequest.set(variables, requestContext.operation);
        },
      };
    },
  };
}
