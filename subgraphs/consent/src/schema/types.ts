import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '@onshi/kit';

@ObjectType({ description: 'A short-lived access token (EdDSA JWT, ≤ 15 min)' })
export class AccessToken {
  @Field(() => String)
  accessToken!: string;

  @Field(() => String, { description: 'ISO 8601' })
  expiresAt!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { nullable: true })
  patientId?: string | null;

  @Field(() => String, { nullable: true })
  facilityCode?: string | null;
}

@ObjectType({ description: '医療保険情報の提供状況: one decision about one category of your data' })
export class AccessLogEntry {
  @Field(() => String, { description: 'ISO 8601' })
  at!: string;

  @Field(() => String, { description: 'Role of the viewer (DOCTOR, PHARMACIST, PHR_APP, …)' })
  actorRole!: string;

  @Field(() => String, { nullable: true, description: '医療機関コード of the viewer' })
  facilityCode!: string | null;

  @Field(() => String, { description: 'QUALIFICATION, DRUG or CHECKUP' })
  category!: string;

  @Field(() => String, { description: 'ALLOW or DENY' })
  decision!: string;

  @Field(() => String, { description: 'CONSENT, DISASTER, PHR_GRANT, SELF, … (for a denial: the code)' })
  reason!: string;

  @Field(() => Boolean, { description: 'Disaster-mode special operation (災害時特別措置)' })
  special!: boolean;

  @Field(() => String)
  requestId!: string;
}

@ObjectType({ description: 'A per-visit consent given at a facility card reader (valid 24 h)' })
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => String, { description: 'DRUG or CHECKUP' })
  category!: string;

  @Field(() => String, { description: 'FACE, PIN or VISUAL' })
  method!: string;

  @Field(() => String, { description: 'ISO 8601' })
  registeredAt!: string;

  @Field(() => String, { description: 'ISO 8601: registration + 24 h' })
  expiresAt!: string;

  @Field(() => Boolean)
  valid!: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Patient {
  @Field(() => ID)
  id!: string;

  @Access('PATIENT', 'ADMIN')
  @Field(() => [AccessLogEntry], { description: '医療保険情報の提供状況: who saw or was refused my data, newest first' })
  accessLog?: AccessLogEntry[];

  @Access('PATIENT', 'ADMIN')
  @Field(() => [Consent], { description: 'My consents at facilities, newest first' })
  consents?: Consent[];
}

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 500;
export { Int };
