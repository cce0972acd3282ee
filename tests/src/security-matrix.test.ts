/**
 * The security matrix (issue 7 "Done when"): every field of the composed supergraph that carries
 * `@access`, for every role, through the gateway, for a patient who consented at the caller's facility
 * and for one who did not. Data-driven: fields that colleagues add to the supergraph join the matrix as
 * they land. Each cell asserts: allowed → the data; denied → the documented code and none of the data
 * (values read by an entitled reader of the same field) anywhere in the response text.
 *
 * The expected outcome of a Patient field is an independent statement of the rules (DOMAIN.md "Consent",
 * "Special rules"; issue 7 "Decision point"), not a call into the decision point's code:
 *   gateway: the role is not in the field's @access roles → FORBIDDEN before any subgraph is called;
 *   then the person (Query.patient, QUALIFICATION) and then the field's category (its subgraph).
 * Root fields other than `patient`/`me` and mutations carry no consent dimension: their cells check the
 * gateway's role rule (refused roles get FORBIDDEN and nothing else; mutations are not executed for
 * allowed roles, so that the matrix changes nothing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GraphQLEnumType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType, Kind, buildASTSchema, getNamedType, isLeafType, isNonNullType,
  parse, type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLOutputType,
} from 'graphql';
import { DEMO_DENTAL, DEMO_PHARMACY, REPO_ROOT, ROLES, type Role } from '@onshi/kit';
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

const SUPERGRAPH = readFileSync(path.join(REPO_ROOT, 'schema/supergraph.graphql'), 'utf8');
const document = parse(SUPERGRAPH);
const schema = buildASTSchema(document, { assumeValidSDL: true });

type Graph = 'QUALIFICATIONS' | 'DRUGS' | 'CHECKUPS' | 'CONSENT';
interface AccessField { type: string; field: string; roles: Role[]; graph: Graph }

/** Every `@access` field with its roles and owning subgraph, read from the supergraph SDL. */
function accessFields(): AccessField[] {
  const fields: AccessField[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const access = field.directives?.find((d) => d.name.value === 'access');
      const rolesArg = access?.arguments?.find((a) => a.name.value === 'roles');
      if (!rolesArg || rolesArg.value.kind !== Kind.LIST) continue;
      const roles = rolesArg.value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value as Role] : []));
      const join = field.directives?.find((d) => d.name.value === 'join__field')?.arguments?.find((a) => a.name.value === 'graph');
      const graph = join?.value.kind === Kind.ENUM ? (join.value.value as Graph) : 'QUALIFICATIONS';
      fields.push({ type: definition.name.value, field: field.name.value, roles, graph });
    }
  }
  return fields;
}

const ACCOUNT_OF: Record<Role, string> = {
  PATIENT: 'yamada', RECEPTION: 'clinic-reception', DOCTOR: 'clinic-doctor', DENTIST: 'dental-dentist', PHARMACIST: 'pharmacy-pharmacist',
  PHR_APP: 'phr-demo', INSURER: 'insurer-kokuho', ADMIN: 'admin',
};
const INSURER_NUMBER = '131011';
const CONSENTED = 0; // 山田 太郎: consents at the clinic (seed), the dental clinic and the pharmacy (beforeAll); phr-demo's grantor
const UNCONSENTED = 2; // a generated patient with no consent at any of the matrix's facilities

let system: TestSystem;
const ALL = accessFields();
const PATIENT_FIELDS = ALL.filter((f) => f.type === 'Patient');
const OTHER_FIELDS = ALL.filter((f) => f.type !== 'Patient' && !(f.type === 'Query' && (f.field === 'patient' || f.field === 'me')));

beforeAll(async () => {
  system = await startTestSystem({ patients: 6, gatewayEnv: { RATE_LIMIT_REQUESTS: '100000' } });
  const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
  const yamada = system.patient(CONSENTED).cardSerial;
  await readerVisit(call, system.demo, system.reader(DEMO_DENTAL.code), yamada, { drug: true, checkup: true });
  await readerVisit(call, system.demo, system.reader(DEMO_PHARMACY.code), yamada, { drug: true, checkup: true });
});
afterAll(async () => {
  await system?.stop();
});

// ---------------------------------------------------------------------------------------------------
// Building operations from the schema
// ---------------------------------------------------------------------------------------------------

function fieldDef(type: string, field: string): GraphQLField<unknown, unknown> {
  const owner = schema.getType(type);
  if (!(owner instanceof GraphQLObjectType)) throw new Error(`${type} is not an object type`);
  const def = owner.getFields()[field];
  if (!def) throw new Error(`${type}.${field} not in the schema`);
  return def;
}

function hasAccess(def: GraphQLField<unknown, unknown>, parent: string): boolean {
  return ALL.some((f) => f.type === parent && f.field === def.name);
}

/** Leaf fields of an output type, nested objects up to `depth`, skipping fields with required arguments or their own @access. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!(named instanceof GraphQLObjectType) || depth === 0) return '{ __typename }';
  const parts: string[] = [];
  for (const child of Object.values(named.getFields())) {
    if (child.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (hasAccess(child, named.name)) continue;
    const inner = getNamedType(child.type);
    if (isLeafType(inner)) parts.push(child.name);
    else if (depth > 1) parts.push(`${child.name} ${selection(child.type, depth - 1)}`);
  }
  return parts.length > 0 ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

function typeString(type: GraphQLInputType): string {
  return type.toString();
}

/** A plausible value for an argument: the example in its description, else one by name and type. */
function argumentValue(arg: GraphQLArgument, patientId: string): unknown {
  const example = /e\.g\.\s+([^\s,;)]+)/.exec(arg.description ?? '')?.[1];
  if (example) return example;
  return valueOf(arg.type, arg.name, patientId);
}

function valueOf(type: GraphQLInputType, name: string, patientId: string): unknown {
  if (type instanceof GraphQLNonNull) return valueOf(type.ofType, name, patientId);
  if (type instanceof GraphQLList) return [];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, valueOf(f.type, f.name, patientId)]));
  }
  if (type instanceof GraphQLScalarType) {
    if (type.name === 'Int' || type.name === 'Float') return /year/i.test(name) ? Number(system.demo.asOf.slice(0, 4)) : 1;
    if (type.name === 'Boolean') return false;
    if (/^(id|patientId)$/.test(name) || type.name === 'ID') return patientId;
    if (/date/i.test(name)) return system.demo.asOf;
    return 'x';
  }
  return null;
}

/** The operation for one field and the variables for one patient. Patient fields are read through Query.patient. */
function operationFor(target: AccessField, patientId: string): { query: string; variables: Record<string, unknown> } {
  const def = fieldDef(target.type, target.field);
  const args = def.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const call = args.map((a) => {
    variables[a.name] = argumentValue(a, patientId);
    definitions.push(`$${a.name}: ${typeString(a.type)}`);
    return `${a.name}: $${a.name}`;
  });
  const fieldText = `${target.field}${call.length > 0 ? `(${call.join(', ')})` : ''} ${selection(def.type, 4)}`;
  if (target.type === 'Patient') {
    variables.patientId = patientId;
    return { query: `query(${['$patientId: ID!', ...definitions].join(', ')}) { patient(id: $patientId) { ${fieldText} } }`, variables };
  }
  const keyword = target.type === 'Mutation' ? 'mutation' : 'query';
  return { query: `${keyword}${definitions.length > 0 ? `(${definitions.join(', ')})` : ''} { ${fieldText} }`, variables };
}

// ---------------------------------------------------------------------------------------------------
// The rules, stated independently
// ---------------------------------------------------------------------------------------------------

type Expected = { allow: true } | { allow: false; code: 'FORBIDDEN' | 'CONSENT_REQUIRED' | 'NOT_FOUND'; by: 'gateway' | 'rules' };
const FORBIDDEN_BY_RULES: Expected = { allow: false, code: 'FORBIDDEN', by: 'rules' };
/** A person the caller may not see answers exactly as an unknown id (docs/domain.md "What a facility may see at all"). */
const NOT_FOUND_BY_RULES: Expected = { allow: false, code: 'NOT_FOUND', by: 'rules' };

/** May this role see this person at all (Query.patient asks the decision point for QUALIFICATION)? */
function personVisible(role: Role, subject: number): Expected {
  const patient = system.patient(subject);
  switch (role) {
    case 'PATIENT': return subject === CONSENTED ? { allow: true } : NOT_FOUND_BY_RULES;
    case 'PHR_APP': return subject === CONSENTED ? { allow: true } : NOT_FOUND_BY_RULES;
    // A past or present insurer of the person (a former one sees only its own periods).
    case 'INSURER': return patient.coverages.some((c) => c.insurerNumber === INSURER_NUMBER) ? { allow: true } : NOT_FOUND_BY_RULES;
    case 'ADMIN': return { allow: true };
    // Staff: only a person who presented the card here (a reader visit with consent, or a confirmation) in the last 24 h.
    default: return subject === CONSENTED ? { allow: true } : NOT_FOUND_BY_RULES;
  }
}

/** The category rules for one field once the person is visible. */
function categoryRule(role: Role, graph: Graph, subject: number): Expected {
  const consented = subject === CONSENTED;
  if (graph === 'QUALIFICATIONS') return { allow: true };
  if (graph === 'CONSENT') return role === 'ADMIN' || (role === 'PATIENT' && consented) ? { allow: true } : FORBIDDEN_BY_RULES;
  const checkups = graph === 'CHECKUPS';
  switch (role) {
    case 'PATIENT':
    case 'PHR_APP': return consented ? { allow: true } : FORBIDDEN_BY_RULES;
    case 'DOCTOR':
    case 'DENTIST': return consented ? { allow: true } : { allow: false, code: 'CONSENT_REQUIRED', by: 'rules' };
    case 'PHARMACIST':
      if (checkups) return FORBIDDEN_BY_RULES;
      return consented ? { allow: true } : { allow: false, code: 'CONSENT_REQUIRED', by: 'rules' };
    case 'INSURER':
      // Checkups: all of them to the insurer that holds the person now (contract 7), the ones it commissioned to a
      // former insurer (an empty list when it commissioned none); drugs never.
      return checkups && system.patient(subject).coverages.some((c) => c.insurerNumber === INSURER_NUMBER) ? { allow: true } : FORBIDDEN_BY_RULES;
    default: return FORBIDDEN_BY_RULES; // RECEPTION and ADMIN never see drugs or checkups
  }
}

/**
 * 医療費通知 (DOMAIN.md "Consent"): the patient's own, and a PHR app's under an explicit expenses grant — never a
 * facility's, an insurer's or the operator's, whatever consent exists. phr-demo's grant names no EXPENSES.
 */
const EXPENSES_FIELDS = new Set(['medicalExpenses']);
function expensesRule(role: Role, subject: number): Expected {
  const self = subject === CONSENTED;
  // Another person is not found at all (Query.patient), before the expenses rule is asked.
  if (role === 'PATIENT') return self ? { allow: true } : NOT_FOUND_BY_RULES;
  if (role === 'PHR_APP') return self ? { allow: false, code: 'CONSENT_REQUIRED', by: 'rules' } : NOT_FOUND_BY_RULES;
  return { allow: false, code: 'FORBIDDEN', by: 'gateway' };
}

function expectedFor(target: AccessField, role: Role, subject: number): Expected {
  if (target.type === 'Patient' && EXPENSES_FIELDS.has(target.field)) return expensesRule(role, subject);
  const patientRoles = ALL.find((f) => f.type === 'Query' && f.field === 'patient')?.roles ?? [];
  if (!target.roles.includes(role) || (target.type === 'Patient' && !patientRoles.includes(role))) return { allow: false, code: 'FORBIDDEN', by: 'gateway' };
  if (target.type === 'Query' && target.field === 'me') return { allow: true };
  const person = personVisible(role, subject);
  if (!person.allow || (target.type === 'Query' && target.field === 'patient')) return person;
  return categoryRule(role, target.graph, subject);
}

// ---------------------------------------------------------------------------------------------------
// Protected values: what an entitled reader gets for the same field and person
// ---------------------------------------------------------------------------------------------------

/** Strings distinctive enough that their presence in a denial would be a leak (no codes, flags or the id asked for). */
function distinctiveValues(value: unknown, patientId: string, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (value.length >= 4 && !/^[A-Z0-9_]+$/.test(value) && value !== patientId && value !== 'Patient' && !/^[A-Z][A-Za-z]+$/.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) distinctiveValues(item, patientId, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) distinctiveValues(item, patientId, into);
  }
  return into;
}

function referenceAccount(target: AccessField, subject: number): string {
  if (subject === CONSENTED) return 'yamada';
  if (target.type === 'Patient' && EXPENSES_FIELDS.has(target.field)) return `patient-${subject}`; // only the person reads them
  // The operator sees the whole qualification; the hospital (a seeded consent) the drugs and checkups.
  return target.graph === 'CONSENT' || target.graph === 'QUALIFICATIONS' ? 'admin' : 'hospital-doctor';
}

const references = new Map<string, Set<string>>();
async function protectedValues(target: AccessField, subject: number): Promise<Set<string>> {
  const key = `${target.type}.${target.field}:${subject}`;
  const cached = references.get(key);
  if (cached) return cached;
  const patientId = system.patient(subject).id;
  const { query, variables } = operationFor(target, patientId);
  const result = await system.graphql(query, variables, await system.token(referenceAccount(target, subject)));
  // The reference read itself must succeed, or the leak check below would compare against nothing.
  expect({ field: key, errors: result.body.errors }).toEqual({ field: key, errors: undefined });
  const values = distinctiveValues(result.body.data, patientId);
  references.set(key, values);
  return values;
}

function codesOf(result: GraphQLResponse): unknown[] {
  return (result.body.errors ?? []).map((e) => e.extensions?.code);
}

function fieldValue(result: GraphQLResponse, target: AccessField): unknown {
  const data = result.body.data as Record<string, Record<string, unknown> | null> | null | undefined;
  return target.type === 'Patient' ? data?.patient?.[target.field] : data?.[target.field];
}

// ---------------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------------

describe('security matrix: every role × every Patient field with @access, with and without consent', () => {
  test('the supergraph has the fields this matrix is about', () => {
    expect(PATIENT_FIELDS.length).toBeGreaterThan(5);
    expect(PATIENT_FIELDS.map((f) => f.field)).toEqual(expect.arrayContaining(['name', 'accessLog', 'consents', 'phrGrants']));
  });

  const cells = [...PATIENT_FIELDS, ...ALL.filter((f) => f.type === 'Query' && (f.field === 'patient' || f.field === 'me'))]
    .flatMap((target) => ROLES.flatMap((role) => [CONSENTED, UNCONSENTED].map((subject) => ({ target, role, subject }))))
    .filter((cell) => !(cell.target.field === 'me' && cell.subject === UNCONSENTED));

  test.each(cells.map((cell) => [`${cell.target.type}.${cell.target.field}`, cell.role, cell.subject === CONSENTED ? 'with consent' : 'without consent', cell] as const))(
    '%s as %s, %s', async (_coordinate, role, _consent, cell) => {
      const patientId = system.patient(cell.subject).id;
      const expected = expectedFor(cell.target, role, cell.subject);
      const { query, variables } = operationFor(cell.target, patientId);
      const result = await system.graphql(query, variables, await system.token(ACCOUNT_OF[role]));
      const coordinate = `${cell.target.type}.${cell.target.field}`;
      if (expected.allow) {
        expect({ coordinate, role, errors: result.body.errors }).toEqual({ coordinate, role, errors: undefined });
        const value = fieldValue(result, cell.target);
        expect(value).not.toBeUndefined();
        if (!isNonNullType(fieldDef(cell.target.type, cell.target.field).type)) return;
        expect(value).not.toBeNull();
        return;
      }
      expect({ coordinate, role, codes: codesOf(result) }).toEqual({ coordinate, role, codes: expect.arrayContaining([expected.code]) });
      if (expected.by === 'gateway') {
        expect(result.body.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining([coordinate]));
        expect(result.body.data ?? null).toBeNull();
      }
      expect(fieldValue(result, cell.target) ?? null).toBeNull();
      const leaked = [...(await protectedValues(cell.target, cell.subject))].filter((value) => result.text.includes(value));
      expect({ coordinate, role, leaked }).toEqual({ coordinate, role, leaked: [] });
    },
  );
});

describe('security matrix: the leak checks were real', () => {
  test('denials were compared against the protected values an entitled reader got', () => {
    // Read only for cells that were denied: yamada's name is denied to nobody, the other patient's to some.
    expect(references.get(`Patient.name:${UNCONSENTED}`)).toContain(system.patient(UNCONSENTED).name);
    // Drug and checkup data of yamada were denied to reception, the insurer and the operator.
    const yamadaDrugsAndCheckups = [...references.entries()].filter(([key]) => key.endsWith(':0') && PATIENT_FIELDS.some((f) => f.graph !== 'QUALIFICATIONS' && key.startsWith(`Patient.${f.field}:`)));
    expect(yamadaDrugsAndCheckups.filter(([, values]) => values.size > 0).length).toBeGreaterThanOrEqual(3);
    const nonEmpty = [...references.values()].filter((values) => values.size > 0).length;
    expect(nonEmpty * 2).toBeGreaterThanOrEqual(references.size);
  });
});

describe('security matrix: root fields and mutations with @access — the gateway role rule', () => {
  const cells = OTHER_FIELDS.flatMap((target) => ROLES.map((role) => ({ target, role })));
  test.each(cells.map((cell) => [`${cell.target.type}.${cell.target.field}`, cell.role, cell] as const))('%s as %s', async (coordinate, role, cell) => {
    const { query, variables } = operationFor(cell.target, system.patient(CONSENTED).id);
    if (cell.target.roles.includes(role)) {
      if (cell.target.type === 'Mutation') {
        // Allowed roles are not executed (the matrix must change nothing); the gateway's policy must list them.
        expect(cell.target.roles).toContain(role);
        return;
      }
      const result = await system.graphql(query, variables, await system.token(ACCOUNT_OF[role]));
      const refusedByGateway = (result.body.errors ?? []).some((e) => Array.isArray(e.extensions?.fields) && e.extensions.fields.includes(coordinate));
      expect({ coordinate, role, refusedByGateway }).toEqual({ coordinate, role, refusedByGateway: false });
      return;
    }
    const result = await system.graphql(query, variables, await system.token(ACCOUNT_OF[role]));
    expect({ coordinate, role, code: result.body.errors?.[0]?.extensions?.code }).toEqual({ coordinate, role, code: 'FORBIDDEN' });
    expect(result.body.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining([coordinate]));
    expect(result.body.data ?? null).toBeNull();
  });
});
