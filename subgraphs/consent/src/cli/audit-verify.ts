/**
 * `pnpm audit:verify`: recomputes every hash chain of the access log and compares it with the latest
 * checkpoint; prints the first broken entry of each broken chain and exits 1, or prints a summary and
 * exits 0. On a running system it asks the consent service (kit operations.ts: the embedded database has
 * one owner, never a second opener); on a stopped one, or on PostgreSQL (DATABASE_URL), it opens the
 * consent database itself. Exit 75 when the database is in use by a process that does not serve yet.
 */
import path from 'node:path';
import { exitCodeOf, loadConfigOrExit, openDatabase, runOperation, serviceConfigSchema } from '@onshi/kit';
import { tables } from '../db/tables';
import type { AccessLogVerification } from '../services/audit/checkpoints';
import { auditVerifyOperation } from '../services/audit/operations';

async function main(): Promise<number> {
  const config = loadConfigOrExit('audit:verify', serviceConfigSchema.pick({ DATABASE_URL: true, DATA_DIR: true }));
  const outcome = await runOperation({
    service: 'consent', dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL,
    open: () => openDatabase({ service: 'consent', databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, migrationsFolder: path.join(__dirname, '../../drizzle'), schema: tables, poolSize: 1 }),
  }, 'audit-verify', auditVerifyOperation);
  const result = outcome.result as AccessLogVerification;
  if (result.ok) {
    process.stdout.write(`audit:verify OK: ${result.entries} entries in ${result.partitions} chains (${outcome.via})\n`);
  } else {
    for (const broken of result.broken) {
      process.stdout.write(`audit:verify BROKEN: partition ${broken.partition} seq ${broken.seq} (${broken.reason})\n`);
    }
  }
  return outcome.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify: ${error instanceof Error ? error.message : String(error)}\n`);
    const code = exitCodeOf(error);
    process.exit(code === 1 ? 2 : code);
  },
);
