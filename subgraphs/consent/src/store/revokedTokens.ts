import { lt, sql } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { revokedTokens, type Tables } from '../db/tables';

export type RevokedTokenRow = typeof revokedTokens.$inferSelect;

/** Stores a revoked token id until the later of its stored and given expiry. */
export async function upsertRevokedToken(db: Db<Tables>, jti: string, expiresAt: Date): Promise<void> {
  await db.insert(revokedTokens).values({ jti, expiresAt })
    .onConflictDoUpdate({ target: revokedTokens.jti, set: { expiresAt: sql`greatest(${revokedTokens.expiresAt}, excluded.expires_at)` } });
}

/** Deletes the rows of tokens that expired before `before`. */
export async function deleteRevokedTokensExpiredBefore(db: Db<Tables>, before: Date): Promise<void> {
  await db.delete(revokedTokens).where(lt(revokedTokens.expiresAt, before));
}

/** The revoked tokens that have not expired yet (by the database's clock). */
export async function liveRevokedTokens(db: Db<Tables>): Promise<RevokedTokenRow[]> {
  return db.select().from(revokedTokens).where(sql`${revokedTokens.expiresAt} > now()`);
}
