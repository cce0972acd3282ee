/**
 * Opens one subgraph's database directly, as an operator's ad-hoc script would, for the data-safety
 * tests (PGlite cannot be loaded inside Jest's module sandbox): `dataDirProbe.ts <service> [sql…]` runs
 * each statement and prints the rows of each as one JSON line; `--hold` keeps the database open until
 * stdin closes. A directory owned by a running process is refused: the line on stderr, exit 75.
 */
import path from 'node:path';
import { DataDirInUseError, REPO_ROOT, openDatabase } from '@onshi/kit';
import { sql } from 'drizzle-orm';

async function main(): Promise<void> {
  const hold = process.argv.includes('--hold');
  const [service, ...statements] = process.argv.slice(2).filter((arg) => arg !== '--hold');
  if (!service) throw new Error('usage: dataDirProbe.ts <service> [--hold] [sql…]');
  const database = await openDatabase({
    service, databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? '', schema: {}, poolSize: 1,
    migrationsFolder: path.join(REPO_ROOT, 'subgraphs', service, 'drizzle'),
  });
  try {
    for (const statement of statements) {
      const result: unknown = await database.db.execute(sql.raw(statement));
      process.stdout.write(`${JSON.stringify(Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)}\n`);
    }
    if (hold) {
      process.stdout.write('holding\n');
      process.stdin.resume();
      await new Promise((resolve) => process.stdin.once('end', resolve));
    }
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof DataDirInUseError ? error.exitCode : 1);
  },
);
