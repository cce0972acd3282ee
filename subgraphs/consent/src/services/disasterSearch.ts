/**
 * The disaster-time search (seed (3) 災害時における特別措置; DOMAIN.md "Special rules"): without a card, a
 * licensed user at a covered facility may find a person only by all four of name, date of birth, sex and
 * insurer name or address (partial), and only when exactly one person matches. A DV/abuse-blocked
 * person never appears. A hit is recorded (it opens this facility's reads as special operations under
 * the declaration) and logged, in one transaction.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { BadUserInputError, ForbiddenError, NotFoundError, facilityKindOfCode, mayEverUse, type Actor, type Db } from '@onshi/kit';
import { disasterIdentifications, disasters, dvBlocks, identityIndex, type Tables } from '../db/tables';
import { disasterCovers } from './decision';
import { appendAccessLog } from './decisionPoint';
import { nameKey } from './seed';

export interface DisasterSearchInput { name: string; birthdate: string; sex: string; insurerNameOrAddress: string }

const SEX_CODES: Record<string, '1' | '2'> = { '1': '1', '2': '2', 男: '1', 女: '2', M: '1', F: '2', MALE: '1', FEMALE: '2' };
/** Candidates read per search: a (name, birth date, sex) triple is rare; more than this is never "exactly one". */
const CANDIDATE_LIMIT = 50;

function normalizedText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

export interface DisasterCandidate { patientId: string; address: string; insurerNames: string[] }

/**
 * Of the people who already match name, birth date and sex: those not DV-blocked whose address or an
 * insurer name contains the fourth field. Exactly one, or nobody (two matches are refused, seed (3)).
 */
export function uniqueMatch<T extends DisasterCandidate>(candidates: readonly T[], blockedIds: ReadonlySet<string>, insurerNameOrAddress: string): T | undefined {
  const partial = normalizedText(insurerNameOrAddress);
  if (partial === '') return undefined;
  const matches = candidates.filter((candidate) => !blockedIds.has(candidate.patientId)
    && (normalizedText(candidate.address).includes(partial) || candidate.insurerNames.some((insurer) => normalizedText(insurer).includes(partial))));
  return matches.length === 1 ? matches[0] : undefined;
}

export async function disasterSearch(db: Db<Tables>, actor: Actor, input: DisasterSearchInput, requestId: string, now: Date): Promise<{ patientId: string; disasterId: string }> {
  const facilityCode = actor.facilityCode;
  // The viewers of the disaster rules of the policy (seed 2-1(3): 有資格者等…と災害時に閲覧権限が与えられた者).
  if (!facilityCode || !mayEverUse({ role: actor.role, facilityKind: facilityKindOfCode(facilityCode) }, 'DISASTER_IDENTIFIED')) {
    throw new ForbiddenError('Only licensed staff of a facility may search in disaster mode / 災害時の検索は医師・歯科医師・薬剤師のみ可能です');
  }
  const name = nameKey(input.name);
  const partial = normalizedText(input.insurerNameOrAddress);
  const sex = SEX_CODES[input.sex.trim().toUpperCase()];
  if (name === '' || partial === '' || input.birthdate.trim() === '' || input.sex.trim() === '') {
    throw new BadUserInputError('All four are required: name, date of birth, sex, and insurer name or address / 氏名・生年月日・性別・保険者名又は住所の4項目すべてが必要です');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.birthdate.trim())) throw new BadUserInputError('birthdate must be YYYY-MM-DD');
  if (!sex) throw new BadUserInputError('sex must be 1 (男) or 2 (女)');

  const active = await db.select().from(disasters);
  const covering = active
    .map((row) => ({ id: row.id, prefectures: row.prefectures, ...(row.facilityCodes ? { facilityCodes: row.facilityCodes } : {}), startsAt: row.startsAt, endsAt: row.endsAt }))
    .find((disaster) => disasterCovers(disaster, facilityCode, now));
  if (!covering) throw new ForbiddenError('No disaster declaration covers this facility now / 災害時の特別措置の対象外です');

  const candidates = await db.select().from(identityIndex)
    .where(and(eq(identityIndex.birthdate, input.birthdate.trim()), eq(identityIndex.sex, sex), or(eq(identityIndex.nameKey, name), eq(identityIndex.kanaKey, name))))
    .limit(CANDIDATE_LIMIT);
  const blocked = candidates.length === 0 ? [] : await db.select({ patientId: dvBlocks.patientId }).from(dvBlocks)
    .where(and(inArray(dvBlocks.patientId, candidates.map((c) => c.patientId)), isNull(dvBlocks.liftedAt)));
  const only = uniqueMatch(candidates, new Set(blocked.map((row) => row.patientId)), input.insurerNameOrAddress);
  if (!only) {
    // Zero and several matches get the same answer: the count itself would tell something about people.
    throw new NotFoundError('No single person matches; identification is not possible / 本人を一意に特定できません');
  }
  await db.transaction(async (tx) => {
    await tx.insert(disasterIdentifications).values({ disasterId: covering.id, facilityCode, patientId: only.patientId, actorSubject: actor.subject, identifiedAt: now });
    await appendAccessLog(tx, actor, [{ patientId: only.patientId, category: 'QUALIFICATION', decision: 'ALLOW', reason: 'DISASTER', basisId: covering.id, special: true }], requestId, now);
  });
  return { patientId: only.patientId, disasterId: covering.id };
}
