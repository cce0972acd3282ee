/**
 * The disaster-time search and what must follow it (seed 2-1(3) 災害時における特別措置; docs/domain.md "Disaster").
 * Without a card, a viewer at a covered facility (licensed staff, or staff given the disaster viewing authority;
 * policy.ts) may find a person only by all four of name, date of birth, sex and a meaningful part of the insurer
 * name or address, and only when exactly one person matches. The hit names the person and opens nothing: drug and
 * checkup data become readable at this facility only once the staff member records the patient's separate consent
 * (別途患者の同意を取得した上で; given orally, attested by them) or the exemption (the patient cannot express their
 * will and viewing is needed to protect life or body) with its reason. Every search is rate-limited and logged
 * (specialSearchLog.ts); a DV/abuse-blocked person is answered exactly like nobody.
 */
import { bilingual, BadUserInputError, ForbiddenError, NotFoundError, facilityKindOfCode, mayEverUse, type Actor, type Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { insertDisasterIdentification, newestDisasterIdentification, recordIdentificationBasis } from '../../store/disasterIdentifications';
import { allDisasters, type DisasterRow } from '../../store/disasters';
import { standingDvBlocksOf } from '../../store/dvBlocks';
import { peopleByNameBirthdateSex } from '../../store/identityIndex';
import { disasterCovers, type DisasterFact } from './decision';
import { appendAccessLog, staffFactsOf } from './decisionPoint';
import { appendSearchLog, type SearchKind, type SearchThrottle } from './specialSearchLog';

/** Spaces (half- and full-width) removed: how names are compared by the disaster search. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

export interface FourFields { name: string; birthdate: string; sex: string; insurerNameOrAddress: string }

const SEX_CODES: Record<string, '1' | '2'> = { 1: '1', 2: '2', 男: '1', 女: '2', M: '1', F: '2', MALE: '1', FEMALE: '2' };
/** Candidates read per search: a (name, birth date, sex) triple is rare; more than this is never "exactly one". */
const CANDIDATE_LIMIT = 50;
/** The reason of an exemption or of an emergency access: required, and short enough to be a reason. */
export const REASON_MAX = 500;

/** One answer for nobody, several people, a DV-blocked person and an unusable card: the difference would tell. */
export const NOT_IDENTIFIED_MESSAGE = bilingual('No single person matches; identification is not possible', '本人を一意に特定できません');

function normalizedText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * How the fourth field may match (docs/domain.md "Disaster": a meaningful part). As part of an insurer name it needs
 * at least two letters (digits and punctuation alone say nothing: "1", "-"); as part of an address it must name a
 * municipality: a letter followed by 市, 区, 町 or 村 ("港区", "大阪市", "千代田区丸の内"). "都" is neither.
 */
export function fourthFieldForms(value: string): { insurerName: boolean; address: boolean } {
  const text = normalizedText(value);
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch)).length;
  return { insurerName: letters >= 2, address: /\p{L}[市区町村]/u.test(text) };
}

export interface DisasterCandidate { patientId: string; address: string; insurerNames: string[] }

/** The candidates (already matching name, birth date and sex) whose insurer name or address matches the fourth field. */
export function fourthFieldMatches<T extends DisasterCandidate>(candidates: readonly T[], insurerNameOrAddress: string): T[] {
  const partial = normalizedText(insurerNameOrAddress);
  const forms = fourthFieldForms(insurerNameOrAddress);
  if (partial === '') return [];
  return candidates.filter((candidate) => (forms.address && normalizedText(candidate.address).includes(partial))
    || (forms.insurerName && candidate.insurerNames.some((insurer) => normalizedText(insurer).includes(partial))));
}

/**
 * Exactly one person not DV-blocked, or nobody (two matches are refused, seed 2-1(3)). A blocked person does not
 * count towards "two matches" either; `blocked` tells the log (never the caller) that only a blocked person matched.
 */
export function uniqueMatch<T extends DisasterCandidate>(candidates: readonly T[], blockedIds: ReadonlySet<string>, insurerNameOrAddress: string): T | undefined {
  const matches = fourthFieldMatches(candidates, insurerNameOrAddress).filter((candidate) => !blockedIds.has(candidate.patientId));
  return matches.length === 1 ? matches[0] : undefined;
}

export interface ParsedFourFields { nameKey: string; birthdate: string; sex: '1' | '2'; insurerNameOrAddress: string }

/** All four fields, well formed, the fourth meaningful; otherwise BAD_USER_INPUT. */
export function parseFourFields(input: FourFields): ParsedFourFields {
  const name = nameKey(input.name);
  if (name === '' || normalizedText(input.insurerNameOrAddress) === '' || input.birthdate.trim() === '' || input.sex.trim() === '') {
    throw new BadUserInputError(bilingual('All four are required: name, date of birth, sex, and insurer name or address', '氏名・生年月日・性別・保険者名又は住所の4項目すべてが必要です'));
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.birthdate.trim())) throw new BadUserInputError('birthdate must be YYYY-MM-DD');
  const sex = SEX_CODES[input.sex.trim().toUpperCase()];
  if (!sex) throw new BadUserInputError(bilingual('sex must be 1 or 2 (also read: 男/女, M/F, MALE/FEMALE)', '性別は 1（男）または 2（女）です（男・女、M・F も可）'), { field: 'sex' });
  const forms = fourthFieldForms(input.insurerNameOrAddress);
  if (!forms.insurerName && !forms.address) {
    throw new BadUserInputError(bilingual('The fourth field needs at least two characters of the insurer name, or the municipality of the address (…市/区/町/村)', '保険者名は2文字以上、住所は市区町村名を含めて入力してください'));
  }
  return { nameKey: name, birthdate: input.birthdate.trim(), sex, insurerNameOrAddress: input.insurerNameOrAddress };
}

export type FourFieldOutcome = { outcome: 'FOUND'; patientId: string } | { outcome: 'NOT_FOUND' } | { outcome: 'BLOCKED'; patientId: string | null };

/** Looks the four fields up in the identity index (shared by the disaster search and emergency access). */
export async function findByFourFields(db: Db<Tables>, fields: ParsedFourFields): Promise<FourFieldOutcome> {
  const candidates = await peopleByNameBirthdateSex(db, fields, CANDIDATE_LIMIT);
  const matches = fourthFieldMatches(candidates, fields.insurerNameOrAddress);
  const blocked = matches.length === 0 ? [] : await standingDvBlocksOf(db, matches.map((c) => c.patientId));
  const blockedIds = new Set(blocked.map((row) => row.patientId));
  const only = uniqueMatch(matches, blockedIds, fields.insurerNameOrAddress);
  if (only) return { outcome: 'FOUND', patientId: only.patientId };
  const blockedMatches = matches.filter((candidate) => blockedIds.has(candidate.patientId));
  if (blockedMatches.length > 0 && blockedMatches.length === matches.length) return { outcome: 'BLOCKED', patientId: blockedMatches.length === 1 ? (blockedMatches[0]?.patientId ?? null) : null };
  return { outcome: 'NOT_FOUND' };
}

function toDisasterFact(row: DisasterRow): DisasterFact {
  return { id: row.id, prefectures: row.prefectures, ...(row.facilityCodes ? { facilityCodes: row.facilityCodes } : {}), startsAt: row.startsAt, endsAt: row.endsAt };
}

/**
 * The declaration under which this actor may act now: in force for the facility, and (for staff who view only by
 * the disaster viewing authority) one their authority covers. Undefined: refused, and the refusal is logged.
 */
async function declarationFor(db: Db<Tables>, actor: Actor, now: Date): Promise<{ facilityCode: string; disaster: DisasterFact } | { refusal: string }> {
  const facilityCode = actor.facilityCode;
  const facilityKind = facilityCode ? facilityKindOfCode(facilityCode) : undefined;
  if (!facilityCode || !facilityKind) return { refusal: bilingual('Only staff of a facility may search in disaster mode', '災害時の検索は医療機関等の職員のみ可能です') };
  const staff = await staffFactsOf(db, actor.subject, facilityCode, now);
  // The viewers of the disaster rules of the policy (seed 2-1(3): 有資格者等…と災害時に閲覧権限が与えられた者).
  if (!mayEverUse({ role: actor.role, facilityKind, authorities: staff.authorities, atHospital: staff.atHospital }, 'DISASTER_IDENTIFIED')) {
    return { refusal: bilingual('Only licensed staff, or staff given the disaster viewing authority, may search in disaster mode', '災害時の検索は有資格者又は災害時の閲覧権限が与えられた職員のみ可能です') };
  }
  const licensed = mayEverUse({ role: actor.role, facilityKind }, 'DISASTER_IDENTIFIED');
  const covering = (await allDisasters(db)).map(toDisasterFact)
    .filter((disaster) => disasterCovers(disaster, facilityCode, now))
    // An authority granted for one declaration counts under that declaration only.
    .find((disaster) => licensed || staff.disasterIdsOfAuthority.some((id) => id === null || id === disaster.id));
  if (!covering) return { refusal: bilingual('No disaster declaration covers this facility now', '災害時の特別措置の対象外です') };
  return { facilityCode, disaster: covering };
}

async function refuse(db: Db<Tables>, actor: Actor, kind: SearchKind, error: Error, requestId: string, now: Date, patientId: string | null = null): Promise<never> {
  await appendSearchLog(db, actor, kind, error instanceof BadUserInputError ? 'BAD_INPUT' : 'REFUSED', patientId, requestId, now);
  throw error;
}

export async function disasterSearch(db: Db<Tables>, throttle: SearchThrottle, actor: Actor, input: FourFields, requestId: string, now: Date): Promise<{ patientId: string; disasterId: string; identificationId: string }> {
  const declaration = await declarationFor(db, actor, now);
  if ('refusal' in declaration) return refuse(db, actor, 'DISASTER', new ForbiddenError(declaration.refusal), requestId, now);
  try {
    await throttle.consume(actor.subject, declaration.facilityCode);
  } catch (error) {
    await appendSearchLog(db, actor, 'DISASTER', 'RATE_LIMITED', null, requestId, now);
    throw error;
  }
  let fields: ParsedFourFields;
  try {
    fields = parseFourFields(input);
  } catch (error) {
    return refuse(db, actor, 'DISASTER', error as Error, requestId, now);
  }
  const found = await findByFourFields(db, fields);
  if (found.outcome !== 'FOUND') {
    await appendSearchLog(db, actor, 'DISASTER', found.outcome, found.outcome === 'BLOCKED' ? found.patientId : null, requestId, now);
    // Zero, several and a blocked person get the same answer: the difference would tell something about people.
    throw new NotFoundError(NOT_IDENTIFIED_MESSAGE);
  }
  const identificationId = await db.transaction(async (tx) => {
    const row = await insertDisasterIdentification(tx, { disasterId: declaration.disaster.id, facilityCode: declaration.facilityCode, patientId: found.patientId, actorSubject: actor.subject, identifiedAt: now });
    if (!row) throw new Error('the identification could not be stored');
    await appendSearchLog(tx, actor, 'DISASTER', 'FOUND', found.patientId, requestId, now);
    await appendAccessLog(tx, actor, [{ patientId: found.patientId, category: 'QUALIFICATION', decision: 'ALLOW', reason: 'DISASTER', basisId: row.id, special: true }], requestId, now);
    return row.id;
  });
  return { patientId: found.patientId, disasterId: declaration.disaster.id, identificationId };
}

export type DisasterBasis = { basis: 'CONSENT' } | { basis: 'EXEMPTION'; reason: string };

export interface DisasterPermission {
  identificationId: string;
  patientId: string;
  disasterId: string;
  basis: 'CONSENT' | 'EXEMPTION';
  reason: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** A required free-text reason (exemption, emergency access): trimmed, 1 to REASON_MAX characters. */
export function requiredReason(reason: string): string {
  const text = reason.trim();
  if (text === '' || text.length > REASON_MAX) throw new BadUserInputError(bilingual(`A reason is required (1 to ${REASON_MAX} characters)`, '理由の入力が必要です'));
  return text;
}

/**
 * Records the patient's consent or the exemption for the newest identification of this patient at this facility
 * under a declaration still in force. A patient not identified here (an arbitrary id) is NOT_FOUND, with nothing
 * written but the operator's search-log line. Recorded once: a second call returns the first record.
 */
export async function recordDisasterBasis(db: Db<Tables>, actor: Actor, patientId: string, basis: DisasterBasis, requestId: string, now: Date): Promise<DisasterPermission> {
  const declaration = await declarationFor(db, actor, now);
  if ('refusal' in declaration) return refuse(db, actor, 'DISASTER_RECORD', new ForbiddenError(declaration.refusal), requestId, now, patientId.slice(0, 64));
  let reason: string | null = null;
  if (basis.basis === 'EXEMPTION') {
    try {
      reason = requiredReason(basis.reason);
    } catch (error) {
      return refuse(db, actor, 'DISASTER_RECORD', error as Error, requestId, now, patientId.slice(0, 64));
    }
  }
  const active = (await allDisasters(db)).map(toDisasterFact).filter((disaster) => disasterCovers(disaster, declaration.facilityCode, now)).map((disaster) => disaster.id);
  const identification = active.length === 0 ? undefined : await newestDisasterIdentification(db, patientId, declaration.facilityCode, active);
  if (!identification) {
    await appendSearchLog(db, actor, 'DISASTER_RECORD', 'NOT_IDENTIFIED', patientId.slice(0, 64), requestId, now);
    throw new NotFoundError(bilingual('This person was not identified here by the disaster search', 'この医療機関等で災害時検索により特定された方ではありません'));
  }
  const recorded = (row: typeof identification): DisasterPermission => ({
    identificationId: row.id, patientId: row.patientId, disasterId: row.disasterId, basis: row.basis as 'CONSENT' | 'EXEMPTION', reason: row.basisReason,
    recordedBy: row.basisRecordedBy ?? '', recordedAt: row.basisRecordedAt ?? now,
  });
  if (identification.basis !== null) return recorded(identification);
  return db.transaction(async (tx) => {
    const row = await recordIdentificationBasis(tx, identification.id, { basis: basis.basis, basisReason: reason, basisRecordedBy: actor.subject, basisRecordedAt: now });
    if (!row) throw new Error('the identification was recorded concurrently; try again');
    await appendSearchLog(tx, actor, 'DISASTER_RECORD', 'RECORDED', patientId, requestId, now);
    await appendAccessLog(tx, actor, [{ patientId, category: 'QUALIFICATION', decision: 'ALLOW', reason: basis.basis === 'CONSENT' ? 'DISASTER_CONSENT' : 'DISASTER_EXEMPTION', basisId: row.id, special: true }], requestId, now);
    return recorded(row);
  });
}
