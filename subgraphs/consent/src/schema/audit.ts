import { Field, ID, ObjectType } from 'type-graphql';
import { AccessDecisionEnum, RoleEnum } from '@onshi/kit';
import { AccessLogActorRoleEnum, AccessLogCategoryEnum, AdminChangeActionEnum } from './codes';

@ObjectType({ description: '医療保険情報の提供状況: one decision about one category of your data' })
export class AccessLogEntry {
  @Field(() => String, { description: 'ISO 8601' })
  at!: string;

  @Field(() => String)
  patientId!: string;

  @Field(() => String, { description: 'Staff id (facility:staff), app id or operator id of the viewer' })
  actorSubject!: string;

  @Field(() => AccessLogActorRoleEnum, { description: 'Role of the viewer (DOCTOR, PHARMACIST, PHR_APP, …), or the card reader or refused portal login that acted' })
  actorRole!: string;

  @Field(() => String, { nullable: true, description: '医療機関コード of the viewer' })
  facilityCode!: string | null;

  @Field(() => AccessLogCategoryEnum, { description: 'The access-policy category, or ADMINISTRATION for an admin action; for an owner list (ROUTED_CLAIMS, RETURNED_CLAIMS, CLAIM_STATISTICS) or an admin action the patient id names the owner — docs/access-policy.md' })
  category!: string;

  @Field(() => AccessDecisionEnum)
  decision!: string;

  @Field(() => String, { description: 'CONSENT, DISASTER, PHR_GRANT, SELF, … (for a denial: the code)' })
  reason!: string;

  @Field(() => Boolean, { description: 'Special operation: disaster mode (災害時特別措置) or emergency access (救急時医療情報閲覧)' })
  special!: boolean;

  @Field(() => String)
  requestId!: string;

  @Field(() => String, { nullable: true, description: '保険者番号 of an insurer reader (its name: Query.insurer(number)); null for other readers' })
  insurerNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Display name of a PHR app reader (actorSubject is its client id); null for other readers' })
  appName!: string | null;

  @Field(() => String, { nullable: true, description: 'The company that runs a PHR app reader, as registered by the operator; null for other readers' })
  appOperatorName!: string | null;
}

@ObjectType({ description: 'An admin action with what it changed; its access-log entry names this id as basisId' })
export class AdminChange {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'ISO 8601' })
  at!: string;

  @Field(() => RoleEnum)
  actorRole!: string;

  @Field(() => String)
  actorSubject!: string;

  @Field(() => String, { nullable: true })
  facilityCode!: string | null;

  @Field(() => AdminChangeActionEnum)
  action!: string;

  @Field(() => String, { description: 'What was changed: a facility code, reader id, staff subject, subsidy application id, phr-app:<client id>, insurer number or card:<serial>' })
  target!: string;

  @Field(() => String, { nullable: true, description: 'JSON before the change (null: created)' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON after the change' })
  after!: string | null;
}
