/**
 * The identity provider's flows (docs/contracts.md contracts 1–4): card login and card-reader verification
 * (challenge signed by the virtual My Number Card after the PIN, or attested face/visual check at the
 * reader), staff / operator / insurer login (password + TOTP, failures throttled), and PHR app tokens.
 * Every flow ends in a token only after a proof; nothing here issues a token on a name alone.
 */
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import {
  bilingual, BadUserInputError, CardNotUsableError, OnshiError, PHR_SCOPES, TOKEN_ISSUER, UnauthenticatedError, ForbiddenError, isRole,
  type Actor, type CardStatusAnswer, type CardUnusableReason, type Db, type FacilityKind,
} from '@onshi/kit';
import type { accounts, cards, Tables } from '../../db/tables';
import { accountByStaffId, claimTotpStep } from '../../store/accountLogins';
import { recordChallengeUsed } from '../../store/cardChallenges';
import { cardBySerial, recordPinAttempt } from '../../store/cards';
import { patientName } from '../../store/identityIndex';
import { phrAppByClientId } from '../../store/phrApps';
import { phrGrantOfApp } from '../../store/phrTokens';
import { CHALLENGE_LIFETIME_MS, applyPinAttempt, challengeStatus, isCardLocked, newChallenge, verifyCardSignature, verifyPin, verifySecret } from './card';
import { logCardDenial } from './cardDenials';
import type { Transaction } from '../policy/decisionPoint';
import { facilityKindOfCode, isCategory } from '../policy/roles';
import type { SecretBox } from './secretBox';
import { startSession, type LoginResultData } from './sessions';
import type { LoginThrottle } from './loginThrottle';
import { TOTP_PERIOD_SECONDS, checkTotp, verifyPassword } from './staffAuth';
import type { SigningKey } from './signing';

type AccountRow = typeof accounts.$inferSelect;
export type CardRow = typeof cards.$inferSelect;

export type ChallengePurpose = 'LOGIN' | 'READER';

export interface CardChallengeData { challengeId: string; challenge: string; expiresAt: string }

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

/** Audience of a challenge id: a token of our own, never accepted as anything else. */
const CHALLENGE_AUDIENCE = 'onshi-card-challenge';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHALLENGE_UNUSABLE = bilingual('The card challenge is unknown, expired or already used; start again', '認証をやり直してください');
/** The one answer for a card that is not known and for a signature that does not verify. */
export const CARD_SIGNATURE_INVALID = bilingual('The card signature is not valid', 'カードの署名を確認できません');

/**
 * A challenge for the card to sign. Nothing is stored when it is issued, whatever the serial (once
 * `startCardLogin` wrote a row for any string, and its answer told whether a serial existed): the
 * challenge id is a short-lived token signed by this service that names the serial, the purpose, the
 * reader it was issued for (READER), the nonce and the time. It is recorded as used when it is completed.
 */
export async function startChallenge(key: SigningKey, cardSerial: string, purpose: ChallengePurpose, readerId: string | null, now: Date): Promise<CardChallengeData> {
  if (cardSerial.length < 1 || cardSerial.length > 64) throw new BadUserInputError('cardSerial must have 1 to 64 characters');
  const challenge = newChallenge();
  const expiresAt = new Date(now.getTime() + CHALLENGE_LIFETIME_MS);
  const challengeId = await new SignJWT({ purpose, nonce: challenge, ...(readerId ? { rdr: readerId } : {}) })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER).setAudience(CHALLENGE_AUDIENCE).setSubject(cardSerial)
    .setIssuedAt(Math.floor(now.getTime() / 1000)).setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
  return { challengeId, challenge, expiresAt: expiresAt.toISOString() };
}

export interface OpenedChallenge { id: string; cardSerial: string; challenge: string; issuedAt: Date; purpose: ChallengePurpose; readerId: string | null }

/** Reads a challenge id this service issued for `purpose` (and this reader); anything else is CHALLENGE_UNUSABLE. */
export async function openChallenge(key: SigningKey, challengeId: string, purpose: ChallengePurpose, readerId: string | null, now: Date): Promise<OpenedChallenge> {
  try {
    const { payload } = await jwtVerify(challengeId, createLocalJWKSet({ keys: key.publishedJwks }), {
      issuer: TOKEN_ISSUER, audience: CHALLENGE_AUDIENCE, algorithms: ['EdDSA'], requiredClaims: ['exp', 'iat', 'sub', 'jti'], currentDate: now,
    });
    const rdr = typeof payload.rdr === 'string' ? payload.rdr : null;
    if (payload.purpose !== purpose || rdr !== readerId || typeof payload.nonce !== 'string' || !payload.sub || !payload.jti || !UUID.test(payload.jti) || payload.iat === undefined) throw new Error('claims');
    const issuedAt = new Date(payload.iat * 1000);
    if (challengeStatus({ issuedAt }, now) !== 'USABLE') throw new Error('lifetime');
    return { id: payload.jti, cardSerial: payload.sub, challenge: payload.nonce, issuedAt, purpose, readerId };
  } catch {
    throw new BadUserInputError(CHALLENGE_UNUSABLE);
  }
}

/**
 * Records the challenge as used (the primary key makes it single use, on any replica) and checks the
 * card's signature over it — before anything else about the card is looked at or counted (the
 * PIN is checked only after a valid signature). A serial we do not know answers exactly
 * like a wrong signature, and its challenge is recorded as used too, so a replay answers alike.
 */
export async function authenticateCard(db: Db<Tables> | Transaction, opened: OpenedChallenge, signature: string, now: Date): Promise<CardRow> {
  const used = await recordChallengeUsed(db, { id: opened.id, cardSerial: opened.cardSerial, purpose: opened.purpose, facilityCode: opened.readerId, challenge: opened.challenge, issuedAt: opened.issuedAt, usedAt: now });
  if (!used) throw new BadUserInputError(CHALLENGE_UNUSABLE);
  const card = await cardBySerial(db, opened.cardSerial);
  if (!card || !verifyCardSignature(card.publicKey, opened.challenge, signature)) throw new BadUserInputError(CARD_SIGNATURE_INVALID, { ...(card ? { patientId: card.patientId } : {}) });
  return card;
}

function cardLockedError(): OnshiError {
  return new OnshiError('CARD_LOCKED', bilingual('The card is locked after 3 wrong PINs; reset the PIN at your municipality', '暗証番号が3回誤って入力されたためロックされています。市区町村窓口で再設定してください'), { triesLeft: 0 });
}

export function requireUnlocked(card: CardRow): void {
  if (isCardLocked({ failedAttempts: card.failedAttempts, ...(card.lockedAt ? { lockedAt: card.lockedAt } : {}) })) throw cardLockedError();
}

/**
 * Asks qualifications (the one home of card status, kit cardStatus.ts) whether this card may be used, and
 * refuses it with CARD_NOT_USABLE and the reason. A card qualifications does not know, or knows for
 * another person, is not registered for insurance use as far as this system can tell.
 * `allowUnregistered`: the two places 初回登録 happens — the portal login, and the reader's FACE check
 * (registration at the counter); neither registers consent or releases data for such a card.
 */
export async function requireUsableCard(cardStatus: CardStatusLookup, card: CardRow, options: { allowUnregistered?: boolean } = {}): Promise<{ unusable: CardUnusableReason | null }> {
  const status = await cardStatus(card.serial);
  const unusable: CardUnusableReason | null = !status.known || status.patientId !== card.patientId ? 'NOT_REGISTERED' : status.unusable;
  if (unusable && !(unusable === 'NOT_REGISTERED' && options.allowUnregistered)) throw new CardNotUsableError(unusable, { patientId: card.patientId });
  return { unusable };
}

export type CardStatusLookup = (cardSerial: string) => Promise<CardStatusAnswer>;

/**
 * The PIN check the card does before it signs (3 wrong PINs lock it; docs/domain.md "Confirmation
 * at the counter (資格確認)"). The counter is updated by compare-and-set on the value read, so two replicas cannot
 * both grant the same try. Called only after `authenticateCard`.
 */
export async function checkPin(db: Db<Tables> | Transaction, card: CardRow, pin: string, now: Date): Promise<void> {
  const state = { failedAttempts: card.failedAttempts, ...(card.lockedAt ? { lockedAt: card.lockedAt } : {}) };
  if (isCardLocked(state)) throw cardLockedError();
  const correct = await verifyPin(pin, card.pinHash);
  const outcome = applyPinAttempt(state, correct, now);
  const won = await recordPinAttempt(db, card.serial, card.failedAttempts, { failedAttempts: outcome.state.failedAttempts, lockedAt: outcome.state.lockedAt ?? null });
  if (!won) throw new BadUserInputError(bilingual('The card was used at the same time elsewhere; try again', 'もう一度お試しください'));
  if (outcome.result === 'LOCKED') throw cardLockedError();
  if (outcome.result === 'WRONG_PIN') throw new BadUserInputError(bilingual(`Wrong PIN: ${outcome.triesLeft} tries left`, `暗証番号が違います（残り${outcome.triesLeft}回）`), { triesLeft: outcome.triesLeft });
}

async function patientDisplayName(db: Db<Tables>, patientId: string): Promise<string> {
  return (await patientName(db, patientId)) ?? 'マイナンバーカード利用者';
}

/**
 * Card login (マイナポータル style): the card's signature over the challenge
 * first, then the card's status, then the PIN. A wrong signature never reaches the PIN counter.
 * A refused card of a known holder leaves an access-log entry (cardDenials.ts).
 */
export async function completeCardLogin(db: Db<Tables>, key: SigningKey, cardStatus: CardStatusLookup, challengeId: string, pin: string, signature: string, now: Date, requestId: string): Promise<LoginResultData> {
  const opened = await openChallenge(key, challengeId, 'LOGIN', null, now);
  const card = await logCardDenial(db, { subject: 'portal-login', role: 'PORTAL_LOGIN' }, requestId, now, async () => {
    const authenticated = await authenticateCard(db, opened, signature, now);
    requireUnlocked(authenticated);
    // 初回登録 happens in the portal after login (registerCardForInsurance; seed: 利用者において初回登録処理),
    // so a card not yet registered may log in; lost, suspended or expired cards may not.
    await requireUsableCard(cardStatus, authenticated, { allowUnregistered: true });
    return authenticated;
  });
  await checkPin(db, card, pin, now);
  const actor: Actor = { subject: card.patientId, role: 'PATIENT', patientId: card.patientId, scopes: [], amr: ['hwk', 'pin'] };
  return startSession(db, key, actor, await patientDisplayName(db, card.patientId), now);
}

// ---------------------------------------------------------------------------------------------------
// Staff, operators and insurers: ID + password + TOTP, with throttling (loginThrottle.ts)
// ---------------------------------------------------------------------------------------------------

const WRONG_CREDENTIALS = bilingual('Facility code, staff ID, password or one-time code is wrong', 'ログイン情報が正しくありません');

function throttledError(retryAfterMs: number): OnshiError {
  return new OnshiError('LOGIN_THROTTLED', bilingual(`Too many failed logins; try again in ${Math.ceil(retryAfterMs / 1000)} s`, `ログインの失敗が続いたため、${Math.ceil(retryAfterMs / 1000)}秒後に再度お試しください`), { retryAfterMs });
}

function totpReusedError(retryAfterMs: number): OnshiError {
  return new OnshiError('TOTP_REUSED', bilingual('This one-time code was already used; enter the next code', 'このワンタイムコードは使用済みです。次のコードを入力してください'), { retryAfterMs: Math.max(retryAfterMs, 0) });
}

export interface StaffCredentials { facilityCode: string | null | undefined; staffId: string; password: string; totp: string }

/**
 * Staff login. Failures are throttled per account and source (loginThrottle.ts) instead of locking the
 * account, so nobody can lock out a named person. A TOTP code that was already used, with the right
 * password, is TOTP_REUSED: refused, but not a failure — scripts that log in twice within 30 s wait for the
 * next code instead of being slowed down.
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
  const row = await accountByStaffId(db, facilityCode, staffId);
  // A disabled account, or one whose enrollment is not confirmed (no TOTP secret yet), is answered as an unknown one.
  if (!row || !row.passwordHash || !row.totpSecret || row.disabledAt !== null || row.role === 'PATIENT' || row.role === 'PHR_APP') {
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
  if (!(await claimTotpStep(db, row.account, row.lastTotpStep, code.step))) {
    throw totpReusedError((code.step + 1) * TOTP_PERIOD_SECONDS * 1000 - now.getTime());
  }
  await throttle.succeeded(attempt);
  return startSession(db, key, actorOfAccount(row), row.displayName, now);
}

// ---------------------------------------------------------------------------------------------------
// PHR apps (docs/contracts.md contract 3)
// ---------------------------------------------------------------------------------------------------

export async function phrToken(db: Db<Tables>, key: SigningKey, clientId: string, clientSecret: string, grantId: string, now: Date, dummyHash: string): Promise<LoginResultData> {
  const app = await phrAppByClientId(db, clientId);
  const secretOk = app ? await verifySecret(clientSecret, app.secretHash) : await verifySecret(clientSecret, dummyHash).then(() => false, () => false);
  if (!app || !secretOk) throw new UnauthenticatedError(bilingual('Unknown client or wrong secret', 'クライアント認証に失敗しました'));
  // Only after the secret is proved, so the answer tells an outsider nothing about which apps exist.
  if (app.disabledAt !== null) throw new ForbiddenError(bilingual('This app has been disabled by the operator', 'このアプリは運用者により無効化されています'), { reason: 'PHR_APP_DISABLED' });
  const grant = UUID.test(grantId) ? await phrGrantOfApp(db, grantId, clientId) : undefined;
  if (!grant || grant.revokedAt !== null || grant.expiresAt.getTime() <= now.getTime()) {
    throw new ForbiddenError(bilingual('The patient has not granted this app access, or the grant has ended', '連携の許可がありません'));
  }
  const categories = grant.categories.filter(isCategory);
  const actor: Actor = {
    subject: app.clientId, role: 'PHR_APP', patientId: grant.patientId, grantId: grant.id, scopes: categories.map((c) => PHR_SCOPES[c]), amr: ['pwd'],
  };
  return startSession(db, key, actor, app.name, now);
}
