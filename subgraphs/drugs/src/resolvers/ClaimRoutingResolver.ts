import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AccessTo, BadUserInputError, bilingual, type OwnerCategory, type OwnerTarget, isYearMonth } from '@onshi/kit';
import type { DrugsContext } from '../context';
import { ClaimRoutingMonth, ReroutingReport, ReturnedClaim, RoutedClaim } from '../schema/ClaimRouting';
import { RETURN_REASON_TEXT, type ReturnReason } from '../services/claimRouting';
import { reroutingReportOf, ROUTED_CLAIMS_PAGE_MAX, routedClaimsOf, returnedClaimsOf, routingStatistics } from '../store/claimRoutingReads';

function requireMonth(name: string, value: string): string {
  if (!isYearMonth(value)) throw new BadUserInputError(bilingual(`${name} must be a month YYYY-MM`, `${name} は YYYY-MM 形式で指定してください`), { argument: name });
  return value;
}

/**
 * Reads of the routing check (docs/drugs.md "Re-routing claims (レセプト振替)"). Each list belongs to an insurer, a
 * facility or the nation: before any row is read the decision point decides from the access policy (platform policy.ts
 * ROUTED_CLAIMS, RETURNED_CLAIMS, CLAIM_STATISTICS) and logs the read under the owner — another insurer's or another
 * facility's list is refused (FORBIDDEN) and the refusal logged.
 */
@Resolver()
export class ClaimRoutingResolver {
  private async require(ctx: DrugsContext, category: OwnerCategory, target: OwnerTarget): Promise<void> {
    await ctx.requireOwnerRead(category, target);
  }

  @AccessTo('ROUTED_CLAIMS')
  @Query(() => [RoutedClaim], { description: 'Claims stored under an insurer for a month of care (as billed or re-routed to it); insurers their own, the operator any' })
  async routedClaims(
    @Arg('insurerNumber', () => String) insurerNumber: string,
    @Arg('serviceMonth', () => String) serviceMonth: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: DrugsContext,
  ): Promise<RoutedClaim[]> {
    requireMonth('serviceMonth', serviceMonth);
    if (!Number.isInteger(first) || first < 1 || first > ROUTED_CLAIMS_PAGE_MAX) throw new BadUserInputError(`first must be 1–${ROUTED_CLAIMS_PAGE_MAX}`, { argument: 'first' });
    await this.require(ctx, 'ROUTED_CLAIMS', { insurerNumber });
    return routedClaimsOf(ctx.db, insurerNumber, serviceMonth, first);
  }

  @AccessTo('ROUTED_CLAIMS')
  @Query(() => ReroutingReport, { description: "An insurer's monthly re-routing report: claims re-routed to it (count, points, by reason, by facility) and claims addressed to it that were returned" })
  async reroutingReport(@Arg('insurerNumber', () => String) insurerNumber: string, @Arg('serviceMonth', () => String) serviceMonth: string, @Ctx() ctx: DrugsContext): Promise<ReroutingReport> {
    requireMonth('serviceMonth', serviceMonth);
    await this.require(ctx, 'ROUTED_CLAIMS', { insurerNumber });
    return reroutingReportOf(ctx.db, insurerNumber, serviceMonth);
  }

  @AccessTo('RETURNED_CLAIMS')
  @Query(() => [ReturnedClaim], { description: 'Claims returned (返戻) for a month of care, with reasons: of one facility (its staff, the operator) or concerning one insurer (that insurer, the operator); give exactly one of facilityCode, insurerNumber' })
  async returnedClaims(
    @Arg('serviceMonth', () => String) serviceMonth: string,
    @Arg('facilityCode', () => String, { nullable: true }) facilityCode: string | null,
    @Arg('insurerNumber', () => String, { nullable: true }) insurerNumber: string | null,
    @Ctx() ctx: DrugsContext,
  ): Promise<ReturnedClaim[]> {
    requireMonth('serviceMonth', serviceMonth);
    if ((facilityCode === null || facilityCode === undefined) === (insurerNumber === null || insurerNumber === undefined)) {
      throw new BadUserInputError(bilingual('give exactly one of facilityCode and insurerNumber', 'facilityCode と insurerNumber のどちらか一方を指定してください'), { argument: 'facilityCode' });
    }
    const target = facilityCode ? { facilityCode } : { insurerNumber: insurerNumber ?? '' };
    await this.require(ctx, 'RETURNED_CLAIMS', target);
    const rows = await returnedClaimsOf(ctx.db, target, serviceMonth);
    return rows.map((row) => {
      const text = RETURN_REASON_TEXT[row.reason as ReturnReason] ?? { reason: row.reason, reasonJa: row.reason };
      return {
        patientId: row.patientId, claimKind: row.claimKind, claimNumber: row.claimNumber, facilityCode: row.facilityCode, billedInsurerNumber: row.billedInsurerNumber,
        serviceMonth: row.serviceMonth, totalPoints: row.totalPoints, code: row.reason, ...text, coverageInsurerNumbers: row.coverageInsurerNumbers, returnedAt: row.returnedAt.toISOString(),
      };
    });
  }

  @AccessTo('CLAIM_STATISTICS')
  @Query(() => [ClaimRoutingMonth], { description: 'Operator: national routing statistics per month of care (checked, as billed, re-routed, returned, points)' })
  async claimRoutingStatistics(@Arg('fromMonth', () => String) fromMonth: string, @Arg('toMonth', () => String) toMonth: string, @Ctx() ctx: DrugsContext): Promise<ClaimRoutingMonth[]> {
    requireMonth('fromMonth', fromMonth);
    requireMonth('toMonth', toMonth);
    await this.require(ctx, 'CLAIM_STATISTICS', {});
    return routingStatistics(ctx.db, fromMonth, toMonth);
  }
}
