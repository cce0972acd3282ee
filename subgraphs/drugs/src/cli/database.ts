// Opens the drugs database for the command-line jobs with the same settings as the service
// (DATABASE_URL, or the embedded PGlite under DATA_DIR). PGlite is single-process: stop the drugs
// service before running a job against an embedded data directory.
import path from 'node:path';
import { loadConfigOrExit, openDatabase, serviceConfigSchema, type DatabaseHandle } from '@onshi/kit';
import { tables, type Tables } from '../db/tables';

const cliConfigSchema = serviceConfigSchema.pick({ DATABASE_URL: true, DATA_DIR: true, DEMO_AS_OF: true });

export async function openDrugsDatabase(job: string): Promise<{ database: DatabaseHandle<Tables>; demoAsOf: string | undefined }> {
  const config = loadConfigOrExit(job, cliConfigSchema);
  const database = await openDatabase({
    service: 'drugs',
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    migrationsFolder: path.join(__dirname, '../../drizzle'),
    schema: tables,
  });
  return { database, demoAsOf: config.DEMO_AS_OF };
}
