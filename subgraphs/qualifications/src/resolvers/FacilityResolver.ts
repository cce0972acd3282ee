import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { bilingual, Access, NotFoundError } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { Facility } from '../schema/Facility';
import { Insurer } from '../schema/Insurer';
import { requireFacilityCode, requireInsurerNumber } from '../services/validation';
import { insurerByNumber } from '../store/masters';

@Resolver(() => Facility)
export class FacilityResolver {
  @Access('PATIENT', 'RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST', 'INSURER', 'ADMIN')
  @Query(() => Facility, { description: 'A facility from the master by its 10-digit 医療機関コード (check digit verified)' })
  async facility(@Arg('code', () => String) code: string, @Ctx() ctx: QualificationsContext): Promise<Facility> {
    const valid = requireFacilityCode(code, 'code');
    const row = await ctx.loaders.facility.load(valid);
    if (!row) throw new NotFoundError(bilingual('No facility has this medical institution code', 'この医療機関コードの医療機関・薬局は登録されていません'));
    return row;
  }

  /** The access log names an insurer reader by its number (docs/api-guide.md "Access log: who read"); this is its name. */
  @Access('PATIENT', 'RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST', 'INSURER', 'ADMIN')
  @Query(() => Insurer, { description: 'An insurer from the master by its 保険者番号 (check digit verified)' })
  async insurer(@Arg('number', () => String) number: string, @Ctx() ctx: QualificationsContext): Promise<Insurer> {
    const valid = requireInsurerNumber(number, 'number');
    const row = await insurerByNumber(ctx.db, valid);
    if (!row) throw new NotFoundError(bilingual('No insurer has this insurer number', 'この保険者番号の保険者は登録されていません'));
    return row;
  }
}
