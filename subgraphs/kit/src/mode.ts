/**
 * Demo and production never share a database: the first start writes the mode into the
 * subgraph's own schema, and every later start in the other mode refuses. A demo database holds derivable
 * secrets (documented passwords, TOTP seeds and card keys computed from the public seed), so production
 * must not run on it; and a demo start on real data would seed fake patients among real ones and open the
 * demo-only routes (fault injection, back-dated consents) over them.
 */
import { is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

export type RunMode = 'demo' | 'production';

export class ModeMismatchError extends Error {}

/** The table's name is the marker's whole contract; it lives in the subgraph's schema (ADR 0004), outside drizzle's migrations. */
const MARKER_TABLE = 'onshi_mode';

async function holdsData(db: Db<Record<string, unknown>>, tables: Record<string, unknown>): Promise<boolean> {
  for (const table of Object.values(tables)) {
    if (!is(table, PgTable)) continue;
    const rows = await db.select({ one: sql<number>`1` }).from(table).limit(1);
    if (rows.length > 0) return true;
  }
  return false;
}

/**
 * Claims the database for `mode`, or throws ModeMismatchError. A database without a marker was created
 * before production mode existed, i.e. by a demo start: demo mode adopts it, production mode refuses it
 * unless it is empty.
 */
export async function claimDatabaseMode(db: Db<Record<string, unknown>>, schemaName: string, tables: Record<string, unknown>, mode: RunMode): Promise<void> {
  const table = sql.raw(`"${schemaName.replace(/"/g, '')}"."${MARKER_TABLE}"`);
  await db.execute(sql`create schema if not exists ${sql.raw(`"${schemaName.replace(/"/g, '')}"`)}`);
  await db.execute(sql`create table if not exists ${table} (mode text not null check (mode in ('demo', 'production')), claimed_at timestamptz not null default now())`);
  const rows = (await db.execute(sql`select mode from ${table} limit 1`)) as unknown as { rows?: Array<{ mode: string }> } | Array<{ mode: string }>;
  const existing = (Array.isArray(rows) ? rows : (rows.rows ?? []))[0]?.mode;
  if (existing === mode) return;
  if (existing !== undefined) {
    throw new ModeMismatchError(mode === 'production'
      ? `this database holds demo data (written by \`pnpm start\`); production mode refuses it — use a new DATABASE_URL or DATA_DIR`
      : `this database holds production (non-demo) data; demo mode refuses it — start it with \`pnpm start:production\`, or give the demo its own DATABASE_URL or DATA_DIR`);
  }
  if (mode === 'production' && (await holdsData(db, tables))) {
    throw new ModeMismatchError('this database holds data from a demo start (no mode marker); production mode refuses it — use a new DATABASE_URL or DATA_DIR');
  }
  await db.execute(sql`insert into ${table} (mode) values (${mode})`);
}
