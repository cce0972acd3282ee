import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { bilingual, BadUserInputError, CARD_VERIFICATION_METHODS as VERIFICATION_METHODS, JWKS_PATH, TOKEN_ISSUER, type CardVerificationMethod as VerificationMethod } from '@onshi/kit';

/** Audience of the card reader's proof, signed by the consent subgraph (docs/contracts.md contract 4). */
export const CARD_VERIFICATION_AUDIENCE = 'onshi-card-verification';

export interface CardVerification {
  patientId: string;
  facilityCode: string;
  method: VerificationMethod;
  cardSerial: string;
  /** The registered reader that signed the statement, and the verification it recorded (consent readers.ts). */
  readerId: string;
  verificationId: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  facilityCode: z.string().min(1),
  method: z.enum(VERIFICATION_METHODS),
  cardSerial: z.string().min(1),
  readerId: z.string().min(1),
  verificationId: z.string().min(1),
});

export type CardVerifier = (verificationToken: string) => Promise<CardVerification>;

const keySets = new Map<string, JWTVerifyGetKey>();
function consentKeySet(consentUrl: string): JWTVerifyGetKey {
  let keySet = keySets.get(consentUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(JWKS_PATH, consentUrl), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000 });
    keySets.set(consentUrl, keySet);
  }
  return keySet;
}

const INVALID = bilingual('The card reader verification is invalid; place the card on the reader again', 'カードリーダーの本人確認結果が無効です。もう一度カードをかざしてください');
const EXPIRED = bilingual('The card reader verification has expired (10 minutes); place the card on the reader again', 'カードリーダーの本人確認から10分以上経過しました。もう一度カードをかざしてください');

/**
 * Verifies the result of a reader statement (docs/contracts.md contract 4; consent readers.ts): an EdDSA JWT the consent
 * subgraph signs only after it verified a registered reader's signed statement and the card's signature,
 * with the consent key (same JWKS as access tokens), audience `onshi-card-verification`, `sub` = patient id,
 * claims facilityCode / method / cardSerial / readerId / verificationId. The card's status is checked
 * again here at confirmation time (confirmation.ts usableCardHolder), from this subgraph's own table.
 */
export function createCardVerifier(consentUrl: string): CardVerifier {
  const keySet = consentKeySet(consentUrl);
  return async (verificationToken) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(verificationToken, keySet, { issuer: TOKEN_ISSUER, audience: CARD_VERIFICATION_AUDIENCE, algorithms: ['EdDSA'], requiredClaims: ['exp', 'sub'] }));
    } catch (error) {
      throw new BadUserInputError(error instanceof joseErrors.JWTExpired ? EXPIRED : INVALID, { field: 'verificationToken' });
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new BadUserInputError(INVALID, { field: 'verificationToken' });
    const { sub, ...rest } = claims.data;
    return { patientId: sub, ...rest };
  };
}
