import { and, eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { phrApps, phrGrants, type Tables } from '../db/tables';

// The reads behind a PHR app's tokens (docs/contracts.md contract 3): issued on a live grant of an enabled app,
// refreshed only while both still hold (services/identity/logins.ts phrToken, sessions.ts stillEntitled).

/** A grant by its id, only if it was given to this app (whatever its state). */
export async function phrGrantOfApp(db: Db<Tables>, grantId: string, clientId: string): Promise<typeof phrGrants.$inferSelect | undefined> {
  const [grant] = await db.select().from(phrGrants).where(and(eq(phrGrants.id, grantId), eq(phrGrants.appId, clientId)));
  return grant;
}

/** A grant by its id with the time its app was disabled (null: enabled), in one statement. */
export async function phrGrantWithAppState(db: Db<Tables>, grantId: string): Promise<{ grant: typeof phrGrants.$inferSelect; appDisabledAt: Date | null } | undefined> {
  const [row] = await db.select({ grant: phrGrants, appDisabledAt: phrApps.disabledAt }).from(phrGrants)
    .innerJoin(phrApps, eq(phrApps.clientId, phrGrants.appId)).where(eq(phrGrants.id, grantId));
  return row;
}
