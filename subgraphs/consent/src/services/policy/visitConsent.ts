/**
 * Per-visit consent at the facility's card reader (docs/domain.md "Consent (同意) — the core rule"; seed 2-1: 本人同意を毎回): bound to
 * patient + facility + category, valid 24 hours, and the flags of the confirmation result.
 */
import type { Category, Db, VisitConsentFlags } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { consentsAtFacility, insertConsents, revokeOpenConsents, type ConsentRow } from '../../store/consents';
import { standingDvBlocksOf } from '../../store/dvBlocks';
import type { Transaction } from './decisionPoint';
import { consentExpiresAt, consentFlag, findValidConsent, type ConsentFact, type ConsentFlag } from './decision';
import { facilityKindOfCode, isCategory } from './roles';

/**
 * Registers the patient's answers at the reader — only ever from a verified reader statement (readers.ts),
 * inside the transaction that records that verification. A "no" revokes a still-valid consent for that category
 * at this facility (the patient's latest answer counts; fail closed). Pharmacies never receive checkups
 * (seed: 薬局には特定健診情報を提供しない), so a pharmacy never gets a CHECKUP consent.
 */
export async function registerVisitConsent(
  db: Db<Tables> | Transaction, patientId: string, facilityCode: string, method: string, answers: Record<'DRUG' | 'CHECKUP', boolean>, now: Date, verificationId: string,
): Promise<ConsentRow[]> {
  const pharmacy = facilityKindOfCode(facilityCode) === 'PHARMACY';
  const granted = (['DRUG', 'CHECKUP'] as const).filter((category) => answers[category] && !(category === 'CHECKUP' && pharmacy));
  const refused = (['DRUG', 'CHECKUP'] as const).filter((category) => !granted.includes(category));
  return db.transaction(async (tx) => {
    if (refused.length > 0) {
      await revokeOpenConsents(tx, patientId, facilityCode, refused, now);
    }
    if (granted.length === 0) return [];
    return insertConsents(tx, granted.map((category) => ({ patientId, facilityCode, category, method, verificationId, registeredAt: now })));
  });
}

export function consentFactOf(row: ConsentRow): ConsentFact | undefined {
  if (!isCategory(row.category)) return undefined;
  return { id: row.id, patientId: row.patientId, facilityCode: row.facilityCode, category: row.category, registeredAt: row.registeredAt, ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}) };
}

/** Until when each category's consent at this facility stays valid (ISO 8601); null without a valid one. */
export interface ConsentExpiry { drug: string | null; checkup: string | null }

/**
 * The two flags of a confirmation result from the person's consents at the facility (the valid ones and the newest
 * lapsed one per category suffice), and whether to withhold the address. The block changes no flag (a blocked person's
 * flags are anyone's, docs/domain.md "DV"); it only tells qualifications, an internal caller, to withhold the address.
 * Used by this route and by the decision point, which answers a counter confirmation with them (docs/contracts.md contract 5).
 */
export function visitConsentFlags(facts: readonly ConsentFact[], patientId: string, facilityCode: string, dvBlocked: boolean, now: Date): VisitConsentFlags {
  const flag = (category: Category) => consentFlag(facts, patientId, facilityCode, category, now);
  return { drug: flag('DRUG'), checkup: flag('CHECKUP'), withholdAddress: dvBlocked };
}

/**
 * Consent flags of the confirmation result (docs/contracts.md contract 5): 0 none, 1 given, 2 expired, 3 cannot be provided.
 * With `withExpiry` the answer also says until when each valid consent lasts: the clinic's list of today's
 * confirmations shows the time left; the confirmation result itself keeps the two flags only.
 * `withholdAddress` tells qualifications (internal callers only, never a client) to answer the confirmation without
 * address and postcode: the person is DV/abuse-registered (seed ※ in 2-2; docs/domain.md "DV").
 * The flags themselves are the same as anyone's.
 */
export async function consentFlags(
  db: Db<Tables>, patientId: string, facilityCode: string, now: Date, options: { withExpiry?: boolean | undefined } = {},
): Promise<{ drug: ConsentFlag; checkup: ConsentFlag; withholdAddress: boolean; expiresAt?: ConsentExpiry }> {
  const [rows, blocks] = await Promise.all([
    consentsAtFacility(db, patientId, facilityCode),
    standingDvBlocksOf(db, [patientId]),
  ]);
  const facts = rows.map(consentFactOf).filter((fact): fact is ConsentFact => fact !== undefined);
  const flags = visitConsentFlags(facts, patientId, facilityCode, blocks.length > 0, now);
  if (options.withExpiry !== true) return flags;
  // Only a consent the flag counts as given ('1') has a time left: a pharmacy-checkup one never does.
  const until = (category: Category, given: ConsentFlag): string | null => {
    const valid = given === '1' ? findValidConsent(facts, patientId, facilityCode, category, now) : undefined;
    return valid ? consentExpiresAt(valid.registeredAt).toISOString() : null;
  };
  return { ...flags, expiresAt: { drug: until('DRUG', flags.drug), checkup: until('CHECKUP', flags.checkup) } };
}
