import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IngestReturnedClaim } from './ClaimRouting';

// Codes and kinds are plain strings here so that the batch validator, not GraphQL coercion, reports
// every bad value with its row number and a bilingual reason (answers use the enums ClaimKind and InOut;
// docs/api-guide.md "Enums").

@InputType({ description: 'One drug line of a claim (明細書の医薬品)' })
export class ClaimItemInput {
  @Field(() => String, { description: '調剤・処方年月日, YYYY-MM-DD, inside serviceMonth' })
  date!: string;

  @Field(() => String, { description: '医薬品コード (must be in the drug master)' })
  drugCode!: string;

  @Field(() => Float, { description: '数量' })
  quantity!: number;

  @Field(() => String, { description: '単位: the master unit of the drug (錠, カプセル, 包, 個, 本, 瓶, 枚, 管, 袋, キット, 筒, g, mL)' })
  unit!: string;

  @Field(() => String, { description: '用法' })
  usage!: string;

  @Field(() => Int, { nullable: true, description: '日数: ≥ 1 for oral drugs' })
  days?: number | null;

  @Field(() => String, { description: 'IN (院内, on MEDICAL/DPC/DENTAL claims) or OUT (院外, on PHARMACY claims)' })
  inOut!: string;
}

@InputType({ description: 'レセプト: one claim header with its drug lines' })
export class ClaimInput {
  @Field(() => String, { description: 'MEDICAL 医科 / DPC / DENTAL 歯科 / PHARMACY 調剤' })
  claimKind!: string;

  @Field(() => String, { description: 'レセプト番号 (1–20 letters, digits, hyphens): with facilityCode and serviceMonth the claim key' })
  claimNumber!: string;

  @Field(() => String, { description: 'Opaque patient id' })
  patientId!: string;

  @Field(() => String, { description: '医療機関コード of the billing facility (the pharmacy on a PHARMACY claim)' })
  facilityCode!: string;

  @Field(() => String, { nullable: true, description: '処方医療機関コード: required on PHARMACY claims only' })
  prescribingFacilityCode?: string | null;

  @Field(() => String, { description: '保険者番号' })
  insurerNumber!: string;

  @Field(() => String, { description: '診療年月 / 調剤年月, YYYY-MM' })
  serviceMonth!: string;

  @Field(() => Int, { description: '総点数' })
  totalPoints!: number;

  @Field(() => Int, { description: '一部負担金 (yen)' })
  patientShareYen!: number;

  @Field(() => [ClaimItemInput])
  items!: ClaimItemInput[];
}

@ObjectType({ description: 'A stored claim batch: every claim checked against the qualification history (docs/drugs.md "Re-routing claims")' })
export class IngestClaimsResult {
  @Field(() => String, { description: 'Id of the batch, stored on every claim' })
  batchId!: string;

  @Field(() => Int, { description: 'Claims stored by this call' })
  claimCount!: number;

  @Field(() => Int)
  itemCount!: number;

  @Field(() => Int, { description: 'Claims already stored unchanged under their claim key: skipped (a resend is a no-op)' })
  resentCount!: number;

  @Field(() => Int, { description: 'Of the claims stored, those re-routed (振替) to the insurer that covered the dates of care' })
  reroutedCount!: number;

  @Field(() => Int, { description: 'Claims returned to the facility (返戻), not stored as billed: see `returned`' })
  returnedCount!: number;

  @Field(() => [IngestReturnedClaim], { description: 'Each returned claim with the reason the facility can act on' })
  returned!: IngestReturnedClaim[];
}
