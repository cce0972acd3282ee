import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, bilingual, ROLES } from '@onshi/kit';
import type { DrugsContext } from '../context';
import { ClaimInput, IngestClaimsResult, type ClaimItemInput } from '../schema/ClaimInput';
import { Drug } from '../schema/Drug';
import { ingestClaimBatch } from '../services/claimIngest';

/** GraphQL hands optional fields over as null; the validator (like a JSON file) expects them absent. */
function withoutNulls(input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
}

function plainClaimRow(claim: ClaimInput): Record<string, unknown> {
  return { ...withoutNulls(claim), items: claim.items.map((item: ClaimItemInput) => withoutNulls(item)) };
}

@Resolver()
export class ClaimsResolver {
  @Access(...ROLES)
  @Query(() => Drug, { nullable: true, description: '医薬品マスタ: a drug by its 薬価基準収載医薬品コード (YJ code)' })
  drug(@Arg('drugCode', () => String) drugCode: string, @Ctx() ctx: DrugsContext): Drug | null {
    const entry = ctx.master.byCode(drugCode);
    if (!entry) return null;
    return {
      drugCode: entry.drugCode,
      name: entry.name,
      ingredient: entry.ingredient,
      strength: entry.strength,
      route: entry.route,
      maker: entry.maker,
      kind: entry.kind,
      isGeneric: entry.kind === 'generic',
      priceYen: entry.priceYen,
      dosageUnit: entry.dosageUnit,
    };
  }

  /**
   * Bulk claim ingest for the operator (審査支払機関 → Onshi). All-or-nothing: one invalid row (bad values, an
   * unknown patient, another claim already stored under the claim key) rejects the batch with BAD_USER_INPUT and
   * `extensions.rows = [{ row, path, reason, reasonJa }]` (rows 1-based), and nothing is stored. A claim resent
   * unchanged is skipped (`resentCount`). Every claim is checked against the qualification history (one batched call to
   * qualifications): re-routed to the insurer that covered the dates of care, or returned to the facility with a reason
   * (docs/drugs.md "Re-routing claims (レセプト振替)").
   */
  @Access('ADMIN')
  @Mutation(() => IngestClaimsResult, { description: 'レセプト取込: store a batch of claims, all or nothing; the claim key is facility + serviceMonth + claimNumber (a resend is skipped, another claim under the same key refused)' })
  async ingestClaims(@Arg('claims', () => [ClaimInput]) claims: ClaimInput[], @Ctx() ctx: DrugsContext): Promise<IngestClaimsResult> {
    const result = await ingestClaimBatch(ctx.db, claims.map(plainClaimRow), ctx.now(), ctx.master, { knownPatients: ctx.knownPatients, coverage: ctx.coverage });
    if (!result.ok) {
      const badRows = new Set(result.errors.map((error) => error.row)).size;
      throw new BadUserInputError(
        bilingual(`Claim batch rejected: ${badRows} invalid row(s); nothing was stored`, 'レセプトに不備があるため全件を取り込みませんでした'),
        { rows: result.errors },
      );
    }
    return {
      batchId: result.batchId, claimCount: result.claimCount, itemCount: result.itemCount, resentCount: result.resentCount,
      reroutedCount: result.reroutedCount, returnedCount: result.returnedCount, returned: result.returned,
    };
  }
}
