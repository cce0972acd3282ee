import { bilingual, type Db } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { CdaParseError, parseCheckupCda } from './cda';
import type { StoredCheckup } from './checkupView';
import { membershipsOf, patientsByInsuredNumber } from '../store/checkups';
import { SubmissionError, validateSubmission } from './submission';

/**
 * One 特定健診情報ファイル (CDA) of an insurer's member → the checkup to store, or a refusal. Shared by the
 * `importCheckupCda` mutation and the archive import (docs/api-guide.md "Checkup files"), so both refuse the same files
 * for the same reasons (docs/domain.md "Specific health checkups (特定健診)").
 */

/** 特定健診情報ファイル of one person is a few kB; anything far larger is not one. */
export const MAX_CDA_CHARS = 500_000;
/** The same limit in bytes of UTF-8 (at most 3 bytes per character of the BMP): the archive's per-entry limit. */
export const MAX_CDA_BYTES = MAX_CDA_CHARS * 3;

/** The file names another insurer's member or a person this insurer does not hold: an access question, not bad input. */
export class NotYourMemberError extends Error {
  override readonly name = 'NotYourMemberError';
}

export type CdaRefusal = CdaParseError | SubmissionError | NotYourMemberError;

export function isCdaRefusal(error: unknown): error is CdaRefusal {
  return error instanceof CdaParseError || error instanceof SubmissionError || error instanceof NotYourMemberError;
}

/** English / Japanese message, machine reason and details (item, line …) of a refusal, for GraphQL and the report. */
export function describeRefusal(error: CdaRefusal): { reason: string; message: string; detail: Readonly<Record<string, string | number>> } {
  if (error instanceof CdaParseError) return { reason: error.reason, message: `${error.messageEn} / ${error.messageJa}`, detail: error.detail };
  if (error instanceof SubmissionError) return { reason: error.reason, message: error.message, detail: error.detail };
  return { reason: 'NOT_YOUR_MEMBER', message: error.message, detail: {} };
}

export async function checkupFromCda(db: Db<Tables>, xml: string, insurerNumber: string, today: string): Promise<StoredCheckup> {
  const document = parseCheckupCda(xml);
  const { patient } = document;
  if (patient.insurerNumber === undefined || patient.insuredIdentificationNumber === undefined) {
    throw new SubmissionError('MISSING_PERSON', bilingual('The file does not name the member (保険者番号 and 被保険者証番号 in recordTarget/patientRole/id)', '受診者の保険者番号・被保険者証番号がありません'), { field: 'patientRole/id' });
  }
  if (patient.insurerNumber !== insurerNumber) {
    throw new NotYourMemberError(bilingual('The file is for another insurer’s member', '他の保険者の加入者のファイルです'));
  }
  if (document.examinationDate === undefined || patient.sex === undefined || patient.birthDate === undefined) {
    throw new SubmissionError('MISSING_PERSON', bilingual('The file needs the examination date, the sex and the birth date', '健診実施日・性別・生年月日が必要です'), { field: 'patient' });
  }
  if (document.documentDate !== undefined && document.documentDate > today) {
    throw new SubmissionError('FUTURE_DATE', bilingual(`The file is dated ${document.documentDate}, after today (${today})`, `文書の作成日 ${document.documentDate} が未来の日付です`), { field: 'ClinicalDocument/effectiveTime' });
  }
  const candidates = await patientsByInsuredNumber(db, insurerNumber, patient.insuredCardSymbol ?? '', patient.insuredIdentificationNumber);
  const [patientId, ...others] = candidates;
  if (patientId === undefined || others.length > 0) {
    throw new SubmissionError(
      'MISSING_PERSON',
      bilingual(`${candidates.length === 0 ? 'No' : 'More than one'} member with insured numbers ${patient.insuredCardSymbol ?? ''}・${patient.insuredIdentificationNumber}`, `被保険者証記号・番号に該当する加入者が${candidates.length === 0 ? 'いません' : '複数います'}`),
      { field: 'patientRole/id' },
    );
  }
  const stored = validateSubmission(
    {
      patientId, examinedOn: document.examinationDate, facilityCode: document.facilityCode ?? '', sex: patient.sex,
      birthDate: patient.birthDate, results: document.results,
    },
    { insurerNumber, today, source: 'CDA' },
  );
  const membership = (await membershipsOf(db, [patientId])).get(patientId);
  if (membership?.insurerNumber !== insurerNumber) {
    throw new NotYourMemberError(bilingual('The member’s checkup data is held by another insurer', 'この加入者の健診データは他の保険者が保有しています'));
  }
  return stored;
}
