import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ClaimKindEnum, ClaimReturnReasonEnum, ClaimRoutingEnum, RerouteReasonEnum } from './codes';

// レセプト振替 (docs/drugs.md "Re-routing claims (レセプト振替)"). Point sums are Float: a month's national total
// exceeds a 32-bit Int.

@ObjectType({ description: 'A claim of the batch returned to the facility (返戻): not stored as billed' })
export class IngestReturnedClaim {
  @Field(() => Int, { description: '1-based row of the batch' })
  row!: number;

  @Field(() => String)
  claimNumber!: string;

  @Field(() => ClaimReturnReasonEnum)
  code!: string;

  @Field(() => String, { description: 'What happened and what the facility does about it' })
  reason!: string;

  @Field(() => String)
  reasonJa!: string;
}

@ObjectType({ description: 'A claim stored under an insurer (as billed, or re-routed to it)' })
export class RoutedClaim {
  @Field(() => String) claimId!: string;
  @Field(() => String) patientId!: string;
  @Field(() => ClaimKindEnum) claimKind!: string;
  @Field(() => String) claimNumber!: string;
  @Field(() => String) facilityCode!: string;
  @Field(() => String) serviceMonth!: string;
  @Field(() => Int) totalPoints!: number;
  @Field(() => ClaimRoutingEnum, { nullable: true, description: 'Null: stored unchecked (demo seed, file ingested on a stopped system)' })
  routing!: string | null;

  @Field(() => String, { nullable: true, description: 'The insurer the facility addressed, when re-routed' })
  billedInsurerNumber!: string | null;

  @Field(() => RerouteReasonEnum, { nullable: true, description: 'When re-routed' })
  routingReason!: string | null;
}

@ObjectType({ description: 'A count of claims and their points under one key (a reason or a facility code)' })
export class ClaimCount {
  @Field(() => String) key!: string;
  @Field(() => Int) claims!: number;
  @Field(() => Float) points!: number;
}

@ObjectType({ description: "An insurer's monthly re-routing report (振替)" })
export class ReroutingReport {
  @Field(() => String) insurerNumber!: string;
  @Field(() => String) serviceMonth!: string;
  @Field(() => Int, { description: 'Claims re-routed to this insurer' }) reroutedCount!: number;
  @Field(() => Float) reroutedPoints!: number;
  @Field(() => [ClaimCount]) byReason!: ClaimCount[];
  @Field(() => [ClaimCount]) byFacility!: ClaimCount[];
  @Field(() => Int, { description: 'Claims addressed to this insurer that were returned to the facility' }) returnedCount!: number;
  @Field(() => Float) returnedPoints!: number;
  @Field(() => [ClaimCount]) returnedByReason!: ClaimCount[];
}

@ObjectType({ description: 'A claim returned to the facility (返戻) with the reason it can act on' })
export class ReturnedClaim {
  @Field(() => String) patientId!: string;
  @Field(() => ClaimKindEnum) claimKind!: string;
  @Field(() => String) claimNumber!: string;
  @Field(() => String) facilityCode!: string;
  @Field(() => String, { description: 'The insurer the facility addressed' }) billedInsurerNumber!: string;
  @Field(() => String) serviceMonth!: string;
  @Field(() => Int) totalPoints!: number;
  @Field(() => ClaimReturnReasonEnum) code!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) reasonJa!: string;
  @Field(() => [String], { description: 'Insurers whose coverage touched the month of care' }) coverageInsurerNumbers!: string[];
  @Field(() => String) returnedAt!: string;
}

@ObjectType({ description: 'National routing statistics of one month of care' })
export class ClaimRoutingMonth {
  @Field(() => String) serviceMonth!: string;
  @Field(() => Int, { description: 'Claims checked against the qualification history' }) checked!: number;
  @Field(() => Int) asBilled!: number;
  @Field(() => Int) rerouted!: number;
  @Field(() => Int) returned!: number;
  @Field(() => Float) checkedPoints!: number;
  @Field(() => Float) reroutedPoints!: number;
  @Field(() => Float) returnedPoints!: number;
}
