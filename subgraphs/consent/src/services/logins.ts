/**
 * The identity provider's flows (issue 7, "Identity provider"): card login and card-reader verification
 * (challenge signed by the virtual My Number Card after the PIN, or attested face/visual check at the
 * reader), staff / operator / insurer login (password + TOTP, failures throttled), and PHR app tokens.
 * Every flow ends in a token only after a proof; nothing here issues a token on a name alone.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import { BadUserInputError, ForbiddenError, OnshiError, PHR_SCOPES, TOKEN_ISSUER, UnauthenticatedError, isRole, type Actor, type Db, type FacilityKind } from '@onshi/kit';
import { accounts, cardChallenges, cards, identityIndex, phrApps, phrGrants, type Tables } from '../db/tables';
import { CHALLENGE_LIFETIME_MS, applyPinAttempt, challengeStatus, isCardLocked, newChallenge, verifyCardSignature, verifyPin, verifySecret } from './card';
import { facilityKindOfCode, isCategory, isStaffRole } from './roles';
import type { SecretBox } from './secretBox';
import { startSession, type LoginResultData } from './sessions';
import type { LoginThrottle } from './loginThrottle';
import { TOTP_PERIOD_SECONDS, checkTotp, verifyPassword } from './staffAuth';
import type { SigningKey } from './signing';

type AccountRow = typeof accounts.$inferSelect;
type CardRow = typeof cards.$inferSelect;

export type ChallengePurpose = 'LOGIN' | 'READER';

export interface CardChallengeData { challengeId: string; challenge: string; expiresAt: string }

/** Audience of the reader's verification token (contract 4): never accepted as an access token. */
export const CARD_VERIFICATION_AUDIENCE = 'onshi-card-verification';
export const CARD_VERIFICATION_TTL_MS = 10 * 60 * 1000;
export const READER_METHODS = ['FACE', 'PIN', 'VISUAL'] as const;
export type ReaderMethod = (typeof READER_METHODS)[number];

export function actorOfAccount(row: AccountRow): Actor {
  if (!isRole(row.role)) throw new Error(`account ${row.account} has an unknown role`);
  const facilityKind: FacilityKind | undefined = row.facilityCode ? facilityKindOfCode(row.facilityCode) : undefined;
  return {
    subject: row.subject,
    role: row.role,
    scopes: [],
    amr: ['pwd', 'otp'],
    ...(row.facilityCode && facilityKind ? { facilityCode: row.facilityCode, facilityKind } : {}),
    ...(row.insurerNumber ? { insurerNumber: row.insurerNumber } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Card challenges
// ---------------------------------------------------------------------------------------------------

export async function startChallenge(db: Db<Tables>, cardSerial: string, purpose: ChallengePurpose, facilityCode: string | null, now: Date): Promise<CardChallengeData> {
  if (cardSerial.length < 1 || cardSerial.length > 64) throw new BadUserInputError('cardSerial must have 1 to 64 characters');
  const challenge = newChallenge();
  const [row] = await db.insert(cardChallenges).values({ cardSerial, purpose, facilityCode, challenge, issuedAt: now }).returning({ id: cardChallenges.id });
  if (!row) throw new OnshiError('SERVICE_UNAVAILABLE', 'Could not start the card check');
  return { challengeId: row.id, challenge, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS).toISOString() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHALLENGE_UNUSABLE = 'The card challenge is unknown, expired or already used; start again / 認証をやり直してください';

/**
 * Consumes a challenge (compare-and-set on used_at, so exactly one completion can use it, on any
 * replica) and returns it with its card. A replayed signature finds the challenge used.
 */
async function consumeChallenge(db: Db<Tables>, challengeId: string, purpose: ChallengePurpose, facilityCode: string | null, now: Date): Promise<{ challenge: string; card: CardRow }> {
  if (!UUID.test(challengeId)) throw new BadUserInputError(CHALLENGE_UNUSABLE);
  const [row] = await db.select().from(cardChallenges).where(eq(cardChallenges.id, challengeId));
  if (!row || row.purpose !== purpose || row.facilityCode !== facilityCode) throw new BadUserInputError(CHALLENGE_UNUSABLE);
  if (challengeStatus({ issuedAt: row.issuedAt, ...(row.usedAt ? { usedAt: row.usedAt } : {}) }, now) !== 'USABLE') throw new BadUserInputError(CHALLENGE_UNUSABLE);
  const used = await db.update(cardChallenges).set({ usedAt: now }).where(and(eq(cardChallenges.id, challengeId), isNull(cardChallenges.usedAt))).returning({ id: cardChallenges.id });
  if (used.length === 0) throw new BadUserInputError(CHALLENGE_UNUSABLE);
  const [card] = await db.select().from(cards).where(eq(cards.serial, row.cardSerial));
  if (!card) throw new BadUserInputError('This card is not registered / このカードは登録されていません');
  return { challenge: row.challenge, card };
}

function cardLockedError(): OnshiError {
  return new OnshiError('CARD_LOCKED', 'The card is locked after 3 wrong PINs; reset the PIN at your municipality / 暗証番号が3回誤って入力されたためロックされています。市区町村窓口で再設定してください', { triesLeft: 0 });
}

/**
 * The PIN check the card does before it signs (3 wrong PINs lock it; DOMAIN.md "Qualification
 * confirmation"). The counter is updated by compare-and-set on the value read, so two replicas cannot
 * both grant the same try.
 */
async function checkPin(db: Db<Tables>, card: CardRow, pin: string, now: Date): Promise<void> {
  const state = { failedAttempts: card.failedAttempts, ...(card.lockedAt ? { lockedAt: card.lockedAt } : {}) };
  if (isCardLocked(state)) throw cardLockedError();
  const correct = await verifyPin(pin, card.pinHash);
  const outcome = applyPinAttempt(state, correct, now);
  const updated = await db.update(cards).set({ failedAttempts: outcome.state.failedAttempts, lockedAt: outcome.state.lockedAt ?? null })
    .where(and(eq(cards.serial, card.serial), eq(cards.failedAttempts, card.failedAttempts))).returning({ serial: cards.serial });
  if (updated.length === 0) throw new BadUserInputError('The card was used at the same time elsewhere; try again / もう一度お試しください');
  if (outcome.result === 'LOCKED') throw cardLockedError();
  if (outcome.result === 'WRONG_PIN') throw new BadUserInputError(`Wrong PIN: ${outcome.triesLeft} tries left / 暗証番号が違います（残り${outcome.triesLeft}回）`, { triesLeft: outcome.triesLeft });
}

function checkSignature(card: CardRow, challenge: string, signature: string): void {
  if (!verifyCardSignature(card.publicKey, challenge, signature)) throw new BadUserInputError('The card signature is not valid / カードの署名を確認できません');
}

async function patientDisplayName(db: Db<Tables>, patientId: string): Promise<string> {
  const [identity] = await db.select({ name: identityIndex.name }).from(identityIndex).where(eq(identityIndex.patientId, patientId));
  return identity?.name ?? 'マイナンバーカード利用者';
}

/** Card login (マイナポータル style): PIN checked, then the card's signature over the challenge. */
export async function completeCardLogin(db: Db<Tables>, key: SigningKey, challengeId: string, pin: string, signature: string, now: Date): Promise<LoginResultData> {
  const { challenge, card } = await consumeChallenge(db, challengeId, 'LOGIN', null, now);
  await checkPin(db, card, pin, now);
  checkSignature(card, challenge, signature);
  const actor: Actor = { subject: card.patientId, role: 'PATIENT', patientId: card.patientId, scopes: [], amr: ['hwk', 'pin'] };
  return startSession(db, key, actor, await patientDisplayName(db, card.patientId), now);
}

// ---------------------------------------------------------------------------------------------------
// Card reader at a facility (contract 4)
// ---------------------------------------------------------------------------------------------------

export function requireFacilityStaff(actor: Actor | null): Actor & { facilityCode: string } {
  if (!actor) throw new UnauthenticatedError();
  if (!isStaffRole(actor.role) || !actor.facilityCode) throw new ForbiddenError('Only staff of a facility run its card reader / 医療機関・薬局の職員のみ操作できます');
  return { ...actor, facilityCode: actor.facilityCode };
}

export interface ReaderVerificationData { verificationToken: string; patientId: string; method: string; expiresAt: string }

/**
 * The reader checks the person (PIN on the card, or face / visual check attested by the reader) and the
 * card signs the challenge; the result is a 10-minute token naming patient, facility and method.
 */
export async function completeReaderVerification(
  db: Db<Tables>, key: SigningKey, facilityCode: string, challengeId: string, method: string, pin: string | null | undefined, signature: string, now: Date,
): Promise<ReaderVerificationData> {
  if (!(READER_METHODS as readonly string[]).includes(method)) throw new BadUserInputError(`method must be one of ${READER_METHODS.join(', ')}`);
  const { challenge, card } = await consumeChallenge(db, challengeId, 'READER', facilityCode, now);
  if (method === 'PIN') {
    if (!pin) throw new BadUserInputError('method PIN needs the PIN / 暗証番号を入力してください');
    await checkPin(db, card, pin, now);
  } else if (isCardLocked({ failedAttempts: card.failedAttempts, ...(card.lockedAt ? { lockedAt: card.lockedAt } : {}) })) {
    // A locked certificate is refused whatever the method (fail closed; issue 7: a locked card is refused with a clear code).
    throw cardLockedError();
  }
  checkSignature(card, challenge, signature);
  const expiresAt = new Date(now.getTime() + CARD_VERIFICATION_TTL_MS);
  const verificationToken = await new SignJWT({ facilityCode, method, cardSerial: card.serial })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(CARD_VERIFICATION_AUDIENCE)
    .setSubject(card.patientId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
  return { verificationToken, patientId: card.patientId, method, expiresAt: expiresAt.toISOString() };
}

export interface CardVerification { patientId: string; facilityCode: string; method: ReaderMethod }

export async function readVerificationToken(key: SigningKey, token: string, now: Date): Promise<CardVerification> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: key.publishedJwks }), {
      issuer: TOKEN_ISSUER, audience: CARD_VERIFICATION_AUDIENCE, algorithms: ['EdDSA'], requiredClaims: ['exp', 'sub'], currentDate: now,
    });
    const method = payload.method;
    if (typeof payload.sub !== 'string' || typeof payload.facilityCode !== 'string' || typeof method !== 'string' || !(READER_METHODS as readonly string[]).includes(method)) {
      throw new Error('claims');
    }
    return { patientId: payload.sub, facilityCode: payload.facilityCode, method: method as ReaderMethod };
  } catch {
    throw new BadUserInputError('The card verification is invalid or expired; read the card again / カードを再度読み取ってください');
  }
}

// ---------------------------------------------------------------------------------------------------
// Staff, operators and insurers: ID + password + TOTP, with throttling (loginThrottle.ts)
// ---------------------------------------------------------------------------------------------------

const WRONG_CREDENTIALS = 'Facility code, staff ID, password or one-time code is wrong / ログイン情報が正しくありません';

function throttledError(retryAfterMs: number): OnshiError {
  return new OnshiError('LOGIN_THROTTLED', `Too many failed logins; try again in ${Math.ceil(retryAfterMs / 1000)} s / ログインの失敗が続いたため、${Math.ceil(retryAfterMs / 1000)}秒後に再度お試しください`, { retryAfterMs });
}

function totpReusedError(retryAfterMs: number): OnshiError {
  return new OnshiError('TOTP_REUSED', 'This one-time code was already used; enter the next code / このワンタイムコードは使用済みです。次のコードを入力してください', { retryAfterMs: Math.max(retryAfterMs, 0) });
}

export interface StaffCredentials { facilityCode: string | null | undefined; staffId: string; password: string; totp: string }

/**
 * Staff login. Failures are throttled per account and source (loginThrottle.ts) instead of locking the
 * account, so nobody can lock out a named person. A TOTP code that was already used, with the right
 * password, is TOTP_REUSED: refused, but not a failure — scripts that log in twice within 30 s wait for the
 * next code instead of being slowed down (issue 15, item 8).
 */
export async function staffLogin(
  db: Db<Tables>, key: SigningKey, secrets: SecretBox, throttle: LoginThrottle, source: string, credentials: StaffCredentials, now: Date, dummyHash: string,
): Promise<LoginResultData> {
  const { facilityCode, staffId, password, totp } = credentials;
  const attempt = { account: JSON.stringify([facilityCode ?? null, staffId]), source };
  const waitMs = await throttle.waitMs(attempt);
  if (waitMs > 0) throw throttledError(waitMs);
  const failed = async (): Promise<never> => {
    await throttle.failed(attempt);
    throw new UnauthenticatedError(WRONG_CREDENTIALS);
  };
  const facilityMatch = facilityCode ? eq(accounts.facilityCode, facilityCode) : isNull(accounts.facilityCode);
  const [row] = await db.select().from(accounts).where(and(eq(accounts.staffId, staffId), facilityMatch));
  if (!row || !row.passwordHash || !row.totpSecret || row.role === 'PATIENT' || row.role === 'PHR_APP') {
    // Same work as for a real account, so the answer time does not reveal which staff IDs exist.
    await verifySecret(password, dummyHash).catch(() => false);
    return failed();
  }
  if (!(await verifyPassword(password, row.passwordHash))) return failed();
  const code = checkTotp(secrets.open(row.totpSecret), totp, now, row.lastTotpStep ?? undefined);
  if (code.result === 'WRONG') return failed();
  if (code.result === 'REUSED') {
    throw totpReusedError(code.retryAfterMs);
  }
  // Compare-and-set on the last used step: of two logins with the same code, on any replica, one wins.
  const updated = await db.update(accounts).set({ lastTotpStep: code.step })
    .where(and(eq(accounts.account, row.account), row.lastTotpStep === null ? isNull(accounts.lastTotpStep) : eq(accounts.lastTotpStep, row.lastTotpStep)))
    .returning({ account: accounts.account });
  if (updated.length === 0) {
    throw totpReusedError((code.step + 1) * TOTP_PERIOD_SECONDS * 1000 - now.getTime());
  }
  await throttle.succeeded(attempt);
  return startSession(db, key, actorOfAccount(row), row.displayName, now);
}

// ---------------------------------------------------------------------------------------------------
// PHR apps (contract 3)
// ---------------------------------------------------------------------------------------------------

export async function phrToken(db: Db<Tables>, key: SigningKey, clientId: string, clientSecret: string, grantId: string, now: Date, dummyHash: string): Promise<LoginResultData> {
  const [app] = await db.select().from(phrApps).where(eq(phrApps.clientId, clientId));
  const secretOk = app ? await verifySecret(clientSecret, app.secretHash) : await verifySecret(clientSecret, dummyHash).then(() => false, () => false);
  if (!app || !secretOk) throw new UnauthenticatedError('Unknown client or wrong secret / クライアント認証に失敗しました');
  const [grant] = UUID.test(grantId) ? await db.select().from(phrGrants).where(and(eq(phrGrants.id, grantId), eq(phrGrants.appId, clientId))) : [];
  if (!grant || grant.revokedAt !== null || grant.expiresAt.getTime() <= now.getTime()) {
    throw new ForbiddenError('The patient has not granted this app access, or the grant has ended / 連携の許可がありません');
  }
  const categories = grant.categories.filter(isCategory);
  const actor: Actor = {
    subject: app.clientId, role: 'PHR_APP', patientId: grant.patientId, grantId: grant.id, scopes: categories.map((c) => PHR_SCOPES[c]), amr: ['pwd'],
  };
  return startSession(db, key, actor, app.name, now);
}

