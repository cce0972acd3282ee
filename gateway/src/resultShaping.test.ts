import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  buildSchema, isCompositeType, isCustomScalarType, isEnumType, isListType, isNonNullType, isObjectType, operationFromDocument, possibleRuntimeTypes, Supergraph,
  type CompositeType, type Operation, type Schema, type SelectionSet, type Type,
} from '@apollo/federation-internals';
import type { computeResponse as ComputeResponse } from '@apollo/gateway/dist/resultShaping';
import type { GraphQLRequestContextExecutionDidStart } from '@apollo/server';
import { Kind, parse, type DefinitionNode, type OperationDefinitionNode } from 'graphql';
import { compiledResultShapingPlugin, compileShaper, operationOncePerDocument, shapeCompiled } from './resultShaping';

/*
 * The compiled result shaping against Apollo's own computeResponse (resultShaping.ts): on every operation the portal
 * sends (its trusted documents), on operations written to reach the corners of Apollo's algorithm (aliases, repeated
 * fields whose selections merge, fragments on interfaces and unions, @skip/@include by constant, variable and
 * default, __typename under an alias), over generated subgraph data, the two answers must serialize to the same
 * bytes; on data Apollo reports as wrong (a null for a non-null field, an invalid enum value or scalar, an unknown
 * __typename), the installed shaping must hand the answer to Apollo, errors and all.
 */

const ROOT = path.join(__dirname, '..', '..');
const apiSchema = Supergraph.build(readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8')).apiSchema();
const shapingModule = createRequire(__filename)('@apollo/gateway/dist/resultShaping') as { computeResponse: typeof ComputeResponse };
/** Apollo's shaping, captured before the plugin puts the compiled one in its place. */
const apolloComputeResponse = shapingModule.computeResponse;
const plugin = compiledResultShapingPlugin();

const trustedDocuments = Object.values(JSON.parse(readFileSync(path.join(ROOT, 'portal', 'lib', 'graphql', 'generated', 'persisted-documents.json'), 'utf8')) as Record<string, string>);

/** A deterministic generator, so that a failure can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function leafValue(type: Type, random: () => number): unknown {
  if (isEnumType(type)) return type.values[Math.floor(random() * type.values.length)]?.name;
  if (isCustomScalarType(type)) return random() < 0.5 ? `v${Math.floor(random() * 1000)}` : { nested: [1, 'two'] };
  switch ((type as { name: string }).name) {
    case 'Int': return Math.floor(random() * 2000) - 1000;
    case 'Float': return random() * 100;
    case 'Boolean': return random() < 0.5;
    case 'ID': return random() < 0.5 ? `id-${Math.floor(random() * 100)}` : Math.floor(random() * 100);
    default: return `テキスト "${Math.floor(random() * 1000)}"\n`;
  }
}

/** Subgraph-like data for a selection set: every selected response name, nulls where the schema allows them. */
function fillObject(selectionSet: SelectionSet, runtimeType: CompositeType, into: Record<string, unknown>, random: () => number, schema: Schema): void {
  for (const selection of selectionSet.selections()) {
    if (selection.kind === 'FragmentSelection') {
      const condition = selection.element.typeCondition;
      if (!condition || possibleRuntimeTypes(condition).some((type) => type.name === runtimeType.name)) fillObject(selection.selectionSet, runtimeType, into, random, schema);
      continue;
    }
    const field = selection.element;
    const name = field.responseName();
    if (field.name === '__typename') {
      into[name] = runtimeType.name;
      continue;
    }
    // Own properties only: a response name such as `constructor` must not find Object's.
    const existing = Object.hasOwn(into, name) ? into[name] : undefined;
    into[name] = valueFor(field.definition.type as Type, selection.selectionSet, existing, random, schema);
  }
}

function valueFor(type: Type, selectionSet: SelectionSet | undefined, existing: unknown, random: () => number, schema: Schema): unknown {
  if (existing !== undefined && (existing === null || !selectionSet)) return existing;
  if (isNonNullType(type)) return valueFor(type.ofType, selectionSet, existing, random, schema) ?? valueFor(type.ofType, selectionSet, undefined, () => 0.5, schema);
  if (existing === undefined && random() < 0.12) return null;
  if (isListType(type)) {
    if (Array.isArray(existing)) return existing.map((element) => valueFor(type.ofType, selectionSet, element, random, schema));
    return Array.from({ length: Math.floor(random() * 4) }, () => valueFor(type.ofType, selectionSet, undefined, random, schema));
  }
  if (isCompositeType(type)) {
    const runtimeTypes = possibleRuntimeTypes(type);
    const object = (existing as Record<string, unknown> | undefined) ?? {};
    const runtimeType = typeof object.__typename === 'string' ? schema.type(object.__typename) as CompositeType : runtimeTypes[Math.floor(random() * runtimeTypes.length)] ?? type;
    // The gateway's merged data names the type of an abstract value; of an object type, only sometimes.
    if (!isObjectType(type) || random() < 0.3) object.__typename = runtimeType.name;
    fillObject(selectionSet as SelectionSet, runtimeType, object, random, schema);
    return object;
  }
  return leafValue(type, random);
}

function operationOf(source: string, operationName?: string): { operation: Operation; node: OperationDefinitionNode } {
  const document = parse(source);
  const operation = operationFromDocument(apiSchema, document, { operationName, validate: true });
  const node = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition' && (!operationName || definition.name?.value === operationName));
  if (!node) throw new Error('no operation');
  return { operation, node };
}

function inputFor(operation: Operation, seed: number): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const rootType = apiSchema.schemaDefinition.rootType(operation.rootKind) as CompositeType;
  fillObject(operation.selectionSet, rootType, input, randomSource(seed), apiSchema);
  return input;
}

const noIntrospection = () => { throw new Error('introspection is not expected here'); };

/**
 * What a client receives, byte for byte, and the errors by message and path; or what was thrown (Apollo asserts on
 * some malformed data, e.g. an object where a list belongs; the gateway turns that into an error answer).
 */
async function wire(shape: () => ReturnType<typeof ComputeResponse> | Promise<ReturnType<typeof ComputeResponse>>): Promise<string> {
  try {
    const answer = await shape();
    return JSON.stringify({ data: answer.data, errors: answer.errors.map((error) => ({ message: error.message, path: error.path, code: error.extensions.code })) });
  } catch (error) {
    return `thrown: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The installed shaping, reached as the gateway reaches it: a request the plugin saw, then Apollo's export. */
async function shapeAsTheGatewayDoes(node: OperationDefinitionNode, operation: Operation, input: Record<string, unknown>, variables: Record<string, unknown> | undefined): Promise<ReturnType<typeof ComputeResponse>> {
  const request: { variables?: Record<string, unknown> } = variables ? { variables } : {};
  const hooks = await plugin.requestDidStart?.({} as never);
  await hooks?.executionDidStart?.({ operation: node, request } as unknown as GraphQLRequestContextExecutionDidStart<never>);
  return shapingModule.computeResponse({ operation, variables: request.variables, input, introspectionHandling: noIntrospection });
}

/** Both shapings of one answer, as the client would receive them, and the installed shaping's answer. */
async function bothShapings(node: OperationDefinitionNode, operation: Operation, input: Record<string, unknown>, variables: Record<string, unknown> | undefined) {
  const apollo = await wire(() => apolloComputeResponse({ operation, variables: variables && { ...variables }, input: structuredClone(input), introspectionHandling: noIntrospection }));
  let answer: ReturnType<typeof ComputeResponse> | undefined;
  const installed = await wire(async () => (answer = await shapeAsTheGatewayDoes(node, operation, structuredClone(input), variables && { ...variables })));
  return { apollo, installed, answer, apolloReported: apollo.startsWith('thrown') || !apollo.endsWith('"errors":[]}') };
}

/** Corrupts one value Apollo checks, somewhere in the data: what a faulty subgraph could send. */
function corrupt(input: Record<string, unknown>, random: () => number): boolean {
  const places: { holder: Record<string, unknown> | unknown[]; key: string | number; value: unknown }[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach((element, index) => { places.push({ holder: value, key: index, value: element }); walk(element); });
    else if (value && typeof value === 'object') for (const [key, element] of Object.entries(value)) { places.push({ holder: value as Record<string, unknown>, key, value: element }); walk(element); }
  };
  walk(input);
  if (places.length === 0) return false;
  const place = places[Math.floor(random() * places.length)];
  if (!place) return false;
  const replacement = place.key === '__typename' ? 'NoSuchType' : [null, 'NOT_AN_ENUM_VALUE', 3.5, true, Number.NaN, 'text'][Math.floor(random() * 6)];
  (place.holder as Record<string | number, unknown>)[place.key] = replacement;
  return true;
}

const cornerCases: { name: string; source: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'aliases, a repeated field whose selections merge, __typename under an alias',
    source: `query Corner($id: ID!) {
      first: patient(id: $id) { id kind: __typename currentQualification { __typename } }
      patient(id: $id) { id }
      first: patient(id: $id) { currentQualification { insurerNumber } qualifications { id } }
      constructor: patient(id: $id) { toString: id }
    }`,
    variables: { id: 'p-1' },
  },
  {
    name: '@skip and @include by constant, by variable and by a variable\'s default',
    source: `query Conditions($id: ID!, $withConsents: Boolean = true, $skipGrants: Boolean!) {
      patient(id: $id) {
        id @skip(if: false)
        consents @include(if: $withConsents) { __typename }
        phrGrants @skip(if: $skipGrants) { __typename }
        ... @include(if: false) { currentQualification { __typename } }
        ... on Patient @skip(if: $skipGrants) { medicationSummary { __typename } }
      }
    }`,
    variables: { id: 'p-1', skipGrants: false },
  },
];

/**
 * The API has no interfaces or unions today; a small schema with both checks the fragments that the runtime
 * __typename selects, so that the first abstract type the API gains is shaped right.
 */
const abstractSchema = buildSchema(`
  type Query { items: [Item!]! search: [Result] first: Item }
  interface Item { id: ID! label: String }
  type Drug implements Item { id: ID! label: String dose: Float }
  type Checkup implements Item { id: ID! label: String systolic: Int }
  union Result = Drug | Checkup
`);
const abstractOperation = `query Abstract {
  items { __typename id ... on Drug { dose label } ... on Checkup { systolic } ... on Item { label } }
  search { ... on Item { id } ... on Drug { dose } ... on Checkup { kind: __typename systolic } }
  first { id ... on Checkup { systolic } }
}`;

describe('compiled result shaping equals Apollo computeResponse', () => {
  test('every trusted document of the portal, over generated data, serializes to the same bytes', async () => {
    let compiledAnswers = 0;
    for (const [index, source] of trustedDocuments.entries()) {
      const { operation, node } = operationOf(source);
      expect(compileShaper(operation)).toBeDefined();
      for (let seed = 1; seed <= 25; seed++) {
        const { apollo, installed, answer, apolloReported } = await bothShapings(node, operation, inputFor(operation, index * 1000 + seed), {});
        expect(installed).toBe(apollo);
        expect(apolloReported).toBe(false);
        // The compiled path answered: its objects are not Apollo's null-prototype ones.
        if (answer?.data && Object.getPrototypeOf(answer.data) !== null) compiledAnswers++;
      }
    }
    expect(compiledAnswers).toBe(trustedDocuments.length * 25);
  });

  test.each(cornerCases)('$name', async ({ source, variables }) => {
    const { operation, node } = operationOf(source);
    expect(compileShaper(operation)).toBeDefined();
    let compiledAnswers = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const input = inputFor(operation, seed);
      for (const given of [variables, { ...variables, withConsents: false, skipGrants: true }]) {
        const { apollo, installed, answer } = await bothShapings(node, operation, input, given);
        expect(installed).toBe(apollo);
        if (answer?.data && Object.getPrototypeOf(answer.data) !== null) compiledAnswers++;
      }
    }
    expect(compiledAnswers).toBe(400);
  });

  test('a response name `constructor` or `toString` is the data, not an inherited function', async () => {
    const { operation, node } = operationOf(cornerCases[0]?.source ?? '');
    const input = { first: { id: 'a', currentQualification: null, qualifications: [] }, patient: { id: 'a' }, constructor: { toString: 'b' } };
    const answer = await shapeAsTheGatewayDoes(node, operation, input, { id: 'p-1' });
    expect(Object.getPrototypeOf(answer.data)).not.toBeNull();
    expect(JSON.parse(JSON.stringify(answer.data))).toEqual({ first: { id: 'a', kind: 'Patient', currentQualification: null, qualifications: [] }, patient: { id: 'a' }, constructor: { toString: 'b' } });
  });

  test('fragments on an interface and a union answer by the runtime __typename', async () => {
    const document = parse(abstractOperation);
    const operation = operationFromDocument(abstractSchema, document, { validate: true });
    const node = document.definitions[0] as OperationDefinitionNode;
    expect(compileShaper(operation)).toBeDefined();
    const random = randomSource(11);
    let reported = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const input: Record<string, unknown> = {};
      fillObject(operation.selectionSet, abstractSchema.schemaDefinition.rootType('query') as CompositeType, input, randomSource(seed), abstractSchema);
      if (seed % 3 === 0) corrupt(input, random);
      const { apollo, installed, apolloReported } = await bothShapings(node, operation, input, {});
      expect(installed).toBe(apollo);
      if (apolloReported) reported++;
    }
    expect(reported).toBeGreaterThan(20);
  });

  test('data Apollo reports as wrong is shaped by Apollo: the same errors, the same nulls, the same failures', async () => {
    const random = randomSource(7);
    let reported = 0;
    for (const [index, source] of trustedDocuments.entries()) {
      const { operation, node } = operationOf(source);
      for (let seed = 1; seed <= 15; seed++) {
        const input = inputFor(operation, index * 977 + seed);
        if (!corrupt(input, random)) continue;
        const { apollo, installed, apolloReported } = await bothShapings(node, operation, input, {});
        expect(installed).toBe(apollo);
        if (apolloReported) reported++;
      }
    }
    expect(reported).toBeGreaterThan(100);
  });

  test('an operation with schema introspection, or an alias __proto__, is left to Apollo', () => {
    expect(compileShaper(operationOf('query Introspect { __schema { queryType { name } } }').operation)).toBeUndefined();
    expect(compileShaper(operationOf('query Proto($id: ID!) { __proto__: patient(id: $id) { id } }').operation)).toBeUndefined();
  });

  test('a request the plugin did not see is shaped by Apollo', () => {
    const { operation } = operationOf(trustedDocuments[0] ?? '');
    const input = inputFor(operation, 3);
    const answer = shapingModule.computeResponse({ operation, variables: {}, input, introspectionHandling: noIntrospection });
    expect(Object.getPrototypeOf(answer.data)).toBeNull();
  });

  test('an answer without data stays without data', () => {
    const { operation } = operationOf(trustedDocuments[0] ?? '');
    const shaper = compileShaper(operation);
    expect(shaper && shapeCompiled(shaper, null, {})).toEqual({ data: null, errors: [] });
  });
});

/*
 * The operation @apollo/gateway builds for every request before it runs the plan (resultShaping.ts
 * `operationOncePerDocument`): built once per parsed document, as Apollo would build it, and never handed to a request
 * whose document is another one. That the reused operation still follows each request's variables through the real
 * gateway is shown in tests/src/predecisions.test.ts.
 */
describe("the gateway's operation, built once per document", () => {
  const source = 'query Visit($id: ID!, $with: Boolean!) { patient(id: $id) { ...Name medicationSummary @include(if: $with) { asOf } } } fragment Name on Patient { name }';
  /** executeQueryPlan's call: a new document object each time, holding the operation node first and the fragments after. */
  const executorCall = (definitions: readonly DefinitionNode[]) => operationOncePerDocument(apiSchema, { kind: Kind.DOCUMENT, definitions: [...definitions] }, { validate: false });

  test('the same nodes give the same operation, which is the one Apollo builds', () => {
    const parsed = parse(source);
    const first = executorCall(parsed.definitions);
    expect(executorCall(parsed.definitions)).toBe(first);
    expect(first.toString()).toBe(operationFromDocument(apiSchema, parsed, { validate: true }).toString());
  });

  test('another parse of the same text, another fragment node, another schema or another kind of call is built afresh', () => {
    const parsed = parse(source);
    const first = executorCall(parsed.definitions);
    const [operationNode, fragmentNode] = parsed.definitions;
    if (!operationNode || !fragmentNode) throw new Error('the document has an operation and a fragment');
    const reparsed = parse(source);
    expect(executorCall(reparsed.definitions)).not.toBe(first);
    const [, otherFragment] = reparsed.definitions;
    if (!otherFragment) throw new Error('the document has a fragment');
    expect(executorCall([operationNode, otherFragment])).not.toBe(first);
    // The operation node without its fragment is not the document that was built: it fails as Apollo's build does.
    expect(() => executorCall([operationNode])).toThrow(/Cannot find fragment name "Name"/);
    const otherSchema = Supergraph.build(readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8')).apiSchema();
    expect(operationOncePerDocument(otherSchema, { kind: Kind.DOCUMENT, definitions: [...parsed.definitions] }, { validate: false })).not.toBe(first);
    // The query planner's own call (validated, by operation name) is Apollo's, every time.
    const planned = operationOncePerDocument(apiSchema, parsed, { operationName: 'Visit' });
    expect(operationOncePerDocument(apiSchema, parsed, { operationName: 'Visit' })).not.toBe(planned);
    // And a document it cannot build fails as Apollo's does, each time, with nothing kept.
    const unknownField = parse('query Broken { patient(id: "x") { noSuchField } }');
    expect(() => executorCall(unknownField.definitions)).toThrow(/noSuchField/);
    expect(() => executorCall(unknownField.definitions)).toThrow(/noSuchField/);
  });

  test('the installed gateway builds its operations through it', () => {
    const operations = createRequire(createRequire(__filename).resolve('@apollo/gateway'))('@apollo/federation-internals/dist/operations') as { operationFromDocument: unknown };
    expect(operations.operationFromDocument).toBe(operationOncePerDocument);
  });
});
