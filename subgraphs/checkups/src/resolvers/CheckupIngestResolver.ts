import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, BadUserInputError, bilingual, ForbiddenError } from '@onshi/kit';
import type { CheckupsContext } from '../context';
import { CheckupImportResult, CheckupSubmissionInput } from '../schema/CheckupIngest';
import { MAX_CDA_CHARS, NotYourMemberError, checkupFromCda, describeRefusal, isCdaRefusal, type CdaRefusal } from '../services/cdaImport';
import type { StoredCheckup } from '../services/checkupView';
import { importingInsurer } from '../services/importAccess';
import { membershipsOf, storeCheckups } from '../store/checkups';
import { SubmissionError, validateSubmission, type CheckupSubmission } from '../services/submission';

/** A bulk call stays one transaction of bounded size. */
const MAX_SUBMISSIONS = 1000;

const insurerOf = (ctx: CheckupsContext): string => importingInsurer(ctx.actor);

function sexOf(value: string): 'M' | 'F' {
  // Sex1 (1 男 / 2 女) as in the qualification data; M/F as in HL7.
  if (value === '1' || value === 'M') return 'M';
  if (value === '2' || value === 'F') return 'F';
  throw new SubmissionError('INVALID_VALUE', bilingual(`sex must be 1 (男) or 2 (女), got "${value}"`, '性別が不正です'), { field: 'sex' });
}

function badInput(error: CdaRefusal, extra: Record<string, unknown> = {}): BadUserInputError {
  const { message, reason, detail } = describeRefusal(error);
  return new BadUserInputError(message, { ...detail, ...extra, reason });
}

/** Every submitted person must be a member whose checkup data this insurer holds (own members). */
async function requireOwnMembers(ctx: CheckupsContext, insurerNumber: string, patientIds: readonly string[]): Promise<void> {
  const memberships = await membershipsOf(ctx.db, patientIds);
  const strangers = patientIds.filter((id) => memberships.get(id)?.insurerNumber !== insurerNumber);
  if (strangers.length > 0) {
    throw new ForbiddenError(bilingual(`${strangers.length} of the submitted people are not members of your insurer; nothing was stored`, '加入者以外が含まれるため登録しませんでした'), { notMembers: strangers.length });
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
      throw new BadUserInputError(bilingual(`Submit 1 to ${MAX_SUBMISSIONS} checkups per call`, `1 回に登録できるのは ${MAX_SUBMISSIONS} 件までです`), { count: submissions.length });
    }
    const seen = new Set<string>();
    const stored = submissions.map((submission, index) => {
      try {
        const validated = validateSubmission({ ...submission, sex: sexOf(submission.sex) } satisfies CheckupSubmission, { insurerNumber, today: ctx.today, source: 'SUBMISSION' });
        const key = `${validated.checkup.patientId}\u0000${validated.checkup.fiscalYear}`;
        if (seen.has(key)) throw new SubmissionError('DUPLICATE_ITEM', bilingual(`Two checkups for the same person in FY${validated.checkup.fiscalYear}`, '同じ年度の健診が 2 件あります'));
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
  @Mutation(() => CheckupImportResult, { description: 'Import one HL7 CDA 特定健診情報ファイル (or 後期高齢者健診 file of a 広域連合) of your own member; a file with any wrong result (code outside JLAC10, unit other than the item\'s, implausible value, item twice, unknown answer code), no matching member or a future date is refused with the item, the line and the reason (extensions.reason, item, line) and nothing is stored' })
  async importCheckupCda(@Arg('xml', () => String) xml: string, @Ctx() ctx: CheckupsContext): Promise<CheckupImportResult> {
    const insurerNumber = insurerOf(ctx);
    if (xml.length > MAX_CDA_CHARS) throw new BadUserInputError(bilingual(`The file is larger than ${MAX_CDA_CHARS} characters`, 'ファイルが大きすぎます'), { reason: 'TOO_LARGE' });
    try {
      const stored = await checkupFromCda(ctx.db, xml, insurerNumber, ctx.today);
      return await store(ctx, [stored]);
    } catch (error) {
      if (error instanceof NotYourMemberError) throw new ForbiddenError(error.message);
      if (isCdaRefusal(error)) throw badInput(error);
      throw error;
    }
  }
}
