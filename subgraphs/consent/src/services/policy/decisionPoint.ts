import { isTransaction, onOwnConnection, registerGauge, sqlStateOf, type Actor, type Category, type Db, type Decision as WireDecision, type DecisionRequest, type VisitConsentFlags } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { appendEntries, createAuditHeads, type EntryToChain } from '../../store/accessLog';
import { readDecisionFacts, type AuthorityRow, type DisasterJsonRow } from '../../store/decisionFacts';
import { disastersByIds } from '../../store/disasters';
import { standingAuthoritiesAt } from '../../store/viewingAuthorities';
import { canonicalTemplate, DEFAULT_AUDIT_PARTITIONS, genesisHead, partitionOf, type LoggedCategory } from '../audit/auditChain';
import { CONSENT_VALIDITY_MS, answerForUnknown, decide, disasterCovers, type Decision, type DecisionFacts, type DisasterFact, type GrantFact } from './decision';
import { VIEWING_AUTHORITIES, type ViewingAuthority } from '@onshi/platform/policy';
import { isCategory } from './roles';
import { visitConsentFlags } from './visitConsent';

export type Transaction = Parameters<Parameters<Db<Tables>['transaction']>[0]>[0];

/**
 * What the policy needs to know about a staff account beyond its token (policy.ts PolicyActor): its viewing
 * authorities at its facility (a DISASTER_VIEWING granted for one declaration counts while that declaration is in
 * force for the facility) and whether the facility is registered as a hospital. Read from the database each time,
 * so a revoked authority stops at once and a token cannot claim one.
 */
export async function staffFactsOf(db: Db<Tables> | Transaction, subject: string, facilityCode: string, now: Date): Promise<StaffFacts> {
  // Whether the facility is a registered hospital rides on each authority row: only the emergency authority needs it,
  // and without any authority no rule asks (one statement either way).
  const rows = await standingAuthoritiesAt(db, subject, facilityCode);
  const declarationIds = rows.map((row) => row.disasterId).filter((id): id is string => id !== null);
  const declarations: DisasterFact[] = declarationIds.length === 0 ? [] : (await disastersByIds(db, declarationIds)).map(disasterFactOf);
  return liveStaffFacts(rows.map((row) => ({ authority: row.authority, disasterId: row.disasterId, hospital: row.hospital !== null })), declarations, facilityCode, now);
}

export interface StaffFacts { authorities: ViewingAuthority[]; atHospital: boolean; disasterIdsOfAuthority: Array<string | null> }

/**
 * The authorities that count now: a DISASTER_VIEWING granted for one declaration only while that declaration is in
 * force for the facility (its `declarations` are those the rows name).
 */
function liveStaffFacts(rows: readonly AuthorityRow[], declarations: readonly DisasterFact[], facilityCode: string, now: Date): StaffFacts {
  const atHospital = rows.some((row) => row.authority === 'EMERGENCY_VIEWING' && row.hospital);
  const live = rows.filter((row) => row.disasterId === null || declarations.some((d) => d.id === row.disasterId && disasterCovers(d, facilityCode, now)));
  const authorities = VIEWING_AUTHORITIES.filter((authority) => live.some((row) => row.authority === authority));
  return { authorities, atHospital, disasterIdsOfAuthority: live.filter((row) => row.authority === 'DISASTER_VIEWING').map((row) => row.disasterId) };
}

function disasterFactOf(row: { id: string; prefectures: string[]; facilityCodes: string[] | null; startsAt: Date; endsAt: Date }): DisasterFact {
  return { id: row.id, prefectures: row.prefectures, ...(row.facilityCodes ? { facilityCodes: row.facilityCodes } : {}), startsAt: row.startsAt, endsAt: row.endsAt };
}

const disasterFactOfJson = (row: DisasterJsonRow): DisasterFact =>
  disasterFactOf({ ...row, startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt) });

/**
 * Loads every fact the rules need for a batch of questions in one statement (store/decisionFacts.ts): the consents
 * registered within CONSENT_VALIDITY_MS are the valid ones. Returns the facts per patient and the grant.
 */
async function loadFacts(db: Db<Tables> | Transaction, actor: Actor, patientIds: string[], now: Date, { withLapsedConsents = false } = {}) {
  // No facts read means an error, never an empty answer: fail closed rather than decide on nothing.
  const read = await readDecisionFacts(db, actor, patientIds, now, new Date(now.getTime() - CONSENT_VALIDITY_MS), withLapsedConsents);
  // The identity index holds every person there is (tables.ts identityIndex): an id not in it names nobody.
  const personOf = new Map(read.people.map((person) => [person.patientId, person]));
  const facilityCode = actor.facilityCode;
  const disasterFacts = read.disasters.map(disasterFactOfJson);
  // A disaster identification opens reads only at the facility that identified the patient, under a declaration
  // still in force (checked again by `decide` through disasterCovers), and only once consent or the exemption is recorded.
  const permissions = disasterFacts.length === 0 ? [] : read.permissions;
  const staff = facilityCode ? liveStaffFacts(read.authorities, read.declarations.map(disasterFactOfJson), facilityCode, now) : { authorities: [] as ViewingAuthority[], atHospital: false };
  const emergencies = staff.atHospital && staff.authorities.includes('EMERGENCY_VIEWING') ? read.emergencies : [];
  const grantRow = read.grant;
  // An app the operator disabled, or one no longer registered, reads nothing (fail closed).
  const grant: GrantFact | undefined = grantRow
    ? {
      id: grantRow.id, patientId: grantRow.patientId, appId: grantRow.appId, categories: grantRow.categories.filter(isCategory), expiresAt: new Date(grantRow.expiresAt),
      ...(grantRow.revokedAt ? { revokedAt: new Date(grantRow.revokedAt) } : {}), appDisabled: !grantRow.appRegistered || grantRow.appDisabledAt !== null,
    }
    : undefined;
  const factsFor = (patientId: string, attested: Pick<DecisionRequest, 'insurerMember' | 'counterConfirmation' | 'confirmedHereAt'>): DecisionFacts | undefined => {
    const person = personOf.get(patientId);
    if (person === undefined) return undefined;
    const insurer = actor.role === 'INSURER' ? person : undefined;
    const patientInsurerNumbers = insurer?.insurerNumbers;
    const currentInsurerNumber = insurer?.currentInsurerNumber ?? undefined;
    return {
      dvBlocked: person.dvBlocked,
      consents: read.consents
        .filter((row) => row.patientId === patientId && isCategory(row.category))
        .map((row) => ({ id: row.id, patientId: row.patientId, facilityCode: row.facilityCode, category: row.category as Category, registeredAt: new Date(row.registeredAt), ...(row.revokedAt ? { revokedAt: new Date(row.revokedAt) } : {}) })),
      disasters: disasterFacts,
      disasterPermissions: permissions.filter((row) => row.patientId === patientId && (row.basis === 'CONSENT' || row.basis === 'EXEMPTION'))
        .map((row) => ({ id: row.id, disasterId: row.disasterId, patientId: row.patientId, facilityCode: row.facilityCode, basis: row.basis as 'CONSENT' | 'EXEMPTION' })),
      emergencyAccesses: emergencies.filter((row) => row.patientId === patientId)
        .map((row) => ({ id: row.id, patientId: row.patientId, facilityCode: row.facilityCode, openedAt: new Date(row.openedAt), expiresAt: new Date(row.expiresAt) })),
      actorAuthorities: staff.authorities,
      actorAtHospital: staff.atHospital,
      ...(grant ? { grant } : {}),
      ...(patientInsurerNumbers ? { patientInsurerNumbers } : {}),
      ...(currentInsurerNumber ? { currentInsurerNumber } : {}),
      insurerMember: attested.insurerMember === true,
      counterConfirmation: attested.counterConfirmation === true,
      ...(attested.confirmedHereAt !== undefined ? { confirmedHereAt: new Date(attested.confirmedHereAt) } : {}),
    };
  };
  return { factsFor, grant };
}

/** A special operation the caller's reads of a person rest on (docs/domain.md "Disaster", "Emergency access"). */
export interface SpecialStanding {
  kind: 'DISASTER' | 'EMERGENCY';
  categories: Category[];
}

/**
 * Whether this caller's reads of the person's drugs and checkups would rest on a special rule of the policy (a
 * disaster identification with consent or exemption, an emergency access) rather than on consent: the same `decide`
 * on the same facts as the reads themselves, so the portal can say "special operation — this view is logged" before
 * any data. Not logged: it reads nothing of the person; the reads it foretells are logged when they happen.
 */
export async function specialStandingOf(db: Db<Tables>, actor: Actor, patientId: string, now = new Date()): Promise<SpecialStanding | null> {
  const { factsFor } = await loadFacts(db, actor, [patientId], now);
  const facts = factsFor(patientId, {});
  if (facts === undefined) return null;
  const special = (['DRUG', 'CHECKUP'] as const)
    .map((category) => ({ category, decision: decide({ actor, patientId, category, now, facts }) }))
    .filter(({ decision }) => decision.allow && decision.special);
  const first = special[0];
  if (first === undefined || !first.decision.allow) return null;
  return { kind: first.decision.reason === 'EMERGENCY' ? 'EMERGENCY' : 'DISASTER', categories: special.map(({ category }) => category) };
}

/** One line of the access log before it is chained (time, actor, patient, category, decision, reason, request id). */
export interface LogItem {
  patientId: string;
  category: LoggedCategory;
  decision: 'ALLOW' | 'DENY';
  reason: string;
  basisId: string | null;
  special: boolean;
}

/** Creates the genesis head of every partition that has none yet (at start, so appends need not). */
export async function ensureAuditHeads(db: Db<Tables> | Transaction, partitions: readonly number[] = Array.from({ length: DEFAULT_AUDIT_PARTITIONS }, (_, i) => i)): Promise<void> {
  if (partitions.length === 0) return;
  await createAuditHeads(db, partitions.map(genesisHead));
}

/** Who the log names: a signed-in actor, a card reader device (CARD_READER, readers.ts) or a refused card login (PORTAL_LOGIN). */
export type LoggedActor = Pick<Actor, 'subject' | 'facilityCode'> & { role: Actor['role'] | 'CARD_READER' | 'PORTAL_LOGIN' };

/**
 * Appends entries to their partitions' hash chains by one statement whatever the batch size (store/accessLog.ts
 * appendEntries): the database locks the touched heads, links the entries and moves the heads; only the chains this
 * request touches are locked (docs/architecture.md "Data"). Given `db`, the statement commits by itself and a head is
 * locked for that statement and its commit only, and calls that come while one is running share the next
 * (`appendGrouped`, group commit); given the caller's transaction (a DV block with its entry, say), the entries are
 * written in it and the head is locked until that transaction ends. The heads exist from the start
 * (`ensureAuditHeads` in prepare); when one is missing the statement writes nothing, the heads are created and the
 * whole batch is written again. A batch that still cannot be chained fails the call (closed) rather than fork or skip
 * the chain.
 */
export async function appendAccessLog(db: Db<Tables> | Transaction, actor: LoggedActor, items: readonly LogItem[], requestId: string, now: Date): Promise<void> {
  if (items.length === 0) return;
  const entries: UnplacedEntry[] = items.map((item) => {
    const partition = partitionOf(item.patientId);
    const row = {
      at: now, actorRole: actor.role, actorSubject: actor.subject, facilityCode: actor.facilityCode ?? null,
      patientId: item.patientId, category: item.category, decision: item.decision, reason: item.reason, basisId: item.basisId, requestId, special: item.special,
    };
    return { partition, row, template: canonicalTemplate({ ...row, at: now.toISOString(), partition }) };
  });
  if (isTransaction(db)) return writeChained(db, entries);
  return appendGrouped(db as Db<Tables>, entries);
}

type UnplacedEntry = Omit<EntryToChain, 'ord'>;

/** Numbers the entries within their partitions in the order given, and chains them by one statement (see appendAccessLog). */
async function writeChained(db: Db<Tables> | Transaction, unplaced: readonly UnplacedEntry[]): Promise<void> {
  const placed = new Map<number, number>();
  const entries: EntryToChain[] = unplaced.map((entry) => {
    const ord = placed.get(entry.partition) ?? 0;
    placed.set(entry.partition, ord + 1);
    return { ...entry, ord };
  });
  const partitions = [...placed.keys()];
  if ((await appendEntries(db, entries)).length === partitions.length) return;
  await ensureAuditHeads(db, partitions);
  if ((await appendEntries(db, entries)).length !== partitions.length) throw new Error(`audit heads of partitions ${partitions.join(', ')} could not be locked`);
}

/** The calls of one database handle waiting for the next append statement, and whether one is running. */
interface AppendQueue {
  writing: boolean;
  waiting: Array<{ entries: readonly UnplacedEntry[]; resolve: () => void; reject: (error: unknown) => void }>;
}

const appendQueues = new WeakMap<object, AppendQueue>();
/**
 * Calls of this process waiting for the next grouped append statement (not counting the calls of the one running), on
 * consent's /metrics as `gauges.accessLogCallsWaiting`: how deep the group commit's queue is under load.
 */
let callsWaitingToAppend = 0;
registerGauge('accessLogCallsWaiting', () => callsWaitingToAppend);
/** Entries per grouped statement at most: a burst is written in several statements rather than one without bound. */
const ENTRIES_PER_STATEMENT = 500;

/**
 * Group commit of the access log (docs/decisions/0008-access-log-group-commit.md). While one append statement of this
 * process runs, the calls that come wait, and the next statement writes all their entries at once; each call returns
 * when the statement holding its entries has committed, so an answer still leaves only after its entries are in the
 * log. A statement that fails fails every call in it (closed). With one call at a time nothing waits: the statement
 * runs at once, as without grouping. Under load a person's chain head is locked and committed once per group instead of
 * once per call: the calls for one person (a dashboard asked by many screens at once) no longer queue on its lock one
 * statement and one WAL flush each.
 */
function appendGrouped(db: Db<Tables>, entries: readonly UnplacedEntry[]): Promise<void> {
  let queue = appendQueues.get(db);
  if (queue === undefined) {
    queue = { writing: false, waiting: [] };
    appendQueues.set(db, queue);
  }
  const waitingIn = queue;
  return new Promise<void>((resolve, reject) => {
    waitingIn.waiting.push({ entries, resolve, reject });
    callsWaitingToAppend += 1;
    if (!waitingIn.writing) void drainAppends(db, waitingIn);
  });
}

async function drainAppends(db: Db<Tables>, queue: AppendQueue): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length > 0) {
      let calls = 1;
      let entryCount = queue.waiting[0]?.entries.length ?? 0;
      while (calls < queue.waiting.length && entryCount + (queue.waiting[calls]?.entries.length ?? 0) <= ENTRIES_PER_STATEMENT) {
        entryCount += queue.waiting[calls]?.entries.length ?? 0;
        calls += 1;
      }
      const group = queue.waiting.splice(0, calls);
      callsWaitingToAppend -= group.length;
      try {
        await writeGroup(db, group.flatMap((call) => call.entries));
        for (const call of group) call.resolve();
      } catch (error) {
        // A value PostgreSQL refuses (SQLSTATE class 22, data exception: a NUL in the id of an owner list someone asked
        // for, say) fails the statement before it writes anything: each call is then written on its own, so that one
        // caller's value refuses only that caller. Any other failure may have committed before it was reported, and a
        // second write would log a decision twice: every call of the group is refused (closed).
        if (group.length > 1 && sqlStateOf(error)?.startsWith('22') === true) await writeEachAlone(db, group);
        else for (const call of group) call.reject(error);
      }
    }
  } finally {
    queue.writing = false;
  }
}

async function writeEachAlone(db: Db<Tables>, group: AppendQueue['waiting']): Promise<void> {
  for (const call of group) {
    try {
      await writeGroup(db, call.entries);
      call.resolve();
    } catch (error) {
      call.reject(error);
    }
  }
}

/**
 * Demo mode only (see internalRoutes): makes every grouped access-log write (`appendGrouped`: decisions and the refusals
 * logged on their own) fail after its rows were appended, in a transaction it then rolls back, so the tests can prove
 * the standard "if the access log can't be written, data is not released, and nothing half-written remains" end to
 * end, for every call of a group.
 */
export const accessLogFault = { enabled: false };

/**
 * One grouped statement, on a connection of its own (kit onOwnConnection): while it waits for a chain head's lock, no
 * other statement of this process (the next calls' facts) is queued behind it on the same connection.
 */
async function writeGroup(db: Db<Tables>, entries: readonly UnplacedEntry[]): Promise<void> {
  await onOwnConnection(db, async (own) => {
    if (!accessLogFault.enabled) return writeChained(own, entries);
    await own.transaction(async (tx) => {
      await writeChained(tx, entries);
      throw new Error('injected access-log write failure (demo mode)');
    });
  });
}

/**
 * The decision point (docs/architecture.md "Who may see what: three layers", layer 3): decides every question of one
 * request and writes one access-log entry per decision before it answers. If the log cannot be written the caller
 * gets no allow (fail closed: "no answer → no data").
 *
 * Two statements, each atomic on its own: the facts read by one (one snapshot), the entries of the whole batch
 * written by the other, which commits them before any answer leaves (two more, once, where a chain head is missing).
 * No transaction spans the two, so that the chain heads are locked by the write alone, never while Node decides or
 * waits for its turn on a busy event loop (docs/benchmarks.md "The chain head locked by the append alone"). A decision
 * is as of its facts' snapshot, as it was when one transaction held both: a statement in PostgreSQL's default
 * isolation sees the data as of its own start, and an entry is chained after whatever committed in between (a DV
 * block registered meanwhile, say).
 */
export async function decideAndLog(db: Db<Tables>, actor: Actor, requests: DecisionRequest[], requestId: string, now = new Date()): Promise<WireDecision[]> {
  const patientIds = [...new Set(requests.map((r) => r.patientId))];
  const withLapsedConsents = actor.facilityCode !== undefined && requests.some((r) => r.category === 'QUALIFICATION');
  const { factsFor, grant } = await loadFacts(db, actor, patientIds, now, { withLapsedConsents });
  const decided = requests.map((request): { request: DecisionRequest; decision: Decision; logged: boolean; consentFlags?: VisitConsentFlags; undecided?: boolean } => {
    const question = { actor, patientId: request.patientId, category: request.category, now };
    const facts = factsFor(request.patientId, request);
    // An id that names nobody gets the answer a blocked person gets, and no log entry: the log names only people
    // who exist, so nobody can write entries (ALLOW or DENY) for made-up patients (docs/domain.md "DV").
    if (facts === undefined) return { request, decision: answerForUnknown(question, grant), logged: false };
    const decision = decide({ ...question, facts });
    // Staff allowed a qualification (a confirmation at the counter, or a read after one) get this visit's flags and
    // whether to withhold the address (docs/contracts.md contract 5), from the facts just read: no second call to consent.
    const facilityCode = actor.facilityCode;
    if (!decision.allow || request.category !== 'QUALIFICATION' || facilityCode === undefined) return { request, decision, logged: true };
    return { request, decision, logged: true, consentFlags: visitConsentFlags(facts.consents, request.patientId, facilityCode, facts.dvBlocked, now) };
  });
  // The gateway's questions about a person's fields, asked beside the QUALIFICATION question she is loaded under
  // (pdp.ts `afterQualification`): when that refuses her, no subgraph would have asked them, so none is logged.
  const refusedPeople = new Set(decided.filter(({ request, decision }) => request.category === 'QUALIFICATION' && !request.afterQualification && !decision.allow).map(({ request }) => request.patientId));
  const decisions = decided.map((entry) => (entry.request.afterQualification === true && refusedPeople.has(entry.request.patientId) ? { ...entry, logged: false, undecided: true } : entry));
  const items = decisions.filter(({ logged }) => logged).map(({ request, decision }): LogItem => ({
    patientId: request.patientId, category: request.category, decision: decision.allow ? 'ALLOW' : 'DENY',
    reason: decision.reason, basisId: decision.allow ? (decision.basisId ?? null) : null, special: decision.special,
  }));
  await appendAccessLog(db, actor, items, requestId, now);
  return wireDecisions(decisions);
}

function wireDecisions(decisions: ReadonlyArray<{ request: DecisionRequest; decision: Decision; consentFlags?: VisitConsentFlags; undecided?: boolean }>): WireDecision[] {
  return decisions.map(({ request, decision, consentFlags, undecided }) => undecided === true ? { patientId: request.patientId, category: request.category, allow: false, reason: 'UNDECIDED', special: false, undecided } : ({
    patientId: request.patientId,
    category: request.category,
    allow: decision.allow,
    reason: decision.allow ? decision.reason : decision.code,
    ...(decision.allow ? {} : { code: decision.code }),
    ...(decision.allow && decision.rule !== undefined ? { rule: decision.rule } : {}),
    special: decision.special,
    ...(consentFlags ? { consentFlags } : {}),
  }));
}
