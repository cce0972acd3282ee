// Where the drugs command-line jobs run (kit operations.ts): through the running drugs service when it
// owns the embedded directory, else on the database opened here with the same settings as the service
// (DATABASE_URL, or the embedded PGlite under DATA_DIR, locked for as long as the job runs).
import path from 'node:path';
import { createClock, exitCodeOf, loadConfigOrExit, openDatabase, runOperation, serviceConfigSchema, type OperationOutcome } from '@onshi/kit';
import { tables } from '../db/tables';
import { loadDrugMaster } from '../services/drugMaster';
import { syncDrugMasterTable } from '../store/drugMasterStore';
import { drugsOperations } from '../services/operations';

const cliConfigSchema = serviceConfigSchema.pick({ DATABASE_URL: true, DATA_DIR: true, DEMO_AS_OF: true });

export async function runDrugsJob(job: string, name: 'purge' | 'ingest-claims', input: unknown = {}): Promise<OperationOutcome> {
  const config = loadConfigOrExit(job, cliConfigSchema);
  const master = loadDrugMaster();
  const operation = drugsOperations(createClock(config.DEMO_AS_OF).now, () => master)[name];
  return runOperation({
    service: 'drugs', dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL,
    open: async () => {
      const database = await openDatabase({ service: 'drugs', databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, migrationsFolder: path.join(__dirname, '../../drizzle'), schema: tables });
      // The service syncs the master table at every start; a job on a stopped system does it itself.
      await syncDrugMasterTable(database.db, master);
      return database;
    },
  }, name, operation, input);
}

/** Prints why a job failed and exits: 75 when the database is busy (starting), 64 for bad input, else 1. */
export function failJob(job: string, error: unknown): never {
  process.stderr.write(`${job}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCodeOf(error));
}
