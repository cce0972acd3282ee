import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { pgliteCopy, postgresCopy, type CopyRows } from './bulkCopy';
import { countStatement } from './requestContext';

export type Db<TSchema extends Record<string, unknown> = Record<string, never>> = PgDatabase<PgQueryResultHKT, TSchema>;

export interface DatabaseHandle<TSchema extends Record<string, unknown>> {
  db: Db<TSchema>;
  kind: 'pglite' | 'postgres';
  /** Bulk load with COPY (demo seeds at benchmark scale; bulkCopy.ts). */
  copy: CopyRows;
  /** Cheap liveness probe for /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  /** The subgraph's name: its PostgreSQL schema and its PGlite data directory (ADR 0004). */
  service: string;
  databaseUrl?: string;
  dataDir: string;
  migrationsFolder: string;
  schema: TSchema;
  /** postgres-js pool size per process. */
  poolSize?: number;
}

/**
 * Opens the subgraph's own database and applies its committed drizzle-kit migrations.
 * Embedded PGlite by default (one data dir per subgraph), PostgreSQL when DATABASE_URL is set, with
 * every table in a schema named after the subgraph so that subgraphs never share tables (ADR 0003/0004).
 * Every statement is counted per request (requestContext) for the batching tests and the benchmark.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(options: OpenDatabaseOptions<TSchema>): Promise<DatabaseHandle<TSchema>> {
  const logger = { logQuery: () => countStatement() };
  const migrationConfig = { migrationsFolder: options.migrationsFolder, migrationsSchema: options.service, migrationsTable: '__drizzle_migrations' };
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => undefined,
      connect_timeout: 5,
      connection: { application_name: `onshi-${options.service}` },
    });
    await client`select 1`;
    const db = drizzlePostgres({ client, schema: options.schema, logger });
    await migratePostgres(db, migrationConfig);
    return { db, kind: 'postgres', copy: postgresCopy(client), ping: async () => void (await client`select 1`), close: () => client.end({ timeout: 5 }) };
  }
  const dir = path.join(options.dataDir, options.service, 'pg');
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  await client.waitReady;
  const db = drizzlePglite({ client, schema: options.schema, logger });
  await migratePglite(db, migrationConfig);
  return { db, kind: 'pglite', copy: pgliteCopy(client), ping: async () => void (await db.execute(sql`select 1`)), close: () => client.close() };
}

/** Describes a connection failure in one line without leaking credentials. */
export function describeDatabaseError(error: unknown, databaseUrl?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const target = databaseUrl ? new URL(databaseUrl).host : 'embedded PGlite';
  return `cannot open database (${target}): ${message.split('\n')[0]}`;
}
