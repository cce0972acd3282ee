import { randomUUID } from 'node:crypto';
import { bilingual, BadUserInputError, ForbiddenError, NotFoundError, type Actor, type Db, type InsurerChangeEvent } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { coverageHistory, coverageOfInsurer, coverageWithNumbersExists, endCoverage, insertCoverage, type CoverageRow, type Tx } from '../store/coverage';
import { insurerByNumber } from '../store/masters';
import { insertInsurerChangeEvent } from '../store/outbox';
import { patientIdByLinkage, type QualificationRow } from '../store/patients';
import { requireBranchNumber, requireInsuredCardSymbol, requireInsuredIdentificationNumber, requirePastDate } from './validation';

/**
 * What an insurer (保険者) does to its members' coverage (docs/domain.md "Who takes part": registers qualifications).
 * Every change of insurer is written with an outbox row in the same transaction, so checkups learns of it
 * exactly when the change commits (docs/contracts.md contract 6; docs/domain.md "Insurer change: the checkups follow the member").
 */

export interface QualificationFields {
  insuredCardSymbol: string;
  insuredIdentificationNumber: string;
  insuredBranchNumber: string;
  personalFamilyClassification: string;
  qualificationDate: string;
  insuredPartialContributionRatio: string;
  limitApplicationCertificateClassificationFlag?: string | null;
}

const QUALIFICATION_DATE = { ja: '資格取得年月日', en: 'The qualification date' };
const DISQUALIFICATION_DATE = { ja: '資格喪失年月日', en: 'The disqualification date' };
const LIMIT_CLASSES = /^(A0[1-6]|B0[1-9]|B10)$/;

function ownInsurer(actor: Actor): string {
  if (actor.role !== 'INSURER' || !actor.insurerNumber) throw new ForbiddenError(bilingual('An insurer login is required', '保険者のログインが必要です'));
  return actor.insurerNumber;
}

export function validateQualificationFields(input: QualificationFields, today: string): QualificationFields {
  if (!['1', '2'].includes(input.personalFamilyClassification)) {
    throw new BadUserInputError(bilingual('personalFamilyClassification must be 1 本人 or 2 家族', '本人・家族の別は 1（本人）または 2（家族）です'), { field: 'personalFamilyClassification' });
  }
  if (!['010', '020', '030'].includes(input.insuredPartialContributionRatio)) {
    throw new BadUserInputError(bilingual('insuredPartialContributionRatio must be 010, 020 or 030', '一部負担金割合は 010・020・030 のいずれかです'), { field: 'insuredPartialContributionRatio' });
  }
  const limit = input.limitApplicationCertificateClassificationFlag ?? null;
  if (limit !== null && !LIMIT_CLASSES.test(limit)) {
    throw new BadUserInputError(bilingual('The limit-certificate class must be A01–A06 or B01–B10', '限度額適用認定証区分は A01〜A06 または B01〜B10 です'), { field: 'limitApplicationCertificateClassificationFlag' });
  }
  return {
    insuredCardSymbol: requireInsuredCardSymbol(input.insuredCardSymbol),
    insuredIdentificationNumber: requireInsuredIdentificationNumber(input.insuredIdentificationNumber),
    insuredBranchNumber: requireBranchNumber(input.insuredBranchNumber),
    personalFamilyClassification: input.personalFamilyClassification,
    qualificationDate: requirePastDate(input.qualificationDate, today, 'qualificationDate', QUALIFICATION_DATE),
    insuredPartialContributionRatio: input.insuredPartialContributionRatio,
    limitApplicationCertificateClassificationFlag: limit,
  };
}

async function insurerName(db: Db<Tables> | Tx, insurerNumber: string): Promise<string> {
  const row = await insurerByNumber(db, insurerNumber);
  if (!row) throw new ForbiddenError(bilingual('Your insurer number is not registered', 'この保険者番号は登録されていません'));
  return row.name;
}

async function personByLinkage(db: Db<Tables>, rawLinkage: string): Promise<string> {
  const id = await patientIdByLinkage(db, rawLinkage.trim());
  if (id === undefined) throw new NotFoundError(bilingual('No insured person has this linkage number (紐付番号)', 'この紐付番号の被保険者はいません'));
  return id;
}

async function refuseDuplicateNumbers(tx: Db<Tables> | Tx, insurerNumber: string, fields: QualificationFields): Promise<void> {
  const clash = await coverageWithNumbersExists(tx, { insurerNumber, ...fields });
  if (clash) throw new BadUserInputError(bilingual('A qualification with these numbers and this date already exists', 'この記号・番号・枝番の資格は同じ取得日で登録済みです'), { field: 'insuredIdentificationNumber' });
}

async function insertQualification(tx: Tx, patientId: string, insurerNumber: string, fields: QualificationFields): Promise<CoverageRow> {
  return insertCoverage(tx, { patientId, insurerNumber, ...fields, limitApplicationCertificateClassificationFlag: fields.limitApplicationCertificateClassificationFlag ?? null });
}

async function enqueueInsurerChange(tx: Tx, event: Omit<InsurerChangeEvent, 'eventId' | 'toInsurerName'>): Promise<void> {
  const eventId = randomUUID();
  const insurer = await insurerByNumber(tx, event.toInsurerNumber);
  const payload: InsurerChangeEvent = { eventId, ...event, ...(insurer ? { toInsurerName: insurer.name } : {}) };
  await insertInsurerChangeEvent(tx, payload);
}

/**
 * 資格取得: the caller's insurer starts covering the person named by 紐付番号 (docs/domain.md "Insurers"). Each insurer
 * records only its own members' acquisition and loss: another insurer's coverage is never ended here. While it stays
 * open (the old insurer has not recorded the loss yet) both are in force and the confirmation answers 5 複数該当.
 * Refused while the caller's own coverage of the person is in force on that date. When the person's latest coverage
 * was another insurer's, the change is announced to checkups and consent (the new insurer receives a copy of the
 * checkups, seed 2-3).
 */
export async function registerQualification(db: Db<Tables>, actor: Actor, linkageNumber: string, input: QualificationFields, today: string): Promise<QualificationRow> {
  const insurerNumber = ownInsurer(actor);
  const fields = validateQualificationFields(input, today);
  const patientId = await personByLinkage(db, linkageNumber);
  const name = await insurerName(db, insurerNumber);
  const row = await db.transaction(async (tx) => {
    const history = await coverageHistory(tx, patientId);
    const ownOverlapping = history.find((q) => q.insurerNumber === insurerNumber && (q.disqualificationDate === null || q.disqualificationDate >= fields.qualificationDate));
    if (ownOverlapping) {
      throw new BadUserInputError(bilingual('Your insurer already covers the person on that date: record the loss first', '貴保険者のこの方の資格がこの日に有効です。先に資格喪失を登録してください'), { field: 'qualificationDate' });
    }
    await refuseDuplicateNumbers(tx, insurerNumber, fields);
    const inserted = await insertQualification(tx, patientId, insurerNumber, fields);
    const previous = history.find((q) => q.disqualificationDate === null) ?? history[0];
    if (previous?.insurerNumber !== insurerNumber) {
      await enqueueInsurerChange(tx, { patientId, fromInsurerNumber: previous?.insurerNumber ?? null, toInsurerNumber: insurerNumber, effectiveDate: fields.qualificationDate });
    }
    return inserted;
  });
  return { ...row, insurerName: name };
}

/**
 * 保険者変更, kept for existing callers (deprecated, docs/api-guide.md): the caller's 資格取得 of a person another
 * insurer covers now. It no longer ends the other insurer's coverage — that insurer records the loss itself — so it
 * is registerQualification with the check that the person has another insurer's open coverage.
 */
export async function changeInsurer(db: Db<Tables>, actor: Actor, linkageNumber: string, input: QualificationFields, today: string): Promise<QualificationRow> {
  const insurerNumber = ownInsurer(actor);
  const patientId = await personByLinkage(db, linkageNumber);
  const open = (await coverageHistory(db, patientId)).find((q) => q.disqualificationDate === null);
  if (!open) throw new BadUserInputError(bilingual('The person has no open coverage; use registerQualification', 'この方には有効な資格がありません。資格取得（registerQualification）で登録してください'), { field: 'linkageNumber' });
  if (open.insurerNumber === insurerNumber) throw new BadUserInputError(bilingual('The person is already your member', 'すでに貴保険者の被保険者です'), { field: 'linkageNumber' });
  return registerQualification(db, actor, linkageNumber, input, today);
}

/** 資格喪失: the insurer ends one of its own members' coverage (another insurer's row answers NOT_FOUND). */
export async function endQualification(db: Db<Tables>, actor: Actor, qualificationId: string, rawDate: string, today: string): Promise<QualificationRow> {
  const insurerNumber = ownInsurer(actor);
  const date = requirePastDate(rawDate, today, 'disqualificationDate', DISQUALIFICATION_DATE);
  const notFound = new NotFoundError(bilingual('No qualification of your insurer has this id', '貴保険者のこの資格は見つかりません'));
  if (!/^[0-9a-f-]{36}$/i.test(qualificationId)) throw notFound;
  const row = await coverageOfInsurer(db, qualificationId, insurerNumber);
  if (!row) throw notFound;
  if (row.disqualificationDate !== null) throw new BadUserInputError(bilingual(`This coverage already ended on ${row.disqualificationDate}`, `この資格は ${row.disqualificationDate} に喪失済みです`), { field: 'qualificationId' });
  if (date < row.qualificationDate) throw new BadUserInputError(bilingual('The disqualification date cannot be before the qualification date', '資格喪失年月日は資格取得年月日より前にできません'), { field: 'disqualificationDate' });
  const updated = await endCoverage(db, row.id, date);
  return { ...(updated ?? row), insurerName: await insurerName(db, insurerNumber) };
}
