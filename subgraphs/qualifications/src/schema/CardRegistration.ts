import { Field, ObjectType } from 'type-graphql';
import { CertificateStandingEnum } from './codes';

/** A My Number Card's registration for health-insurance use (初回登録, seed). */
@ObjectType({ description: '健康保険証利用の初回登録' })
export class CardRegistration {
  @Field(() => String, { description: '利用者証明用電子証明書シリアル番号' })
  cardSerial!: string;

  @Field(() => String, { nullable: true, description: 'When the card was registered for health-insurance use (ISO 8601); null if never' })
  registeredAt!: string | null;

  @Field(() => String, { description: 'ACTIVE, or LOST after a loss report (the card cannot be used for confirmation)' })
  status!: string;

  @Field(() => String, { nullable: true, description: '利用者証明用電子証明書の有効期限 (YYYY-MM-DD); null when not known' })
  certificateExpiresOn!: string | null;

  @Field(() => CertificateStandingEnum, {
    description: 'The certificate today: VALID; RENEW_SOON (within 3 months of expiry: renew at the municipality); EXPIRED_GRACE (expired, still confirms insurance until certificateGraceEndsOn); EXPIRED (refused: CARD_NOT_USABLE EXPIRED)',
  })
  certificateStanding!: string;

  @Field(() => String, { nullable: true, description: 'The last day an expired certificate still confirms insurance (the end of the month 3 months after expiry); null when no expiry is known' })
  certificateGraceEndsOn!: string | null;
}
