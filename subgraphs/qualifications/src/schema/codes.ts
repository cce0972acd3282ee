/**
 * The codes of the real confirmation interface (ResultOfQualificationConfirmation) as GraphQL enums: the enum names
 * are readable words, the values stay the codes the services store and compare ('1', '0', …), so the database, the
 * access log and the consent service's internal answer are unchanged and only the schema's words change. Vendors who
 * know the codes find the code ↔ name table in docs/api-guide.md "Enums".
 */
import { registerCodeEnum, registerWordEnum } from '@onshi/kit';
import type { CertificateStanding } from '../services/cardCertificate';
import { REFERENCE, VALIDITY } from '../services/confirmation';

/** QualificationValidity: 1 有効 / 2 無効 / 3 無効・新資格あり / 4 該当資格なし / 5 複数該当. */
export const QualificationValidityEnum = registerCodeEnum('QualificationValidity', 'QualificationValidity of a confirmation (docs/domain.md "Confirmation at the counter (資格確認)"); the real interface\'s codes 1–5 are listed per value', {
  VALID: { realCode: VALIDITY.VALID, description: '1 有効: a coverage in force today' },
  INVALID: { realCode: VALIDITY.INVALID, description: '2 無効: no coverage in force (a past one is answered)' },
  INVALID_NEW_QUALIFICATION: { realCode: VALIDITY.INVALID_NEW_QUALIFICATION, description: '3 無効・新資格あり: the typed numbers name a past coverage; the new one is in newQualification' },
  NOT_FOUND: { realCode: VALIDITY.NOT_FOUND, description: '4 該当資格なし: no coverage or no person matched' },
  MULTIPLE: { realCode: VALIDITY.MULTIPLE, description: '5 複数該当: two coverages overlap, or several people matched' },
});

/** ReferenceClassification: 1 My Number Card / 2 insurance-card information. */
export const ReferenceClassificationEnum = registerCodeEnum('ReferenceClassification', 'ReferenceClassification: what the confirmation was asked with (real interface codes 1–2)', {
  MY_NUMBER_CARD: { realCode: REFERENCE.CARD, description: '1: My Number Card at the reader' },
  INSURANCE_CARD: { realCode: REFERENCE.INSURANCE_CARD, description: '2: the numbers of an insurance card or 資格確認書 (記号・番号)' },
});

/** 薬剤情報 / 特定健診情報 閲覧同意フラグ: 0 なし / 1 あり / 2 期限切れ / 3 取得困難 (consentFlags.ts ConsentFlag). */
export const ConsentFlagEnum = registerCodeEnum('ConsentFlag', '閲覧同意フラグ of this visit (real interface codes 0–3; docs/domain.md "Confirmation at the counter (資格確認)")', {
  NOT_CONSENTED: { realCode: '0', description: '0 同意なし: the patient did not consent at this facility\'s reader' },
  CONSENTED: { realCode: '1', description: '1 同意あり: consented, for 24 hours' },
  EXPIRED: { realCode: '2', description: '2 期限切れ: the consent here has expired' },
  UNAVAILABLE: { realCode: '3', description: '3 取得困難: could not be obtained (also when the consent service did not answer: never "consented" by default)' },
});

export const CertificateStandingEnum = registerWordEnum<CertificateStanding>('CertificateStanding', 'The card\'s 利用者証明用電子証明書 today (docs/domain.md "Card certificate expiry")', {
  VALID: 'More than 3 months to go',
  RENEW_SOON: 'Within 3 months of expiry: renew at the municipality',
  EXPIRED_GRACE: 'Expired, still confirms insurance until certificateGraceEndsOn',
  EXPIRED: 'Refused on every path (CARD_NOT_USABLE EXPIRED)',
});
