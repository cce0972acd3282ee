import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { phrGrants, refreshTokens, type Tables } from '../db/tables';

/** Revokes the standing refresh tokens issued to a subject (the `sub` claim). */
export async function revokeRefreshTokensOfSubject(tx: Db<Tables>, subject: string, now: Date): Promise<void> {
  await tx.update(refreshTokens).set({ revokedAt: now }).where(and(sql`${refreshTokens.claims}->>'sub' = ${subject}`, isNull(refreshTokens.revokedAt)));
}

/** Revokes the standing refresh tokens of every grant a PHR app holds (one statement, the grants a subquery). */
export async function revokeRefreshTokensOfApp(tx: Db<Tables>, clientId: string, now: Date): Promise<void> {
  const grantIds = tx.select({ id: phrGrants.id }).from(phrGrants).where(eq(phrGrants.appId, clientId));
  await tx.update(refreshTokens).set({ revokedAt: now }).where(and(inArray(refreshTokens.grantId, grantIds), isNull(refreshTokens.revokedAt)));
}
