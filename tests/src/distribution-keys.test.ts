/**
 * The table-key rules that let the database grow beyond one server (docs/scaling.md "Distribution plan"):
 * Citus-style, patient data distributed by patient id and co-located, so that everything one confirmation or one
 * patient's read touches lives on one shard. Read from the real schema: every committed migration of every
 * subgraph is applied to an in-memory PGlite and the catalog is read, so a new migration is checked as it runs.
 *
 * Every table of every subgraph is placed here. A table a new migration adds without a placement fails the test;
 * so does a placement or an exception that no longer matches the schema (the lists stay true).
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Catalog } from './probes/schemaCatalogProbe';

const REPO_ROOT = path.join(__dirname, '../..');

/**
 * The catalog after every committed migration, and after `nextSql` on top, read by the probe in its own process
 * (PGlite's WASM does not load inside Jest's VM); one probe run for both, PGlite's start is the slow part.
 */
function migratedCatalogs(nextSql: string): { committed: Catalog; next: Catalog } {
  const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', path.join(REPO_ROOT, 'tsconfig.base.json'), path.join(__dirname, 'probes/schemaCatalogProbe.ts'), ...SUBGRAPHS], {
    input: nextSql, encoding: 'utf8', timeout: 240_000,
  });
  if (run.status !== 0) throw new Error(`schema catalog probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { committed: Catalog; next: Catalog };
}

/** A next migration that breaks every rule once (and keeps one co-located foreign key, which is fine). */
const BAD_MIGRATION = `
  create table consent.sneaky (id serial primary key, patient_id text not null, other_patient_id text);
  create table drugs.claim_notes (id bigserial primary key, patient_id text not null, about_patient_id text not null, claim_id uuid not null, note text);
  alter table drugs.claim_notes add constraint claim_notes_other_fk foreign key (about_patient_id, claim_id) references drugs.claims (patient_id, claim_id);
  alter table drugs.claim_notes add constraint claim_notes_own_fk foreign key (claim_id, patient_id) references drugs.claims (claim_id, patient_id);
  create unique index claim_notes_claim_idx on drugs.claim_notes (claim_id, patient_id);
  alter table checkups.checkup_items add column patient_id text;`;

const SUBGRAPHS = ['consent', 'qualifications', 'drugs', 'checkups'] as const;

type Placement =
  /** Patient data: distributed by `column`, co-located with every other patient table. */
  | { kind: 'patient'; column: string; exceptions?: Record<string, string> }
  /** Distributed, but by a key other than the patient (a lookup by card serial, an audit partition, ...): `why`. */
  | { kind: 'distributed'; column: string; why: string; exceptions?: Record<string, string> }
  /** Small, read everywhere, written rarely: a copy on every node (Citus reference table). No patient data. */
  | { kind: 'reference' }
  /** Stays on the coordinator (Citus local table): not patient data, or bookkeeping: `why`. */
  | { kind: 'local'; why: string };

/**
 * Unique keys of patient tables that do not lead with the patient, and a nullable patient column ("<column> nullable").
 * Each is kept, with the reason and what the distribution does about it, in docs/scaling.md "Exceptions". Surrogate uuid keys are gen_random_uuid()
 * (no sequence), globally unique by construction; at the cut-over they become PRIMARY KEY (patient_id, id).
 */
const SURROGATE = 'uuid surrogate key (gen_random_uuid, no sequence); becomes (patient_id, id) at the cut-over: docs/scaling.md "Exceptions"';

const patient = (exceptions?: Record<string, string>): Placement => ({ kind: 'patient', column: 'patient_id', ...(exceptions ? { exceptions } : {}) });
const surrogate = (primaryKey: string): Placement => patient({ [primaryKey]: SURROGATE });
const REFERENCE: Placement = { kind: 'reference' };

const PLACEMENT: Record<string, Placement> = {
  // consent
  'consent.access_log': { kind: 'distributed', column: 'partition', why: 'chain partition = sha256(patient id) mod N (auditChain.ts): one patient, one partition; co-located with audit_heads' },
  'consent.audit_heads': { kind: 'distributed', column: 'partition', why: 'the chain head of a partition, updated under lock with the partition\'s entries' },
  'consent.audit_checkpoints': { kind: 'local', why: 'a checkpoint holds the heads of all partitions at once (audit:verify)' },
  'consent.accounts': { kind: 'local', why: 'logins by account name before any patient is known; staff and patient accounts (auth tier)' },
  'consent.refresh_tokens': { kind: 'local', why: 'looked up by token hash at refresh (auth tier)' },
  'consent.revoked_tokens': { kind: 'local', why: 'token ids revoked until expiry, mirrored in Redis (auth tier)' },
  'consent.staff_enrollments': { kind: 'local', why: 'one-time enrollment links of facility staff (auth tier)' },
  'consent.card_challenges': { kind: 'local', why: 'short-lived reader challenges, looked up by id before the card is verified' },
  'consent.subsidy_applications': { kind: 'local', why: 'subsidy applications of facilities, reviewed by the operator, no patient' },
  'consent.admin_changes': { kind: 'local', why: 'append-only record of operator and facility-admin actions, no patient' },
  'consent.search_log': { kind: 'local', why: 'append-only record of patient searches; a miss has no patient' },
  'consent.cards': { kind: 'distributed', column: 'serial', why: 'lookup card serial -> patient at the reader, before the patient is known (then one patient shard)' },
  'consent.consents': surrogate('consents_pkey'),
  'consent.disaster_identifications': surrogate('disaster_identifications_pkey'),
  'consent.dv_blocks': surrogate('dv_blocks_pkey'),
  'consent.emergency_accesses': surrogate('emergency_accesses_pkey'),
  'consent.phr_grants': surrogate('phr_grants_pkey'),
  'consent.identity_index': patient({ identity_index_linkage_number_idx: 'the linkage number is unique nationally; at the cut-over a lookup table distributed by linkage_number (like cards by serial)' }),
  'consent.notice_reads': patient(),
  'consent.reader_verifications': patient({
    reader_verifications_pkey: SURROGATE,
    reader_verifications_challenge_id_unique: 'single use of a reader challenge across replicas rests on it; at the cut-over it moves with card_challenges (local) as a used-challenge table',
  }),
  'consent.card_readers': REFERENCE,
  'consent.facilities': REFERENCE,
  'consent.hospitals': REFERENCE,
  'consent.disasters': REFERENCE,
  'consent.phr_apps': REFERENCE,
  'consent.insurers': REFERENCE,
  'consent.viewing_authorities': REFERENCE,
  // qualifications
  'qualifications.patients': {
    kind: 'patient', column: 'id',
    exceptions: { patients_linkage_number_unique: 'the linkage number is unique nationally; at the cut-over a lookup table distributed by linkage_number' },
  },
  'qualifications.qualifications': patient({
    qualifications_pkey: SURROGATE,
    qualifications_insured_number_idx: 'an insured number (insurer, symbol, number, branch, date) names one person nationally; at the cut-over a lookup table distributed by insurer_number (as checkups.insured_numbers already is)',
  }),
  'qualifications.confirmations': patient({
    'confirmations_pkey': SURROGATE,
    'patient_id nullable': 'a confirmation by insurance card that matched no person is recorded for the facility without a patient (confirmation.ts); Citus refuses NULL distribution values, so at the cut-over those rows go to their own table distributed by facility_code',
  }),
  'qualifications.insurer_change_outbox': surrogate('insurer_change_outbox_pkey'),
  'qualifications.cards': { kind: 'distributed', column: 'serial', why: 'lookup card serial -> linkage number at the reader, before the patient is known' },
  'qualifications.facilities': REFERENCE,
  'qualifications.insurers': REFERENCE,
  // drugs
  'drugs.claims': patient({ claims_claim_key_idx: 'a claim key (facility, month, claim number) is stored once nationally; at the cut-over a lookup table distributed by facility_code checks it before the patient shard is written' }),
  'drugs.claim_items': patient(),
  'drugs.returned_claims': patient({ returned_claims_content_idx: 'the same returned claim is kept once (facility, month, claim number, content); same lookup table as claims_claim_key_idx' }),
  'drugs.claim_routing_counts': { kind: 'distributed', column: 'insurer_number', why: 'monthly routing totals per insurer and facility, no patient; read by insurer' },
  'drugs.drug_master': REFERENCE,
  // checkups
  'checkups.checkups': patient(),
  'checkups.checkup_results': patient(),
  'checkups.insurer_memberships': patient(),
  'checkups.insurer_transfers': patient({ insurer_transfers_pkey: 'the outbox event id is the idempotency key of a delivery (docs/operations.md); becomes (patient_id, event_id) at the cut-over, the event carries the patient' }),
  'checkups.insured_numbers': { kind: 'distributed', column: 'insurer_number', why: 'lookup insured number -> patient for an insurer\'s archive upload, before the patient is known' },
  'checkups.archive_imports': { kind: 'distributed', column: 'id', why: 'an insurer\'s upload job; co-located with its files by import id' },
  'checkups.archive_import_files': { kind: 'distributed', column: 'import_id', why: 'per-file outcome of an upload job, read with the job' },
  'checkups.checkup_items': REFERENCE,
};

const PATIENT_COLUMNS = ['patient_id', 'linkage_number'];

/** The rules; returns one line per violation (empty when the schema distributes). */
function distributionViolations(catalog: Catalog, placement: Record<string, Placement>): string[] {
  const problems: string[] = [];
  const unused = new Set(Object.entries(placement).flatMap(([table, p]) => ('exceptions' in p && p.exceptions ? Object.keys(p.exceptions).map((name) => `${table}:${name}`) : [])));
  for (const table of catalog.tables) {
    const p = placement[table];
    if (!p) {
      problems.push(`${table}: not placed (patient, distributed, reference or local)`);
      continue;
    }
    const columns = catalog.columns.filter((c) => c.table === table);
    if (p.kind === 'reference') {
      for (const c of columns) if (PATIENT_COLUMNS.includes(c.column)) problems.push(`${table}: a reference table holds ${c.column}`);
    }
    if (p.kind === 'local') continue;
    for (const c of columns) if (c.sequence) problems.push(`${table}.${c.column}: a sequence or identity (not distributable; use a uuid or a natural key)`);
    if (p.kind === 'reference') continue;
    const key = columns.find((c) => c.column === p.column);
    if (!key) {
      problems.push(`${table}: no distribution column ${p.column}`);
      continue;
    }
    const nullable = `${p.column} nullable`;
    if (p.exceptions?.[nullable]) unused.delete(`${table}:${nullable}`);
    if (key.nullable && !p.exceptions?.[nullable]) problems.push(`${table}.${p.column}: distribution column is nullable`);
    if (!key.nullable && p.exceptions?.[nullable]) problems.push(`${table}: exception ${nullable} is not needed any more: remove it from the list and docs/scaling.md`);
    for (const u of catalog.uniques.filter((x) => x.table === table)) {
      const ok = p.kind === 'patient' ? u.columns[0] === p.column : u.columns.includes(p.column);
      const excused = p.exceptions?.[u.name];
      if (excused) unused.delete(`${table}:${u.name}`);
      if (!ok && !excused) problems.push(`${table}: unique key ${u.name} (${u.columns.join(', ')}) does not ${p.kind === 'patient' ? 'lead with' : 'include'} ${p.column}`);
      if (ok && excused) problems.push(`${table}: exception ${u.name} is not needed any more: remove it from the list and docs/scaling.md`);
    }
  }
  for (const table of Object.keys(placement)) if (!catalog.tables.includes(table)) problems.push(`${table}: placed but not in any migration`);
  for (const name of unused) problems.push(`${name}: exception for a unique key that does not exist`);
  for (const fk of catalog.foreignKeys) {
    const from = placement[fk.table];
    const to = placement[fk.target];
    if (!from || !to || to.kind === 'reference' || from.kind === 'local') continue;
    // A foreign key between distributed tables holds only inside one shard: both sides patient tables, joined on the patient.
    const i = fk.columns.indexOf(from.kind === 'patient' ? from.column : '');
    const coLocated = from.kind === 'patient' && to.kind === 'patient' && i >= 0 && fk.targetColumns[i] === to.column;
    if (!coLocated) problems.push(`${fk.table}: foreign key ${fk.name} to ${fk.target} is not through the patient id`);
  }
  return problems;
}

describe('distribution keys (docs/scaling.md): every migration of every subgraph keeps patient data distributable by patient', () => {
  let catalogs: { committed: Catalog; next: Catalog };
  beforeAll(() => {
    catalogs = migratedCatalogs(BAD_MIGRATION);
  });

  test('every table is placed, patient tables are keyed patient first, no cross-patient foreign keys or sequences', () => {
    const catalog = catalogs.committed;
    expect(catalog.tables.length).toBeGreaterThanOrEqual(45);
    expect(distributionViolations(catalog, PLACEMENT)).toEqual([]);
    // The committed tables keep no foreign keys: the last ones (claim items → claim, → drug master) were dropped by
    // drugs 0003 (docs/drugs.md "Claim items and their integrity"). The made-up migration below shows the rule still
    // reads real ones.
    expect(catalog.foreignKeys).toEqual([]);
  });

  test('docs/scaling.md lists every exception and every reference table', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs/scaling.md'), 'utf8');
    for (const [table, p] of Object.entries(PLACEMENT)) {
      if (p.kind === 'reference') expect(doc).toContain(`\`${table}\``);
      if ('exceptions' in p) for (const name of Object.keys(p.exceptions ?? {})) expect(doc).toContain(`\`${name}\``);
    }
  });

  test('a next migration that breaks a rule fails: unplaced table, key not led by the patient, serial id, cross-patient foreign key', () => {
    const catalog = catalogs.next;
    const placed = { ...PLACEMENT, 'drugs.claim_notes': patient() as Placement };
    const problems = distributionViolations(catalog, placed);
    expect(problems).toEqual(expect.arrayContaining([
      'consent.sneaky: not placed (patient, distributed, reference or local)',
      'drugs.claim_notes.id: a sequence or identity (not distributable; use a uuid or a natural key)',
      'drugs.claim_notes: unique key claim_notes_pkey (id) does not lead with patient_id',
      'drugs.claim_notes: unique key claim_notes_claim_idx (claim_id, patient_id) does not lead with patient_id',
      'drugs.claim_notes: foreign key claim_notes_other_fk to drugs.claims is not through the patient id',
      'checkups.checkup_items: a reference table holds patient_id',
    ]));
    // A key through the row's own patient is co-located whatever the column order: not flagged.
    expect(problems.filter((p) => p.includes('claim_notes_own_fk'))).toEqual([]);
  });

  test('the lists stay true: an exception that is no longer needed, or names no key, fails too', () => {
    const stale = {
      ...PLACEMENT,
      'checkups.checkups': { kind: 'patient', column: 'patient_id', exceptions: { checkups_patient_id_fiscal_year_pk: 'was wrong once' } } as Placement,
      'drugs.claim_items': { kind: 'patient', column: 'patient_id', exceptions: { claim_items_gone_idx: 'dropped since' } } as Placement,
    };
    expect(distributionViolations(catalogs.committed, stale).sort()).toEqual([
      'checkups.checkups: exception checkups_patient_id_fiscal_year_pk is not needed any more: remove it from the list and docs/scaling.md',
      'drugs.claim_items:claim_items_gone_idx: exception for a unique key that does not exist',
    ]);
  });
});
