import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { createLogger, openDatabase, type ServiceConfig } from '@onshi/kit';
import { checkupResults, checkups, tables } from './src/db/tables';
import { seedCheckups } from './src/services/seed';

async function main() {
  const patients = Number(process.argv[2] ?? 1000);
  const database = await openDatabase({ service: 'checkups', databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: mkdtempSync(path.join(tmpdir(), 'ck-bench-')), migrationsFolder: path.join(__dirname, 'drizzle'), schema: tables });
  const started = Date.now();
  await seedCheckups({ db: database.db, config: {} as ServiceConfig, logger: createLogger('bench', 'silent'), demo: { seed: 'onshi', patients, asOf: '2026-11-25' } });
  const ms = Date.now() - started;
  const [c] = await database.db.select({ n: count() }).from(checkups);
  const [r] = await database.db.select({ n: count() }).from(checkupResults);
  process.stdout.write(`${database.kind} ${patients} patients: ${ms} ms, ${c?.n} checkups, ${r?.n} results, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB\n`);
  await database.close();
}
void main();
