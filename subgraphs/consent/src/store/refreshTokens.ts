import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { phrGrants, refreshTokens, type Tables } from '../db/tables';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

/** Stores a new refresh token (only its sha256: services/identity/sessions.ts). */
export async function insertRefreshToken(db: Db<Tables>, values: typeof refreshTokens.$inferInsert): Promise<void> {
  await db.insert(refreshTokens).values(values);
}

/** A refresh token by the sha256 of its value. */
export async function refreshTokenByHash(db: Db<Tables>, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  return row;
}

/** The id of a refresh token by the sha256 of its value. */
export async function refreshTokenIdByHash(db: Db<Tables>, tokenHash: string): Promise<string | undefined> {
  const [row] = await db.select({ id: refreshTokens.id }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  return row?.id;
}

/** The token a refresh token was rotated into (null: none), by its id; undefined when there is no such token. */
export async function refreshTokenSuccessor(db: Db<Tables>, id: string): Promise<{ replacedBy: string | null } | undefined> {
  const [row] = await db.select({ replacedBy: refreshTokens.replacedBy }).from(refreshTokens).where(eq(refreshTokens.id, id));
  return row;
}

/**
 * Revokes a refresh token if it is still live (compare-and-set: of two callers one wins) and answers the token it
 * was rotated into; undefined when it was revoked already or does not exist.
 */
export async function revokeLiveRefreshTokenForSuccessor(db: Db<Tables>, id: string, now: Date): Promise<{ replacedBy: string | null } | undefined> {
  const [row] = await db.update(refreshTokens).set({ revokedAt: now })
    .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt))).returning({ replacedBy: refreshTokens.replacedBy });
  return row;
}

/** Revokes a refresh token if it is still live (compare-and-set, so a rotation works once): whether this call revoked it. */
export async function revokeLiveRefreshToken(db: Db<Tables>, id: string, now: Date): Promise<boolean> {
  const revoked = await db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt))).returning({ id: refreshTokens.id });
  return revoked.length > 0;
}

/** Records the token a refresh token was rotated into. */
export async function setRefreshTokenSuccessor(db: Db<Tables>, id: string, successorId: string): Promise<void> {
  await db.update(refreshTokens).set({ replacedBy: successorId }).where(eq(refreshTokens.id, id));
}

/** Revokes a live refresh token by the sha256 of its value (logout): whether there was one. */
export async function revokeLiveRefreshTokenByHash(db: Db<Tables>, tokenHash: string, now: Date): Promise<boolean> {
  const revoked = await db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.revokedAt))).returning({ id: refreshTokens.id });
  return revoked.length > 0;
}

/** Revokes every live refresh token issued under a PHR grant. */
export async function revokeGrantRefreshTokens(db: Db<Tables>, grantId: string, now: Date): Promise<void> {
  await db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.grantId, grantId), isNull(refreshTokens.revokedAt)));
}

/** Revokes the standing refresh tokens issued to a subject (the `sub` claim). */
export async function revokeRefreshTokensOfSubject(tx: Db<Tables>, subject: string, now: Date): Promise<void> {
  await tx.update(refreshTokens).set({ revokedAt: now }).where(and(sql`${refreshTokens.claims}->>'sub' = ${subject}`, isNull(refreshTokens.revokedAt)));
}

/** Revokes the standing refresh tokens of every grant a PHR app holds (one statement, the grants a subquery). */
export async function revokeRefreshTokensOfApp(tx: Db<Tables>, clientId: string, now: Date): Promise<void> {
  const grantIds = tx.select({ id: phrGrants.id }).from(phrGrants).where(eq(phrGrants.appId, clientId));
  await tx.update(refreshTokens).set({ revokedAt: now }).where(and(inArray(refreshTokens.grantId, grantIds), isNull(refreshTokens.revokedAt)));
}
