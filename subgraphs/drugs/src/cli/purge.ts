/**
 * Retention purge of drug information: `npx tsx --tsconfig tsconfig.base.json subgraphs/drugs/src/cli/purge.ts`
 *
 * Drug information is kept for up to 5 years (DOMAIN.md "Drug information"). Every read already hides
 * anything dated before the cutoff (the same day 5 years ago, JST); this job deletes it so it is not
 * kept either: claim items dated before the cutoff, and claims whose service month ended before the
 * cutoff's month. Run it once a day (cron, Kubernetes CronJob); it is idempotent. It reads DATABASE_URL
 * or DATA_DIR like the service (stop the service first when the database is an embedded PGlite
 * directory), and DEMO_AS_OF to purge as of a demo date. Prints one JSON line with the counts.
 */
import { createClock } from '../services/clock';
import { purgeExpiredClaims } from '../services/purge';
import { openDrugsDatabase } from './database';

async function main(): Promise<void> {
  const { database, demoAsOf } = await openDrugsDatabase('drugs:purge');
  try {
    const result = await purgeExpiredClaims(database.db, createClock(demoAsOf)());
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`drugs:purge: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
