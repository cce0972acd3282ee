import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, BadUserInputError, ForbiddenError, UnauthenticatedError } from '@onshi/kit';
import type { CheckupsContext } from '../context';
import { CheckupImportResult, CheckupSubmissionInput } from '../schema/CheckupIngest';
import { CdaParseError, parseCheckupCda } from '../services/cda';
import type { StoredCheckup } from '../services/checkupView';
import { membershipsOf, patientsByInsuredNumber, storeCheckups } from '../services/store';
import { SubmissionError, submittedResultsOf, validateSubmission, type CheckupSubmission } from '../services/submission';

/** A bulk call stays one transaction of bounded size. */
const MAX_SUBMISSIONS = 1000;
/** 特定健診情報ファイル of one person is a few kB; anything far larger is not one. */
const MAX_CDA_CHARS = 500_000;

function insurerOf(ctx: CheckupsContext): string {
  if (ctx.actor === null) throw new UnauthenticatedError();
  const insurerNumber = ctx.actor.insurerNumber;
  if (ctx.actor.role !== 'INSURER' || insurerNumber === undefined) throw new ForbiddenError('Only an insurer submits checkups / 保険者のみ登録できます');
  return insurerNumber;
}

function sexOf(value: string): 'M' | 'F' {
  // Sex1 (1 男 / 2 女) as in the qualification data; M/F as in HL7.
  if (value === '1' || value === 'M') return 'M';
  if (value === '2' || value === 'F') return 'F';
  throw new SubmissionError('INVALID_VALUE', `sex must be 1 (男) or 2 (女), got "${value}" / 性別が不正です`, { field: 'sex' });
}

function badInput(error: SubmissionError | CdaParseError, extra: Record<string, unknown> = {}): BadUserInputError {
  const message = error instanceof CdaParseError ? `${error.messageEn} / ${error.messageJa}` : error.message;
  return new BadUserInputError(message, { reason: error.reason, ...error.detail, ...extra });
}

/** Every submitted person must be a member whose checkup data this insurer holds (issue 6: own members). */
async function requireOwnMembers(ctx: CheckupsContext, insurerNumber: string, patientIds: readonly string[]): Promise<void> {
  const memberships = await membershipsOf(ctx.db, patientIds);
  const strangers = patientIds.filter((id) => memberships.get(id)?.insurerNumber !== insurerNumber);
  if (strangers.length > 0) {
    throw new ForbiddenError(`${strangers.length} of the submitted people are not members of your insurer; nothing was stored / 加入者以外が含まれるため登録しませんでした`, { notMembers: strangers.length });
  }
}

async function store(ctx: CheckupsContext, stored: StoredCheckup[]): Promise<CheckupImportResult> {
  await storeCheckups(ctx.db, stored);
  return {
    stored: stored.length,
    checkups: stored.map(({ checkup, results }) => ({
      patientId: checkup.patientId, fiscalYear: checkup.fiscalYear, examinedOn: checkup.examinedOn, itemCount: results.length,
    })),
  };
}

@Resolver()
export class CheckupIngestResolver {
  @Access('INSURER')
  @Mutation(() => CheckupImportResult, { description: 'Bulk 特定健診 results of your own members; all or nothing (an unknown JLAC10 code refuses the whole batch)' })
  async submitCheckups(
    @Arg('checkups', () => [CheckupSubmissionInput]) submissions: CheckupSubmissionInput[],
    @Ctx() ctx: CheckupsContext,
  ): Promise<CheckupImportResult> {
    const insurerNumber = insurerOf(ctx);
    if (submissions.length === 0 || submissions.length > MAX_SUBMISSIONS) {
      throw new BadUserInputError(`Submit 1 to ${MAX_SUBMISSIONS} checkups per call / 1 回に登録できるのは ${MAX_SUBMISSIONS} 件までです`, { count: submissions.length });
    }
    const seen = new Set<string>();
    const stored = submissions.map((submission, index) => {
      try {
        const validated = validateSubmission({ ...submission, sex: sexOf(submission.sex) } satisfies CheckupSubmission, { insurerNumber, today: ctx.today, source: 'SUBMISSION' });
        const key = `${validated.checkup.patientId}\u0000${validated.checkup.fiscalYear}`;
        if (seen.has(key)) throw new SubmissionError('DUPLICATE_ITEM', `Two checkups for the same person in FY${validated.checkup.fiscalYear} / 同じ年度の健診が 2 件あります`);
        seen.add(key);
        return validated;
      } catch (error) {
        if (error instanceof SubmissionError) throw badInput(error, { index });
        throw error;
      }
    });
    await requireOwnMembers(ctx, insurerNumber, stored.map(({ checkup }) => checkup.patientId));
    return store(ctx, stored);
  }

  @Access('INSURER')
  @Mutation(() => CheckupImportResult, { description: 'Import one HL7 CDA 特定健診情報ファイル of your own member; a malformed file or an unknown JLAC10 code is refused with a reason and nothing is stored' })
  async importCheckupCda(@Arg('xml', () => String) xml: string, @Ctx() ctx: CheckupsContext): Promise<CheckupImportResult> {
    const insurerNumber = insurerOf(ctx);
    if (xml.length > MAX_CDA_CHARS) throw new BadUserInputError(`The file is larger than ${MAX_CDA_CHARS} characters / ファイルが大きすぎます`, { reason: 'TOO_LARGE' });
    try {
      const document = parseCheckupCda(xml);
      const { patient } = document;
      if (patient.insurerNumber === undefined || patient.insuredIdentificationNumber === undefined) {
        throw new SubmissionError('INVALID_VALUE', 'The file does not name the member (保険者番号 and 被保険者証番号 in recordTarget/patientRole/id) / 受診者の保険者番号・被保険者証番号がありません', { field: 'patientRole/id' });
      }
      if (patient.insurerNumber !== insurerNumber) {
        throw new ForbiddenError('The file is for another insurer’s member / 他の保険者の加入者のファイルです');
      }
      if (document.examinationDate === undefined || patient.sex === undefined || patient.birthDate === undefined) {
        throw new SubmissionError('INVALID_VALUE', 'The file needs the examination date, the sex and the birth date / 健診実施日・性別・生年月日が必要です');
      }
      const candidates = await patientsByInsuredNumber(ctx.db, insurerNumber, patient.insuredCardSymbol ?? '', patient.insuredIdentificationNumber);
      const [patientId, ...others] = candidates;
      if (patientId === undefined || others.length > 0) {
        throw new SubmissionError('INVALID_VALUE', `${candidates.length === 0 ? 'No' : 'More than one'} member with these insured numbers / 被保険者証記号・番号に該当する加入者が${candidates.length === 0 ? 'いません' : '複数います'}`, { field: 'patientRole/id' });
      }
      const submission: CheckupSubmission = {
        patientId, examinedOn: document.examinationDate, facilityCode: document.facilityCode ?? '', sex: patient.sex,
        birthDate: patient.birthDate, results: submittedResultsOf(document.observations),
      };
      const stored = validateSubmission(submission, { insurerNumber, today: ctx.today, source: 'CDA' });
      await requireOwnMembers(ctx, insurerNumber, [patientId]);
      return await store(ctx, [stored]);
    } catch (error) {
      if (error instanceof CdaParseError || error instanceof SubmissionError) throw badInput(error);
      throw error;
    }
  }
}
