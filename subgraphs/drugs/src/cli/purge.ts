/**
 * Retention purge of drug information: `npx tsx --tsconfig tsconfig.base.json subgraphs/drugs/src/cli/purge.ts`
 *
 * Drug information is kept for up to 5 years (docs/domain.md "Drug information (薬剤情報) and medical expenses"). Every read already hides
 * anything dated before the cutoff (the same day 5 years ago, JST); this job deletes it so it is not
 * kept either: claim items dated before the cutoff, and claims whose service month ended before the
 * cutoff's month. Run it once a day (cron, Kubernetes CronJob); it is idempotent. On a running system
 * the drugs service runs it with its own clock; on a stopped one (or PostgreSQL) it opens the database
 * itself, and DEMO_AS_OF purges as of a demo date. Prints one JSON line with the counts.
 */
import { failJob, runDrugsJob } from './database';

runDrugsJob('drugs:purge', 'purge').then(
  (outcome) => {
    process.stdout.write(`${JSON.stringify(outcome.result)}\n`);
    process.stderr.write(`drugs:purge: ran on the ${outcome.via}\n`);
    process.exit(outcome.exitCode);
  },
  (error: unknown) => failJob('drugs:purge', error),
);
