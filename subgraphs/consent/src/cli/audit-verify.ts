/**
 * `pnpm audit:verify`: recomputes every hash chain of the access log and compares it with the latest
 * checkpoint; prints the first broken entry of each broken chain and exits 1, or prints a summary and
 * exits 0. Reads the consent database directly: DATABASE_URL (PostgreSQL), else the embedded PGlite
 * under DATA_DIR (default .data) — stop the system first then, PGlite serves one process at a time.
 */
import path from 'node:path';
import { REPO_ROOT, openDatabase } from '@onshi/kit';
import { tables } from '../db/tables';
import { verifyAccessLog } from '../services/checkpoints';

async function main(): Promise<number> {
  const database = await openDatabase({
    service: 'consent', databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || path.join(REPO_ROOT, '.data'),
    migrationsFolder: path.join(__dirname, '../../drizzle'), schema: tables, poolSize: 1,
  });
  try {
    const result = await verifyAccessLog(database.db);
    if (result.ok) {
      process.stdout.write(`audit:verify OK: ${result.entries} entries in ${result.partitions} chains\n`);
      return 0;
    }
    for (const broken of result.broken) {
      process.stdout.write(`audit:verify BROKEN: partition ${broken.partition} seq ${broken.seq} (${broken.reason})\n`);
    }
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
