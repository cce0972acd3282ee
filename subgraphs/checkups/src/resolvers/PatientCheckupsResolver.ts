import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AccessTo, BadUserInputError, bilingual } from '@onshi/kit';
import type { CheckupsContext } from '../context';
import { Checkup } from '../schema/Checkup';
import { CheckupTrend } from '../schema/CheckupTrend';
import { Patient } from '../schema/Patient';
import { toCheckupView, toTrendView } from '../services/checkupView';
import { resolveRequestedRange } from '../services/fiscalYear';
import { findItem } from '../services/itemMaster';
import { readsAny, requireCheckupRead, withinScope, type CheckupScope } from '../services/readAccess';

/** The person's kept checkups the scope lets the caller read; none read at all when the scope is none. */
async function checkupsInScope(ctx: CheckupsContext, patientId: string, scope: CheckupScope) {
  return readsAny(scope) ? withinScope(await ctx.loaders.checkupsOf.load(patientId), scope) : [];
}

@Resolver(() => Patient)
export class PatientCheckupsResolver {
  // Nullable: if this subgraph is down the gateway still returns the patient's other data, with an error.
  @AccessTo('CHECKUP')
  @FieldResolver(() => [Checkup], { nullable: true, description: '特定健診 of at most 5 fiscal years (FY2020+), oldest first, with judgements and 階層化' })
  async checkups(
    @Root() patient: Patient,
    @Ctx() ctx: CheckupsContext,
    @Arg('fromYear', () => Int, { nullable: true, description: 'First fiscal year; default the oldest kept' }) fromYear?: number | null,
    @Arg('toYear', () => Int, { nullable: true, description: 'Last fiscal year; default the current one' }) toYear?: number | null,
  ): Promise<Checkup[]> {
    const range = resolveRequestedRange(ctx.today, fromYear, toYear);
    if (typeof range === 'string') throw new BadUserInputError(range, { fromYear, toYear });
    const scope = await requireCheckupRead(ctx, patient.id);
    const stored = await checkupsInScope(ctx, patient.id, scope);
    return stored
      .filter(({ checkup }) => checkup.fiscalYear >= range.from && checkup.fiscalYear <= range.to)
      .map(toCheckupView);
  }

  @AccessTo('CHECKUP')
  @FieldResolver(() => CheckupTrend, { nullable: true, description: 'One JLAC10 item across the kept fiscal years, with its thresholds' })
  async checkupTrend(
    @Root() patient: Patient,
    @Ctx() ctx: CheckupsContext,
    @Arg('code', () => String, { description: 'JLAC10 code, e.g. 3D046000001906202 for HbA1c' }) code: string,
  ): Promise<CheckupTrend> {
    const item = findItem(code);
    if (item === undefined || item.kind !== 'numeric') {
      throw new BadUserInputError(bilingual(`"${code}" is not a numeric JLAC10 item of the 特定健診 item master`, '項目マスタにない数値項目です'), { code });
    }
    const scope = await requireCheckupRead(ctx, patient.id);
    return toTrendView(item, await checkupsInScope(ctx, patient.id, scope));
  }
}
