/**
 * Sessions: a short-lived access token (≤ 15 min, signing.ts) plus a refresh token that is stored only as
 * its sha256, rotated on every use and revoked on logout.
 */
import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { bilingual, UnauthenticatedError, actorFromClaims, type Actor, type Db, type RevocationList } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { accountBySubject } from '../../store/accountLogins';
import { cardsOfPatient } from '../../store/cards';
import { phrGrantWithAppState } from '../../store/phrTokens';
import {
  insertRefreshToken, refreshTokenByHash, refreshTokenIdByHash, refreshTokenSuccessor, revokeGrantRefreshTokens, revokeLiveRefreshToken, revokeLiveRefreshTokenByHash,
  revokeLiveRefreshTokenForSuccessor, setRefreshTokenSuccessor,
} from '../../store/refreshTokens';
import { isCardLocked } from './card';
import { issueAccessToken, type SigningKey } from './signing';

/** A refresh token outlives a working shift by a little; after that the person proves who they are again. */
export const REFRESH_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export interface LoginResultData {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  role: string;
  patientId: string | null;
  facilityCode: string | null;
  displayName: string;
}

function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The claims as the kit's verifier reads them back (`sub` for subject). */
function claimsOf(actor: Actor): Record<string, unknown> {
  const { subject, ...rest } = actor;
  return { sub: subject, ...rest };
}

/** Issues an access token and a new refresh token for an actor who has just proved who they are. */
export async function startSession(db: Db<Tables>, key: SigningKey, actor: Actor, displayName: string, now: Date): Promise<LoginResultData> {
  const access = await issueAccessToken(key, actor, now);
  const refreshToken = randomBytes(32).toString('base64url');
  await insertRefreshToken(db, {
    tokenHash: hashRefreshToken(refreshToken), claims: claimsOf(actor), displayName, grantId: actor.grantId ?? null, issuedAt: now, expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
  });
  return {
    accessToken: access.accessToken, refreshToken, expiresAt: access.expiresAt.toISOString(), role: actor.role,
    patientId: actor.patientId ?? null, facilityCode: actor.facilityCode ?? null, displayName,
  };
}

const REFRESH_REFUSED = bilingual('The session has ended; please log in again', 'セッションが終了しました。再度ログインしてください');

/**
 * What was true at login must still be true at refresh: the card is not locked, the account exists and a PHR
 * grant is still live, its app not disabled. Anything missing refuses the refresh (fail closed).
 */
async function stillEntitled(db: Db<Tables>, actor: Actor, now: Date): Promise<boolean> {
  if (actor.role === 'PHR_APP') {
    if (!actor.grantId) return false;
    const row = await phrGrantWithAppState(db, actor.grantId);
    // A disabled app (phrApps.ts disablePhrApp) gets no new access token under any grant.
    return row !== undefined && row.appDisabledAt === null && row.grant.revokedAt === null && row.grant.expiresAt.getTime() > now.getTime();
  }
  if (actor.role === 'PATIENT') {
    if (!actor.patientId) return false;
    const patientCards = await cardsOfPatient(db, actor.patientId);
    return patientCards.some((card) => !isCardLocked({ failedAttempts: card.failedAttempts, ...(card.lockedAt ? { lockedAt: card.lockedAt } : {}) }));
  }
  const account = await accountBySubject(db, actor.subject);
  // A disabled staff account (onboarding.ts disableStaff) gets no new access token from its refresh token.
  return account !== undefined && account.disabledAt === null;
}

/** Revokes a refresh token and every token it was rotated into (a session has at most a few hundred rotations). */
async function revokeSuccessors(db: Db<Tables>, firstId: string, now: Date): Promise<void> {
  let next: string | null = firstId;
  for (let hops = 0; next !== null && hops < 1000; hops += 1) {
    const successor: { replacedBy: string | null } | undefined = await revokeLiveRefreshTokenForSuccessor(db, next, now);
    const row: { replacedBy: string | null } | undefined = successor ?? await refreshTokenSuccessor(db, next);
    next = row?.replacedBy ?? null;
  }
}

/** Rotates a refresh token: the old one is revoked (compare-and-set, so it works once) and a new session starts. */
export async function refreshSession(db: Db<Tables>, key: SigningKey, refreshToken: string, now: Date): Promise<LoginResultData> {
  const row = await refreshTokenByHash(db, hashRefreshToken(refreshToken));
  if (row && row.revokedAt !== null && row.replacedBy !== null) {
    // A rotated token presented again: someone holds a copy. End the whole session (OAuth 2.0 Security
    // BCP, refresh token rotation): the successors stop working too, for the thief and the owner alike.
    await revokeSuccessors(db, row.replacedBy, now);
  }
  if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= now.getTime()) throw new UnauthenticatedError(REFRESH_REFUSED);
  const actor = actorFromClaims(row.claims);
  if (!(await stillEntitled(db, actor, now))) throw new UnauthenticatedError(REFRESH_REFUSED);
  if (!(await revokeLiveRefreshToken(db, row.id, now))) throw new UnauthenticatedError(REFRESH_REFUSED);
  const session = await startSession(db, key, actor, row.displayName, now);
  const successorId = await refreshTokenIdByHash(db, hashRefreshToken(session.refreshToken));
  if (successorId) await setRefreshTokenSuccessor(db, row.id, successorId);
  return session;
}

/**
 * Logout: the refresh token stops working, and the access token the request was made with (already verified
 * by the caller's context) goes on the revocation list until it would have expired, so every replica of every
 * service refuses it at once (platform sharedState.ts).
 */
export async function endSession(db: Db<Tables>, revocations: RevocationList, refreshToken: string, verifiedAccessToken: string | undefined, now: Date): Promise<boolean> {
  if (verifiedAccessToken) {
    const { jti, exp } = decodeJwt(verifiedAccessToken);
    if (jti && exp) await revocations.revoke(jti, exp * 1000);
  }
  return revokeLiveRefreshTokenByHash(db, hashRefreshToken(refreshToken), now);
}

/**
 * The grant was revoked: every refresh token issued under it is revoked. Its access tokens stay valid as
 * authentication but read nothing: the decision point refuses every read under a revoked grant at once, on every
 * replica (the grant row is read per decision), with the answer a DV-blocked person's grant also gets (platform auth.ts
 * revocationIdsOf).
 */
export async function endGrantSessions(db: Db<Tables>, grantId: string, now: Date): Promise<void> {
  await revokeGrantRefreshTokens(db, grantId, now);
}
