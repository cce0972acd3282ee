import { monthOf } from '@onshi/kit';
// The retention purge (docs/domain.md "Drug information (薬剤情報) and medical expenses": up to 5 years kept). Readers already hide anything
// older than the cutoff (retention.ts); this job deletes it. Run it daily (cli/purge.ts).
import { count, lt } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { claimItems, claims, type Tables } from '../db/tables';
import { retentionCutoff } from '../services/retention';

export interface PurgeResult {
  /** First date still kept, YYYY-MM-DD. */
  cutoff: string;
  itemsDeleted: number;
  claimsDeleted: number;
}

/**
 * Deletes, in one transaction, claim items dated before the cutoff and claims whose service month ended
 * before the cutoff's month. Items first: an item's date lies in its claim's month (claims.ts validation), so
 * every item of a deleted claim is dated before the cutoff and already gone — items keep no foreign key that
 * would cascade (docs/drugs.md "Claim items and their integrity"). A claim of the cutoff month itself is kept
 * until the month has fully left the window, so medical-expense totals (per month) change only by whole months.
 */
export async function purgeExpiredClaims(db: Db<Tables>, now: Date): Promise<PurgeResult> {
  const cutoff = retentionCutoff(now);
  const cutoffMonth = monthOf(cutoff);
  return db.transaction(async (tx) => {
    const [items] = await tx.select({ n: count() }).from(claimItems).where(lt(claimItems.date, cutoff));
    await tx.delete(claimItems).where(lt(claimItems.date, cutoff));
    const [headers] = await tx.select({ n: count() }).from(claims).where(lt(claims.serviceMonth, cutoffMonth));
    await tx.delete(claims).where(lt(claims.serviceMonth, cutoffMonth));
    return { cutoff, itemsDeleted: items?.n ?? 0, claimsDeleted: headers?.n ?? 0 };
  });
}
