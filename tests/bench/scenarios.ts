/**
 * The scenarios of the benchmark (docs/benchmarks.md "What is measured"), as operations over the schema of the moment (see operations.ts).
 * Each request of a run takes the next patient of the scenario's pool, so plans are cached (one
 * operation text) while data access is spread over many patients, as at a real reception desk.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { accessPolicyFromSupergraph, type AccessPolicy } from '@onshi/gateway/src/accessPolicy';
import { addDays, REPO_ROOT, type DemoOptions, type Role } from '@onshi/kit';
import { coverageOn, demoPatient } from '@onshi/demo';
import { buildOperation, variablesFrom, type ArgumentBag, type BuiltOperation } from './operations';

export type ScenarioName = 'reception' | 'doctorVisit' | 'dashboard' | 'dashboardMany' | 'phrSync';

export interface ScenarioSpec {
  name: ScenarioName;
  title: string;
  account: string;
  /** The account of the i-th request when the person asking changes with each request (default: `account` for all). */
  accountOf?(i: number): string;
  role: Role;
  kind: 'query' | 'mutation';
  root?: { field: string; type: string };
  wanted: readonly string[];
  /** Without these the scenario is not the one the issue describes: report it unavailable. */
  required: readonly string[];
  preferredArguments?: readonly string[];
  /** Argument values for the i-th request. */
  bag(i: number): ArgumentBag;
}

export interface PreparedScenario {
  spec: ScenarioSpec;
  operation: BuiltOperation;
  /** Request bodies cycled through during a run (pre-serialised: the load generator shares the CPU). */
  bodies: string[];
  /** With `spec.accountOf`: the token of each body's account, request i sending bodies[i] with tokens[i] (bench.ts). */
  tokens?: string[];
  unavailable?: string;
}

export interface SchemaFacts {
  schema: GraphQLSchema;
  policy: AccessPolicy;
}

export function loadSchemaFacts(root = REPO_ROOT): SchemaFacts {
  const schema = buildSchema(readFileSync(path.join(root, 'schema', 'api.graphql'), 'utf8'));
  const policy = accessPolicyFromSupergraph(readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8'));
  return { schema, policy };
}

/**
 * `size` demo patients with a coverage in force, spread evenly over the whole demo world (index ≥ 2: not the
 * named ones), so that at 10⁶ patients the load reads rows from all over the tables and indexes rather than
 * from the first pages. The benchmark registers the demo hospital's consents for them (reader.ts).
 */
export function patientPool(demo: DemoOptions, size: number): Array<ReturnType<typeof demoPatient>> {
  const pool: Array<ReturnType<typeof demoPatient>> = [];
  const first = 2;
  const span = Math.max(0, demo.patients - first);
  // Twice as many candidates as needed: a few have no coverage in force on the as-of date.
  const stride = Math.max(1, Math.floor(span / Math.max(1, size * 2)));
  const taken = new Set<number>();
  const consider = (index: number) => {
    if (pool.length >= size || taken.has(index)) return;
    taken.add(index);
    const patient = demoPatient(demo, index);
    if (coverageOn(patient, demo.asOf ?? '')) pool.push(patient);
  };
  for (let index = first; index < demo.patients && pool.length < size; index += stride) consider(index);
  for (let index = first; index < demo.patients && pool.length < size; index += 1) consider(index);
  return pool;
}

/**
 * `verificationTokens`: reader verifications of pool patients (reader.ts); with them the reception
 * scenario is the card confirmation the issue names, without them the typed-numbers confirmation
 * (ReferenceClassification 2, docs/domain.md "Confirmation at the counter (資格確認)"), which needs no reader step.
 */
export function scenarioSpecs(demo: DemoOptions, poolSize: number, options: { verificationTokens?: readonly string[] } = {}): ScenarioSpec[] {
  const asOf = demo.asOf ?? new Date().toISOString().slice(0, 10);
  const pool = patientPool(demo, poolSize);
  const yamada = demoPatient(demo, 0);
  const pick = (i: number) => pool[i % Math.max(1, pool.length)] ?? yamada;
  const fiveYearsAgo = addDays(asOf, -5 * 365 - 1);
  const oneYearAgo = addDays(asOf, -365);
  const dashboard: ScenarioSpec = {
    name: 'dashboard',
    title: 'Patient dashboard (マイページ home: me)',
    account: 'yamada',
    role: 'PATIENT',
    kind: 'query',
    root: { field: 'me', type: 'Patient' },
    wanted: ['id', 'name', 'currentQualification', 'medicationSummary', 'checkups', 'consents', 'phrGrants'],
    required: ['currentQualification'],
    bag: () => ({ from: fiveYearsAgo }),
  };
  return [
    options.verificationTokens && options.verificationTokens.length > 0
      ? {
        name: 'reception',
        title: 'Reception confirmation (資格確認 by My Number Card at the reader)',
        account: 'clinic-reception',
        role: 'RECEPTION',
        kind: 'mutation',
        wanted: ['confirmQualificationByCard'],
        required: ['confirmQualificationByCard'],
        bag: (i) => {
          const tokens = options.verificationTokens ?? [];
          return { verificationToken: tokens[i % tokens.length] };
        },
      }
      : {
        name: 'reception',
        title: 'Reception confirmation (資格確認 by insurance-card numbers; the card path was not available)',
        account: 'clinic-reception',
        role: 'RECEPTION',
        kind: 'mutation',
        wanted: ['confirmQualificationByInsuranceCard'],
        required: ['confirmQualificationByInsuranceCard'],
        bag: (i) => {
          const patient = pick(i);
          const coverage = coverageOn(patient, asOf);
          return {
            insurerNumber: coverage?.insurerNumber,
            insuredCardSymbol: coverage?.insuredCardSymbol,
            insuredIdentificationNumber: coverage?.insuredIdentificationNumber,
            insuredBranchNumber: coverage?.insuredBranchNumber,
            birthdate: patient.birthdate,
          };
        },
      },
    {
      name: 'doctorVisit',
      title: 'Doctor first visit (qualification + medication summary + 5 years of checkups)',
      account: 'hospital-doctor',
      role: 'DOCTOR',
      kind: 'query',
      root: { field: 'patient', type: 'Patient' },
      wanted: ['name', 'birthdate', 'currentQualification', 'medicationSummary', 'checkups'],
      required: ['currentQualification'],
      preferredArguments: ['from', 'since'],
      bag: (i) => ({ id: pick(i).id, from: fiveYearsAgo, since: fiveYearsAgo }),
    },
    dashboard,
    {
      // The same screen opened by many people at once, as the portal sees it: each request is another pool patient's
      // own login, so the decisions spread over the access-log chains (docs/benchmarks.md "PostgreSQL's time per
      // statement": the single-person dashboard queues on one chain head).
      ...dashboard,
      name: 'dashboardMany',
      title: 'Patient dashboards of many people (マイページ home: me, each request another patient)',
      account: `patient-${pick(0).index}`,
      accountOf: (i) => `patient-${pick(i).index}`,
    },
    {
      name: 'phrSync',
      title: "PHR sync (one patient's dispensings since a date)",
      account: 'phr-demo',
      role: 'PHR_APP',
      kind: 'query',
      root: { field: 'patient', type: 'Patient' },
      wanted: ['dispensings'],
      required: ['dispensings'],
      preferredArguments: ['from', 'since'],
      bag: () => ({ id: yamada.id, from: oneYearAgo, since: oneYearAgo }),
    },
  ];
}

export function prepareScenario(facts: SchemaFacts, spec: ScenarioSpec, distinctBodies: number): PreparedScenario {
  const operation = buildOperation(
    { schema: facts.schema, policy: facts.policy, role: spec.role, bag: spec.bag(0), preferredArguments: new Set(spec.preferredArguments ?? []) },
    { kind: spec.kind, name: `Bench_${spec.name}`, root: spec.root, wanted: spec.wanted, required: spec.required },
  );
  if (!operation.document) {
    return { spec, operation, bodies: [], unavailable: `not in the schema yet: ${operation.missing.join(', ')}` };
  }
  const document = operation.document;
  const bodies = Array.from({ length: Math.max(1, distinctBodies) }, (_, i) =>
    JSON.stringify({ query: document, variables: variablesFrom(facts.schema, operation, spec.bag(i)) }),
  );
  return { spec, operation, bodies };
}

/** Whether the schema offers the reader verification and the card confirmation (docs/contracts.md contract 4). */
export function cardPathAvailable(facts: SchemaFacts): boolean {
  const mutations = facts.schema.getMutationType()?.getFields() ?? {};
  return ['startReaderVerification', 'submitReaderStatement', 'confirmQualificationByCard'].every((name) => name in mutations);
}
