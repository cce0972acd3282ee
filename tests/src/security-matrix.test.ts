/**
 * The security matrix: every field of the composed supergraph that carries `@access`, for every role, through the
 * gateway, for a person in each situation the access policy distinguishes (docs/access-policy.md): consented at the
 * caller's facility; no consent anywhere; consented and then registered as a DV/abuse victim; identified in disaster
 * mode with the separate consent, with the exemption, or with neither; emergency access attempted by a clinic and a
 * pharmacy (refused: hospitals only); a former member of the matrix's insurer. Data-driven: fields that colleagues add
 * to the supergraph join the matrix as they land. Each cell asserts: allowed → the data (and the fields a view
 * withholds are null); denied → the documented code and none of the data (values read by an entitled reader of the
 * same field) anywhere in the response text. A DV-blocked person's allowed reads are leak-checked as well: they must
 * read as a person with no records (docs/domain.md "DV").
 *
 * The expected outcome of a Patient field is an independent statement of the rules (docs/domain.md "Consent (同意) — the core rule",
 * "Special rules"), not a call into the decision point's code:
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
import { REPO_ROOT, ROLES, type Role } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_DENTAL, DEMO_PHARMACY, demoPatient } from '@onshi/demo';
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { AS_OF, startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

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
/**
 * Who asks: one account per role, and the hospital's doctor who holds the emergency viewing authority (emergency
 * access is a hospital's: docs/domain.md "Emergency access"). The hospital's seeded consents cover its ward
 * (generated patients 2 and up); for 山田 (not of the ward) it opens emergency access in beforeAll.
 */
const HOSPITAL_DOCTOR = 'hospital-doctor';
interface MatrixActor { label: string; role: Role; account: string }
const ACTORS: MatrixActor[] = [
  ...ROLES.map((role) => ({ label: role, role, account: ACCOUNT_OF[role] })),
  { label: 'DOCTOR at a hospital with the emergency authority', role: 'DOCTOR', account: HOSPITAL_DOCTOR },
];
const INSURER_NUMBER = '131011';
const CONSENTED = 0; // 山田 太郎: consents at the clinic (seed), the dental clinic and the pharmacy (beforeAll); phr-demo's grantor
const UNCONSENTED = 2; // a generated patient with no consent at any of the matrix's facilities
/** Consented at the clinic, the dental clinic and the pharmacy, then registered as a DV/abuse victim (beforeAll). */
const DV_BLOCKED = 3;
/** Identified by the 4-field search at each of the three facilities in a declared disaster, then: */
const DISASTER_CONSENT = 4; // the patient's separate consent recorded
const DISASTER_EXEMPTION = 5; // the exemption recorded (cannot express their will; life or body)
const DISASTER_NEITHER = 6; // nothing recorded
/** The clinic and the pharmacy tried to open emergency access (hospitals only): refused, nothing opens. */
const EMERGENCY_REFUSED = 7;
const PATIENTS = 40;
const WORLD = { seed: 'onshi', patients: PATIENTS, asOf: AS_OF };
/** The first generated person whose coverage by the matrix's insurer has ended and who is insured elsewhere now. */
const FORMER_MEMBER = Array.from({ length: PATIENTS - 8 }, (_, offset) => demoPatient(WORLD, offset + 8)).find((person) => {
  const current = person.coverages.at(-1);
  return current !== undefined && current.insurerNumber !== INSURER_NUMBER && person.coverages.some((c) => c.insurerNumber === INSURER_NUMBER && c.disqualificationDate !== undefined);
})?.index ?? -1;

const SUBJECT_LABEL: Record<number, string> = {
  [CONSENTED]: 'with consent', [UNCONSENTED]: 'without consent', [DV_BLOCKED]: 'DV-blocked after consenting',
  [DISASTER_CONSENT]: 'disaster: identified, consent recorded', [DISASTER_EXEMPTION]: 'disaster: identified, exemption recorded',
  [DISASTER_NEITHER]: 'disaster: identified, neither recorded', [EMERGENCY_REFUSED]: 'emergency refused at a clinic and a pharmacy',
  [FORMER_MEMBER]: 'former member of the insurer',
};
const SUBJECTS = [CONSENTED, UNCONSENTED, DV_BLOCKED, DISASTER_CONSENT, DISASTER_EXEMPTION, DISASTER_NEITHER, EMERGENCY_REFUSED, FORMER_MEMBER];
const DISASTER_PERMITTED = new Set([DISASTER_CONSENT, DISASTER_EXEMPTION]);
const LICENSED: ReadonlySet<Role> = new Set<Role>(['DOCTOR', 'DENTIST', 'PHARMACIST']);
const STAFF_ACCOUNTS = ['clinic-doctor', 'dental-dentist', 'pharmacy-pharmacist'];

let system: TestSystem;
const ALL = accessFields();
const PATIENT_FIELDS = ALL.filter((f) => f.type === 'Patient');
const OTHER_FIELDS = ALL.filter((f) => f.type !== 'Patient' && !(f.type === 'Query' && (f.field === 'patient' || f.field === 'me')));
const emergencyAttempts: Array<{ account: string; code: unknown; data: unknown }> = [];

beforeAll(async () => {
  system = await startTestSystem({ patients: PATIENTS, gatewayEnv: { RATE_LIMIT_REQUESTS: '100000' } });
  const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
  const yamada = system.patient(CONSENTED).cardSerial;
  await readerVisit(call, system.demo, system.reader(DEMO_DENTAL.code), yamada, { drug: true, checkup: true });
  await readerVisit(call, system.demo, system.reader(DEMO_PHARMACY.code), yamada, { drug: true, checkup: true });

  // DV: she consents at the three facilities; what an entitled reader saw before the block is what must not leak after.
  for (const facility of [DEMO_CLINIC, DEMO_DENTAL, DEMO_PHARMACY]) {
    await readerVisit(call, system.demo, system.reader(facility.code), system.patient(DV_BLOCKED).cardSerial, { drug: true, checkup: true });
  }
  for (const target of [...PATIENT_FIELDS, ...ALL.filter((f) => f.type === 'Query' && f.field === 'patient')]) await protectedValues(target, DV_BLOCKED);
  const blocked = await system.graphql('mutation($p: String!) { registerDvBlock(patientId: $p, requestReference: "matrix: the person\'s request") { patientId } }', { p: system.patient(DV_BLOCKED).id }, await system.token('admin'));
  if (blocked.body.errors) throw new Error(blocked.text);

  // Disaster mode over the demo facilities (Tokyo, 13): each licensed staff member identifies the three people.
  const declared = await system.graphql('mutation($s: String!, $e: String!) { declareDisaster(name: "マトリクス地震", prefectures: ["13"], startsAt: $s, endsAt: $e) { id } }',
    { s: new Date(Date.now() - 60_000).toISOString(), e: new Date(Date.now() + 86_400_000).toISOString() }, await system.token('admin'));
  if (declared.body.errors) throw new Error(declared.text);
  for (const account of STAFF_ACCOUNTS) {
    for (const index of [DISASTER_CONSENT, DISASTER_EXEMPTION, DISASTER_NEITHER]) {
      const person = system.patient(index);
      const municipality = /^(?:東京都|北海道|大阪府|京都府|.{2,3}県)?(.+?[市区町村])/.exec(person.address)?.[1] ?? person.address;
      const found = await system.graphql<{ disasterSearch: { patient: { id: string } | null } }>(
        'query($n: String!, $b: String!, $s: String!, $i: String!) { disasterSearch(name: $n, birthdate: $b, sex: $s, insurerNameOrAddress: $i) { patient { id } } }',
        { n: person.name, b: person.birthdate, s: person.sex, i: municipality }, await system.token(account));
      if (found.body.data?.disasterSearch.patient?.id !== person.id) throw new Error(`${account} did not identify ${index}: ${found.text}`);
      const recorded = index === DISASTER_CONSENT
        ? await system.graphql('mutation($p: ID!) { recordDisasterConsent(patientId: $p) { basis } }', { p: person.id }, await system.token(account))
        : index === DISASTER_EXEMPTION
          ? await system.graphql('mutation($p: ID!) { recordDisasterExemption(patientId: $p, reason: "意識障害のため意思確認不可") { basis } }', { p: person.id }, await system.token(account))
          : undefined;
      if (recorded?.body.errors) throw new Error(recorded.text);
    }
  }

  // At the hospital, its doctor with the emergency authority opens emergency access for 山田 (no consent there).
  const opened = await system.graphql('mutation($c: String!) { startEmergencyAccess(cardSerial: $c, reason: "救急搬送、意識なし") { expiresAt } }', { c: system.patient(CONSENTED).cardSerial }, await system.token(HOSPITAL_DOCTOR));
  if (opened.body.errors) throw new Error(opened.text);
  // Emergency access is a hospital's (docs/domain.md "Emergency access"): a clinic's doctor and a pharmacist try it.
  for (const account of ['clinic-doctor', 'pharmacy-pharmacist']) {
    const attempt = await system.graphql('mutation($c: String!) { startEmergencyAccess(cardSerial: $c, reason: "意識なし 救急搬送") { expiresAt } }', { c: system.patient(EMERGENCY_REFUSED).cardSerial }, await system.token(account));
    emergencyAttempts.push({ account, code: attempt.body.errors?.[0]?.extensions?.code, data: attempt.body.data?.startEmergencyAccess ?? null });
  }
}, 600_000);
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

/** allow with `withheld`: the field is answered, null (a rule's view withholds it). */
type Expected = { allow: true; withheld?: true } | { allow: false; code: 'FORBIDDEN' | 'CONSENT_REQUIRED' | 'NOT_FOUND'; by: 'gateway' | 'rules' };
const FORBIDDEN_BY_RULES: Expected = { allow: false, code: 'FORBIDDEN', by: 'rules' };
/** A person the caller may not see answers exactly as an unknown id (docs/domain.md "What a facility may see at all"). */
const NOT_FOUND_BY_RULES: Expected = { allow: false, code: 'NOT_FOUND', by: 'rules' };

/** May this role see this person at all (Query.patient asks the decision point for QUALIFICATION)? */
function personVisible(role: Role, subject: number): Expected {
  const patient = system.patient(subject);
  switch (role) {
    case 'PATIENT': return subject === CONSENTED ? { allow: true } : NOT_FOUND_BY_RULES;
    case 'PHR_APP': return subject === CONSENTED ? { allow: true } : NOT_FOUND_BY_RULES;
    // A past or present insurer of the person (a former one sees only its own periods); a DV-blocked person as nobody.
    case 'INSURER': return subject !== DV_BLOCKED && patient.coverages.some((c) => c.insurerNumber === INSURER_NUMBER) ? { allow: true } : NOT_FOUND_BY_RULES;
    case 'ADMIN': return subject === DV_BLOCKED ? NOT_FOUND_BY_RULES : { allow: true };
    // Staff: a person who presented the card here (a reader visit, or a confirmation) in the last 24 h — a DV block does
    // not stop that — or, for licensed staff in disaster mode, a person identified here with consent or the exemption.
    default:
      if (subject === CONSENTED || subject === DV_BLOCKED) return { allow: true };
      return DISASTER_PERMITTED.has(subject) && LICENSED.has(role) ? { allow: true } : NOT_FOUND_BY_RULES;
  }
}

/** Fields a rule's view withholds from a reader who may see the person (platform policy.ts RuleView). */
const ADDRESS_FIELDS = new Set(['address', 'postNumber']);
function withheld(target: AccessField, role: Role, subject: number): boolean {
  if (target.type !== 'Patient' || !ADDRESS_FIELDS.has(target.field)) return false;
  // No address under a DV block (docs/domain.md "DV"); none for a former insurer (docs/domain.md "Insurers").
  if (subject === DV_BLOCKED) return true;
  return role === 'INSURER' && subject === FORMER_MEMBER;
}

/** The category rules for one field once the person is visible. */
function categoryRule(role: Role, graph: Graph, subject: number): Expected {
  const consented = subject === CONSENTED;
  // Consent here, or a disaster identification with consent or exemption; a DV-blocked person reads as one without
  // records (allowed, leak-checked below).
  const facilityMayRead = consented || subject === DV_BLOCKED || DISASTER_PERMITTED.has(subject);
  if (graph === 'QUALIFICATIONS') return { allow: true };
  if (graph === 'CONSENT') return role === 'ADMIN' || (role === 'PATIENT' && consented) ? { allow: true } : FORBIDDEN_BY_RULES;
  const checkups = graph === 'CHECKUPS';
  switch (role) {
    case 'PATIENT':
    case 'PHR_APP': return consented ? { allow: true } : FORBIDDEN_BY_RULES;
    case 'DOCTOR':
    case 'DENTIST': return facilityMayRead ? { allow: true } : { allow: false, code: 'CONSENT_REQUIRED', by: 'rules' };
    case 'PHARMACIST':
      if (checkups) return FORBIDDEN_BY_RULES;
      return facilityMayRead ? { allow: true } : { allow: false, code: 'CONSENT_REQUIRED', by: 'rules' };
    case 'INSURER':
      // Checkups: all of them to the insurer that holds the person now (docs/contracts.md contract 7), the ones it commissioned to a
      // former insurer (an empty list when it commissioned none); drugs never.
      return checkups && system.patient(subject).coverages.some((c) => c.insurerNumber === INSURER_NUMBER) ? { allow: true } : FORBIDDEN_BY_RULES;
    default: return FORBIDDEN_BY_RULES; // RECEPTION and ADMIN never see drugs or checkups
  }
}

/**
 * 医療費通知 (docs/domain.md "Consent (同意) — the core rule"): the patient's own, and a PHR app's under an explicit expenses grant — never a
 * facility's, an insurer's or the operator's, whatever consent exists. phr-demo's grant names no EXPENSES.
 */
const EXPENSES_FIELDS = new Set(['medicalExpenses']);
/** The holder's own cards (docs/domain.md "Card certificate expiry"): the person alone reads them, not even the operator. */
const HOLDER_ONLY_FIELDS = new Set(['myNumberCards']);
function expensesRule(role: Role, subject: number): Expected {
  const self = subject === CONSENTED;
  // Another person is not found at all (Query.patient), before the expenses rule is asked.
  if (role === 'PATIENT') return self ? { allow: true } : NOT_FOUND_BY_RULES;
  if (role === 'PHR_APP') return self ? { allow: false, code: 'CONSENT_REQUIRED', by: 'rules' } : NOT_FOUND_BY_RULES;
  return { allow: false, code: 'FORBIDDEN', by: 'gateway' };
}

/**
 * Fields about the caller's own standing, not the person's data: `specialAccessHere` says whether the caller's reads
 * rest on disaster mode or emergency access (the page's banner). Staff read it wherever they may see the person.
 */
const STANDING_FIELDS = new Set(['specialAccessHere']);
function expectedStanding(subject: number, actor: MatrixActor): unknown {
  // At the hospital: 山田 under emergency access; everyone else of the ward under its consents (not special).
  if (actor.account === HOSPITAL_DOCTOR) return subject === CONSENTED ? { kind: 'EMERGENCY', categories: ['DRUG', 'CHECKUP'] } : null;
  return DISASTER_PERMITTED.has(subject) && LICENSED.has(actor.role) ? { kind: 'DISASTER', categories: actor.role === 'PHARMACIST' ? ['DRUG'] : ['DRUG', 'CHECKUP'] } : null;
}

/**
 * The hospital's doctor: 山田 is open under emergency access, every other person of the matrix under the ward's
 * consents (a DV-blocked person then reads as one with no records); the role's gateway rules are a doctor's.
 */
function expectedAtHospital(target: AccessField, subject: number): Expected {
  const asDoctor = expectedFor(target, 'DOCTOR', subject);
  if (!asDoctor.allow && asDoctor.by === 'gateway') return asDoctor;
  if (target.type === 'Query') return { allow: true };
  if (withheld(target, 'DOCTOR', subject)) return { allow: true, withheld: true };
  if (STANDING_FIELDS.has(target.field) || target.graph !== 'CONSENT') return { allow: true };
  return FORBIDDEN_BY_RULES;
}

function expectedFor(target: AccessField, role: Role, subject: number): Expected {
  if (target.type === 'Patient' && EXPENSES_FIELDS.has(target.field)) return expensesRule(role, subject);
  const patientRoles = ALL.find((f) => f.type === 'Query' && f.field === 'patient')?.roles ?? [];
  if (!target.roles.includes(role) || (target.type === 'Patient' && !patientRoles.includes(role))) return { allow: false, code: 'FORBIDDEN', by: 'gateway' };
  if (target.type === 'Query' && target.field === 'me') return { allow: true };
  const person = personVisible(role, subject);
  if (!person.allow || (target.type === 'Query' && target.field === 'patient')) return person;
  if (withheld(target, role, subject)) return { allow: true, withheld: true };
  if (target.type === 'Patient' && STANDING_FIELDS.has(target.field)) return { allow: true };
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
  // Read before her block (beforeAll): her consented doctor; her expenses herself; the rest as for anyone.
  if (subject === DV_BLOCKED && target.graph === 'DRUGS' && !EXPENSES_FIELDS.has(target.field)) return 'clinic-doctor';
  if (subject === DV_BLOCKED && target.graph === 'CHECKUPS') return 'clinic-doctor';
  if (target.type === 'Patient' && (EXPENSES_FIELDS.has(target.field) || HOLDER_ONLY_FIELDS.has(target.field))) return `patient-${subject}`; // only the person reads them
  // The operator sees the whole qualification; the hospital (a seeded consent) the drugs and checkups.
  return target.graph === 'CONSENT' || target.graph === 'QUALIFICATIONS' ? 'admin' : 'hospital-doctor';
}

const references = new Map<string, Set<string>>();
async function protectedValues(target: AccessField, subject: number): Promise<Set<string>> {
  const key = `${target.type}.${target.field}:${subject}`;
  const cached = references.get(key);
  if (cached) return cached;
  if (STANDING_FIELDS.has(target.field)) return new Set(); // the caller's standing: nothing of the person to leak
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

describe('security matrix: every role × every Patient field with @access × every situation of the person', () => {
  test('the supergraph has the fields this matrix is about, and the world has a former member of the insurer', () => {
    expect(PATIENT_FIELDS.length).toBeGreaterThan(5);
    expect(PATIENT_FIELDS.map((f) => f.field)).toEqual(expect.arrayContaining(['name', 'accessLog', 'consents', 'phrGrants']));
    expect(FORMER_MEMBER).toBeGreaterThan(EMERGENCY_REFUSED);
  });

  test('emergency access is refused to a clinic and a pharmacy, and opens nothing (docs/domain.md "Emergency access")', () => {
    expect(emergencyAttempts).toEqual([
      { account: 'clinic-doctor', code: 'FORBIDDEN', data: null },
      { account: 'pharmacy-pharmacist', code: 'FORBIDDEN', data: null },
    ]);
  });

  const cells = [...PATIENT_FIELDS, ...ALL.filter((f) => f.type === 'Query' && (f.field === 'patient' || f.field === 'me'))]
    .flatMap((target) => ACTORS.flatMap((actor) => SUBJECTS.map((subject) => ({ target, actor, subject }))))
    .filter((cell) => !(cell.target.field === 'me' && cell.subject !== CONSENTED));

  test.each(cells.map((cell) => [`${cell.target.type}.${cell.target.field}`, cell.actor.label, SUBJECT_LABEL[cell.subject] ?? String(cell.subject), cell] as const))(
    '%s as %s, %s', async (_coordinate, role, _situation, cell) => {
      const patientId = system.patient(cell.subject).id;
      const expected = cell.actor.account === HOSPITAL_DOCTOR ? expectedAtHospital(cell.target, cell.subject) : expectedFor(cell.target, cell.actor.role, cell.subject);
      const { query, variables } = operationFor(cell.target, patientId);
      const result = await system.graphql(query, variables, await system.token(cell.actor.account));
      const coordinate = `${cell.target.type}.${cell.target.field}`;
      if (expected.allow) {
        expect({ coordinate, role, errors: result.body.errors }).toEqual({ coordinate, role, errors: undefined });
        const value = fieldValue(result, cell.target);
        expect(value).not.toBeUndefined();
        if (expected.withheld) {
          expect({ coordinate, role, value }).toEqual({ coordinate, role, value: null });
          return;
        }
        if (STANDING_FIELDS.has(cell.target.field)) {
          expect({ coordinate, role, value }).toEqual({ coordinate, role, value: expectedStanding(cell.subject, cell.actor) });
          return;
        }
        if (cell.subject === DV_BLOCKED) {
          // Allowed reads of a blocked person are those of a person with no records: nothing of hers but who she is.
          // What another person's answer has too (the item's name, today's date) is not hers.
          const anyones = await protectedValues(cell.target, UNCONSENTED);
          const ownRecords = cell.target.graph === 'QUALIFICATIONS' ? [] : [...(await protectedValues(cell.target, DV_BLOCKED))].filter((text) => !anyones.has(text));
          const leaked = ownRecords.filter((text) => result.text.includes(text));
          expect({ coordinate, role, leaked }).toEqual({ coordinate, role, leaked: [] });
        }
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
    // The blocked person's drugs were read before the block: her allowed reads after it were checked against them.
    const blockedDrugs = [...references.entries()].filter(([key, values]) => key.endsWith(`:${DV_BLOCKED}`) && values.size > 0 && PATIENT_FIELDS.some((f) => f.graph === 'DRUGS' && key.startsWith(`Patient.${f.field}:`)));
    expect(blockedDrugs.length).toBeGreaterThanOrEqual(2);
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
