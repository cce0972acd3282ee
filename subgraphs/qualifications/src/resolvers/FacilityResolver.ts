import { eq } from 'drizzle-orm';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Access, NotFoundError } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { facilities } from '../db/tables';
import { Facility } from '../schema/Facility';
import { requireFacilityCode } from '../services/validation';

@Resolver(() => Facility)
export class FacilityResolver {
  @Access('PATIENT', 'RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST', 'INSURER', 'ADMIN')
  @Query(() => Facility, { description: 'A facility from the master by its 10-digit 医療機関コード (check digit verified)' })
  async facility(@Arg('code', () => String) code: string, @Ctx() ctx: QualificationsContext): Promise<Facility> {
    const valid = requireFacilityCode(code, 'code');
    const [row] = await ctx.db.select().from(facilities).where(eq(facilities.code, valid)).limit(1);
    if (!row) throw new NotFoundError('この医療機関コードの医療機関・薬局は登録されていません / No facility has this medical institution code');
    return row;
  }
}
