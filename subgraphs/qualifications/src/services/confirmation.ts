import { bilingual, BadUserInputError, CardNotUsableError, ForbiddenError, NotFoundError, type Actor, type CardStatusAnswer, type CardUnusableReason, type CardVerificationMethod, type Db } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { cardHolderCoverage, cardWithLinkedPatient, type CardRow } from '../store/cards';
import { coverageByInsuranceCard, insertConfirmation } from '../store/confirmations';
import { certificateStandingOn } from './cardCertificate';
import type { CardVerification } from './cardVerification';
import type { ConsentFlags } from './consentFlags';
import { coverageInForce, type PatientRow, type QualificationRow } from '../store/patients';
import {
  BIRTHDATE_LABEL, normalizeTyped, requireBranchNumber, requireInsuredCardSymbol, requireInsuredIdentificationNumber, requireInsurerNumber, requirePastDate,
} from './validation';

/** QualificationValidity (docs/domain.md "Confirmation at the counter (資格確認)"). */
export const VALIDITY = { VALID: '1', INVALID: '2', INVALID_NEW_QUALIFICATION: '3', NOT_FOUND: '4', MULTIPLE: '5' } as const;
export type Validity = (typeof VALIDITY)[keyof typeof VALIDITY];
/**
 * How a confirmation was asked: a My Number Card at the facility's reader, by the verification's method, or the numbers
 * of an insurance card typed at the counter (docs/domain.md "Confirmation at the counter (資格確認)").
 */
export const CONFIRMATION_METHODS = ['CARD_FACE', 'CARD_PIN', 'CARD_VISUAL', 'INSURANCE_CARD'] as const satisfies readonly (`CARD_${CardVerificationMethod}` | 'INSURANCE_CARD')[];
export type ConfirmationMethod = (typeof CONFIRMATION_METHODS)[number];
/** ReferenceClassification: 1 My Number Card / 2 insurance-card information. */
export const REFERENCE = { CARD: '1', INSURANCE_CARD: '2' } as const;

export interface ConfirmationResult {
  qualificationValidity: Validity;
  referenceClassification: string;
  confirmedAt: string;
  patientId: string | null;
  name: string | null;
  nameKana: string | null;
  sex: string | null;
  birthdate: string | null;
  address: string | null;
  postNumber: string | null;
  qualification: QualificationRow | null;
  newQualification: QualificationRow | null;
  drugInfoConsentFlag: string;
  checkupInfoConsentFlag: string;
}

export interface ConfirmationDeps {
  db: Db<Tables>;
  actor: Actor;
  today: string;
  /**
   * Throws FORBIDDEN unless the decision point lets this actor confirm this person's qualification at its counter
   * (policy rule qualification.counter; logged); resolves to this visit's consent flags, which the decision carries.
   */
  requireQualificationAccess(patientId: string): Promise<ConsentFlags>;
  history(patientId: string): Promise<QualificationRow[]>;
  /**
   * Resolves once the caller's token is known not to have ended, and throws the refusal otherwise: awaited before
   * every write, since the mutations are not asked up front (kit tokenLiveness.ts `LiveBeforeWrites`). The decision
   * call of requireQualificationAccess has usually proven it already.
   */
  liveBeforeWrite(): Promise<void>;
}

/** The caller's facility: confirmation happens at a counter, so only facility staff confirm. */
export function callerFacility(actor: Actor): string {
  if (!actor.facilityCode) throw new ForbiddenError(bilingual('Qualification confirmation needs a facility login', '資格確認は医療機関・薬局のログインで行ってください'));
  return actor.facilityCode;
}

/**
 * Whether a card may be used on `today` (a Japanese date), and if not why (one home for the rule, read by
 * confirmation here and by consent through the internal card-status route): reported lost (紛失届), suspended, its
 * certificate expired past the grace period (cardCertificate.ts), or never registered for health-insurance use (初回登録).
 */
export function cardUnusableReason(card: Pick<CardRow, 'status' | 'registeredAt' | 'certificateExpiresOn'>, today: string): CardUnusableReason | null {
  if (card.status === 'LOST' || card.status === 'SUSPENDED' || card.status === 'EXPIRED') return card.status;
  if (card.status !== 'ACTIVE') return 'SUSPENDED'; // an unknown status is never "usable" (fail closed)
  if (certificateStandingOn(card.certificateExpiresOn, today) === 'EXPIRED') return 'EXPIRED';
  if (!card.registeredAt) return 'NOT_REGISTERED';
  return null;
}

/**
 * Follows the identity chain card serial → 紐付番号 → person (docs/domain.md "Identity without the My Number") and refuses
 * cards that cannot be used (CARD_NOT_USABLE with the reason). One statement reads the card, its holder and the
 * holder's coverage periods (newest first, one row per period; the 紐付番号 names one person): nothing of it is
 * answered before the card is found usable here and the decision point allowed the confirmation.
 */
export async function usableCardHolder(db: Db<Tables>, cardSerial: string, field: string, today: string): Promise<{ patient: PatientRow; card: CardRow; history: QualificationRow[] }> {
  const rows = await cardHolderCoverage(db, cardSerial);
  const [first] = rows;
  if (!first) throw new NotFoundError(bilingual('This My Number Card is not known to the system', 'このマイナンバーカードは登録されていません'));
  const unusable = cardUnusableReason(first.card, today);
  if (unusable) throw new CardNotUsableError(unusable, { field });
  if (!first.patient) throw new NotFoundError(bilingual('No insured person is linked to this card', 'このカードに紐付く被保険者が見つかりません'));
  // A period whose insurer is unknown is left out, as the history loader's inner join leaves it out (patients.ts).
  const history = rows.flatMap(({ q, insurerName }) => (q && insurerName !== null ? [{ ...q, insurerName }] : []));
  return { patient: first.patient, card: first.card, history };
}

/** The card-status answer consent asks for (kit cardStatus.ts). */
export async function cardStatusOf(db: Db<Tables>, cardSerial: string, today: string): Promise<CardStatusAnswer> {
  const row = await cardWithLinkedPatient(db, cardSerial);
  if (!row) return { known: false, patientId: null, unusable: null };
  return { known: true, patientId: row.patientId, unusable: cardUnusableReason(row.card, today) };
}

function emptyResult(validity: Validity, reference: string, at: Date): ConfirmationResult {
  return {
    qualificationValidity: validity, referenceClassification: reference, confirmedAt: at.toISOString(), patientId: null, name: null, nameKana: null,
    sex: null, birthdate: null, address: null, postNumber: null, qualification: null, newQualification: null,
    // No person: there is nothing to consent to, so the flags are 取得困難.
    drugInfoConsentFlag: '3', checkupInfoConsentFlag: '3',
  };
}

function personResult(flags: ConsentFlags, patient: PatientRow, validity: Validity, reference: string, qualification: QualificationRow | null, newQualification: QualificationRow | null, at: Date): ConfirmationResult {
  // A DV/abuse-registered person is confirmed like anyone, without address and postcode, exactly as a person with no
  // address on file (seed ※ in 2-2; docs/domain.md "DV and abuse victims, seed 2-2 ※").
  const { address, postNumber } = flags.withholdAddress ? { address: null, postNumber: null } : patient;
  return {
    qualificationValidity: validity, referenceClassification: reference, confirmedAt: at.toISOString(), patientId: patient.id,
    name: patient.name, nameKana: patient.nameKana, sex: patient.sex, birthdate: patient.birthdate, address, postNumber,
    qualification, newQualification, drugInfoConsentFlag: flags.drug, checkupInfoConsentFlag: flags.checkup,
  };
}

async function record(deps: ConfirmationDeps, patientId: string | null, method: ConfirmationMethod, result: ConfirmationResult, at: Date): Promise<void> {
  await deps.liveBeforeWrite();
  await insertConfirmation(deps.db, {
    patientId, facilityCode: callerFacility(deps.actor), method, referenceClassification: result.referenceClassification,
    qualificationValidity: result.qualificationValidity, staffSubject: deps.actor.subject, at,
    qualificationId: result.qualification?.id ?? null, newQualificationId: result.newQualification?.id ?? null,
  });
}

/** Every coverage in force on `date`, newest first (two while a new insurer acquired and the old one has not recorded the loss). */
function coveragesInForce(history: QualificationRow[], date: string): QualificationRow[] {
  return history.filter((q) => q.qualificationDate <= date && (q.disqualificationDate === null || q.disqualificationDate >= date));
}

/** By My Number Card at the reader (ReferenceClassification 1): the coverage in force today, or 2 / 4. */
export async function confirmByCard(deps: ConfirmationDeps, verification: CardVerification): Promise<ConfirmationResult> {
  const facilityCode = callerFacility(deps.actor);
  if (verification.facilityCode !== facilityCode) {
    throw new ForbiddenError(bilingual('This card verification belongs to another facility', 'このカードリーダーの確認結果は他の医療機関のものです'));
  }
  const { patient, history } = await usableCardHolder(deps.db, verification.cardSerial, 'verificationToken', deps.today);
  if (patient.id !== verification.patientId) throw new BadUserInputError(bilingual('The card does not match the verification', 'カードと本人確認結果が一致しません'), { field: 'verificationToken' });
  const flags = await deps.requireQualificationAccess(patient.id);
  const inForce = coveragesInForce(history, deps.today);
  const at = new Date();
  let result: ConfirmationResult;
  if (inForce.length > 1) {
    // 複数該当: a new insurer recorded the acquisition and the old one has not yet recorded the loss (docs/domain.md
    // "Insurers"). `qualification` is the earlier coverage, `newQualification` the newer one.
    const [newer, older] = inForce;
    result = personResult(flags, patient, VALIDITY.MULTIPLE, REFERENCE.CARD, older ?? null, newer ?? null, at);
  } else {
    const current = inForce[0];
    const validity = current ? VALIDITY.VALID : history.length > 0 ? VALIDITY.INVALID : VALIDITY.NOT_FOUND;
    result = personResult(flags, patient, validity, REFERENCE.CARD, current ?? history[0] ?? null, null, at);
  }
  await record(deps, patient.id, `CARD_${verification.method}`, result, at);
  return result;
}

export interface InsuranceCardInput {
  insurerNumber: string;
  insuredCardSymbol: string;
  insuredIdentificationNumber: string;
  insuredBranchNumber?: string | null;
  birthdate: string;
}

/** Validates what the clerk typed; every error names its field. */
export function validateInsuranceCardInput(input: InsuranceCardInput, today: string): Required<InsuranceCardInput> & { insuredBranchNumber: string | null } {
  const branch = input.insuredBranchNumber == null || normalizeTyped(input.insuredBranchNumber) === '' ? null : requireBranchNumber(input.insuredBranchNumber);
  return {
    insurerNumber: requireInsurerNumber(input.insurerNumber),
    insuredCardSymbol: requireInsuredCardSymbol(input.insuredCardSymbol),
    insuredIdentificationNumber: requireInsuredIdentificationNumber(input.insuredIdentificationNumber),
    insuredBranchNumber: branch,
    birthdate: requirePastDate(input.birthdate, today, 'birthdate', BIRTHDATE_LABEL),
  };
}

/**
 * By the numbers on an insurance card / 資格確認書 (ReferenceClassification 2). The typed numbers name one
 * coverage period: in force → 1; ended and the person has another in force → 3 with that one; ended → 2;
 * no match → 4; matches for more than one person → 5 (no personal data is returned for 4 and for that 5); in force
 * while another insurer's coverage of the person is also in force (the old insurer has not recorded the loss yet) →
 * 5 with the named coverage and the other one.
 */
export async function confirmByInsuranceCard(deps: ConfirmationDeps, raw: InsuranceCardInput): Promise<ConfirmationResult> {
  callerFacility(deps.actor); // only facility staff confirm: refused before anything is read
  const input = validateInsuranceCardInput(raw, deps.today);
  const at = new Date();
  const rows = await coverageByInsuranceCard(deps.db, input);
  const people = new Set(rows.map((row) => row.patient.id));
  if (people.size !== 1) {
    const result = emptyResult(people.size === 0 ? VALIDITY.NOT_FOUND : VALIDITY.MULTIPLE, REFERENCE.INSURANCE_CARD, at);
    await record(deps, null, 'INSURANCE_CARD', result, at);
    return result;
  }
  const [first] = rows;
  if (!first) throw new Error('unreachable: one person matched but no row');
  const patient = first.patient;
  const flags = await deps.requireQualificationAccess(patient.id);
  // The same numbers may name several periods of one person (re-joined the same insurer): newest first.
  const named = rows.map(({ q, insurerName }) => ({ ...q, insurerName })).sort((a, b) => b.qualificationDate.localeCompare(a.qualificationDate));
  const inForce = coverageInForce(named, deps.today);
  let result: ConfirmationResult;
  if (inForce) {
    const other = coveragesInForce(await deps.history(patient.id), deps.today).find((q) => q.id !== inForce.id);
    result = personResult(flags, patient, other ? VALIDITY.MULTIPLE : VALIDITY.VALID, REFERENCE.INSURANCE_CARD, inForce, other ?? null, at);
  } else {
    const current = coverageInForce(await deps.history(patient.id), deps.today);
    const validity = current ? VALIDITY.INVALID_NEW_QUALIFICATION : VALIDITY.INVALID;
    result = personResult(flags, patient, validity, REFERENCE.INSURANCE_CARD, named[0] ?? null, current, at);
  }
  await record(deps, patient.id, 'INSURANCE_CARD', result, at);
  return result;
}
