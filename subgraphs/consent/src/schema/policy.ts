import { Field, ID, ObjectType } from 'type-graphql';
import { ConsentMethodEnum, DataCategoryEnum, RoleEnum } from '@onshi/kit';
import { SpecialAccessKindEnum, SpecialSearchKindEnum, SpecialSearchOutcomeEnum, ViewingAuthorityEnum } from './codes';

@ObjectType({ description: "A patient's grant to a PHR app: which categories, until when" })
export class PhrGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  appId!: string;

  @Field(() => String, { description: "The app's display name as registered (the client id when it has none)" })
  appName!: string;

  @Field(() => String, { nullable: true, description: 'The company that runs the app, as registered by the operator' })
  appOperatorName!: string | null;

  @Field(() => [DataCategoryEnum], { description: 'The categories granted' })
  categories!: string[];

  @Field(() => String, { description: 'ISO 8601' })
  grantedAt!: string;

  @Field(() => String, { description: 'ISO 8601' })
  expiresAt!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  revokedAt!: string | null;

  @Field(() => Boolean)
  active!: boolean;
}

@ObjectType({ description: '災害時の特別措置: an operator declaration (regions by prefecture, optional facilities, period)' })
export class Disaster {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Two-digit prefecture codes (JIS X 0401)' })
  prefectures!: string[];

  @Field(() => [String], { nullable: true })
  facilityCodes!: string[] | null;

  @Field(() => String, { description: 'ISO 8601' })
  startsAt!: string;

  @Field(() => String, { description: 'ISO 8601' })
  endsAt!: string;
}

@ObjectType({ description: 'A DV/abuse block (DV・虐待等被害者): while it stands nobody but the person reads their data' })
export class DvBlock {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  patientId!: string;

  @Field(() => String, { description: 'ISO 8601' })
  registeredAt!: string;

  @Field(() => String, { description: 'Who registered it (the insurer\'s or operator\'s staff subject)' })
  registeredBy!: string;

  @Field(() => RoleEnum, { description: 'INSURER or ADMIN' })
  registeredByRole!: string;

  @Field(() => String, { description: 'The reference of the person\'s request (申出の受付番号等)' })
  requestReference!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  liftedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Who lifted it' })
  liftedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'The reference of the person\'s request to lift' })
  liftReference!: string | null;
}

@ObjectType({ description: 'A per-visit consent given at a facility card reader (valid 24 h)' })
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => DataCategoryEnum, { description: 'DRUG or CHECKUP' })
  category!: string;

  @Field(() => ConsentMethodEnum)
  method!: string;

  @Field(() => String, { description: 'ISO 8601' })
  registeredAt!: string;

  @Field(() => String, { description: 'ISO 8601: registration + 24 h' })
  expiresAt!: string;

  @Field(() => Boolean)
  valid!: boolean;
}

@ObjectType({ description: 'A special operation a facility reads a person under (docs/domain.md "Disaster", "Emergency access")' })
export class SpecialAccessHere {
  @Field(() => SpecialAccessKindEnum)
  kind!: string;

  @Field(() => [DataCategoryEnum], { description: 'The categories read under it here: DRUG, CHECKUP' })
  categories!: string[];
}

@ObjectType({ description: 'A viewing authority granted to a staff account (DISASTER_VIEWING or EMERGENCY_VIEWING)' })
export class ViewingAuthorityGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  account!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => ViewingAuthorityEnum)
  authority!: string;

  @Field(() => ID, { nullable: true, description: 'For one disaster declaration only (DISASTER_VIEWING)' })
  disasterId!: string | null;

  @Field(() => String, { description: 'ISO 8601' })
  grantedAt!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  revokedAt!: string | null;
}

@ObjectType({ description: 'A facility registered as a hospital (病院) for emergency access' })
export class Hospital {
  @Field(() => String)
  facilityCode!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: 'One disaster or emergency search, found or not (operators only)' })
export class SpecialSearchLogEntry {
  @Field(() => String, { description: 'ISO 8601' })
  at!: string;

  @Field(() => SpecialSearchKindEnum)
  kind!: string;

  @Field(() => RoleEnum)
  actorRole!: string;

  @Field(() => String)
  actorSubject!: string;

  @Field(() => String, { nullable: true })
  facilityCode!: string | null;

  @Field(() => SpecialSearchOutcomeEnum)
  outcome!: string;

  @Field(() => String, { nullable: true })
  patientId!: string | null;

  @Field(() => String)
  requestId!: string;
}
