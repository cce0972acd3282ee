// Bulk loading with COPY, for the demo seed at benchmark scale (10⁶ patients with 5 years of
// claims and checkups, ~2 × 10⁸ rows). A multi-row INSERT built by drizzle costs ~10× more per row than
// COPY's text format, and the load of 10⁶ patients must fit in a working session.
import { once } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName, sql, type Column } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { resultRows, type Db } from './db';
import { countStatement } from '@onshi/platform';

/** Rows of one table, encoded as COPY text (one line per row); `columns` are the database column names. */
export interface CopyChunk {
  table: PgTable;
  columns: string[];
  text: string;
  rows: number;
}

export type CopyRows = (chunk: CopyChunk) => Promise<void>;

/** COPY text format escapes (PostgreSQL docs, COPY "Text Format"): backslash, tab, newline, carriage return. */
function escapeCopyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c) : value;
}

function copyField(column: Column, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  // The column's own driver mapping (jsonb → JSON text, arrays → array literal, timestamps → ISO strings).
  const driverValue: unknown = column.mapToDriverValue(value);
  if (driverValue === null || driverValue === undefined) return '\\N';
  if (driverValue instanceof Date) return driverValue.toISOString();
  if (typeof driverValue === 'boolean') return driverValue ? 't' : 'f';
  if (typeof driverValue === 'object') return escapeCopyText(JSON.stringify(driverValue));
  return escapeCopyText(String(driverValue as string | number | bigint));
}

/**
 * Encodes rows for COPY. The columns are those any row sets; a row that leaves out one of them stores NULL
 * there (not the column's default), and a column no row sets keeps its default.
 */
export function encodeCopyRows<T extends PgTable>(table: T, rows: ReadonlyArray<T['$inferInsert']>): CopyChunk {
  const all = getTableColumns(table) as Record<string, Column>;
  // A column is set when some row sets it; asked column by column, the first row usually answers (no per-row entries).
  const keys = Object.keys(all).filter((key) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined));
  const lines: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as Record<string, unknown>;
    let line = '';
    for (let k = 0; k < keys.length; k += 1) {
      const key = keys[k] as string;
      line += (k === 0 ? '' : '\t') + copyField(all[key] as Column, row[key]);
    }
    lines[i] = line;
  }
  return { table, columns: keys.map((key) => (all[key] as Column).name), text: rows.length === 0 ? '' : `${lines.join('\n')}\n`, rows: rows.length };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function copyStatement(chunk: CopyChunk, source: string): string {
  const { schema } = getTableConfig(chunk.table);
  const table = (schema ? `${quoteIdent(schema)}.` : '') + quoteIdent(getTableName(chunk.table));
  return `COPY ${table} (${chunk.columns.map(quoteIdent).join(', ')}) FROM ${source}`;
}

/** COPY over postgres-js: the text is streamed to the server on one pooled connection. */
export function postgresCopy(client: Sql): CopyRows {
  return async (chunk) => {
    if (chunk.rows === 0) return;
    countStatement();
    const stream = await client.unsafe(copyStatement(chunk, 'STDIN')).writable();
    const done = once(stream, 'finish');
    stream.end(chunk.text);
    await done;
  };
}

/** COPY into embedded PGlite (the database, or one of its transactions): the text is handed over as a blob (PGlite's /dev/blob device). */
export function pgliteCopy(client: Pick<PGlite, 'query'>): CopyRows {
  return async (chunk) => {
    if (chunk.rows === 0) return;
    countStatement();
    await client.query(copyStatement(chunk, `'/dev/blob'`), [], { blob: new Blob([chunk.text]) });
  };
}

/**
 * COPY on the connection of a drizzle database or transaction, so that in a transaction the rows commit or roll back
 * with its other statements: the claim ingest stores a whole batch in one transaction (drugs services/claimIngest.ts)
 * and COPY costs a tenth of drizzle's multi-row INSERT per row (docs/benchmarks.md "Claim re-routing"). drizzle keeps
 * the driver's client on its session: postgres-js's reserved `sql` of `begin` (or the pool), PGlite's Transaction (or
 * the PGlite instance); both take COPY the way `postgresCopy` and `pgliteCopy` give it.
 */
export function copyWith(executor: Db<Record<string, unknown>>): CopyRows {
  const client = (executor as unknown as { session?: { client?: unknown } }).session?.client as Partial<Sql> & Partial<Pick<PGlite, 'query'>> | undefined;
  if (typeof client?.unsafe === 'function') return postgresCopy(client as Sql);
  if (typeof client?.query === 'function') return pgliteCopy(client as Pick<PGlite, 'query'>);
  throw new Error('copyWith: the executor is neither a postgres-js nor a PGlite drizzle database or transaction');
}

/**
 * Loads a huge, lazily generated sequence (demo patients up to 10⁶) with COPY: `toRows` turns a few items
 * into encoded chunks; every `itemsPerCopy` items the chunks of each table are stored with one COPY per
 * table, in the order `toRows` returns them (parents before children, for foreign keys). The next batch
 * is generated while the database stores the last one, so generation and storage overlap on two cores.
 */
export async function copyInBatches<T>(
  items: Iterable<T>,
  options: { itemsPerCopy: number; itemsPerSlice?: number },
  toRows: (slice: T[]) => CopyChunk[],
  copy: CopyRows,
): Promise<number> {
  const sliceSize = options.itemsPerSlice ?? 50;
  let pending: Promise<void> = Promise.resolve();
  let batch: CopyChunk[][] = [];
  let inBatch = 0;
  let total = 0;
  let slice: T[] = [];
  const flush = async () => {
    const merged = mergeChunks(batch.flat());
    batch = [];
    inBatch = 0;
    await pending;
    pending = (async () => {
      for (const chunk of merged) await copy(chunk);
    })();
    // A failure is reported by the next await of `pending`; keep Node from calling it unhandled meanwhile.
    pending.catch(() => undefined);
  };
  const takeSlice = async () => {
    batch.push(toRows(slice));
    inBatch += slice.length;
    total += slice.length;
    slice = [];
    // Let the socket carry the previous batch's COPY while this one is generated.
    await yieldToEventLoop();
    if (inBatch >= options.itemsPerCopy) await flush();
  };
  for (const item of items) {
    slice.push(item);
    if (slice.length >= sliceSize) await takeSlice();
  }
  if (slice.length > 0) await takeSlice();
  if (inBatch > 0) await flush();
  await pending;
  return total;
}

/** Joins chunks of the same table and column list, keeping the order in which each table first appears. */
function mergeChunks(chunks: CopyChunk[]): CopyChunk[] {
  const merged = new Map<string, CopyChunk>();
  for (const chunk of chunks) {
    if (chunk.rows === 0) continue;
    const key = `${getTableConfig(chunk.table).schema ?? ''}.${getTableName(chunk.table)}(${chunk.columns.join(',')})`;
    const seen = merged.get(key);
    if (seen === undefined) merged.set(key, { ...chunk });
    else {
      seen.text += chunk.text;
      seen.rows += chunk.rows;
    }
  }
  return [...merged.values()];
}

interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * Runs a bulk load with the secondary indexes of `tables` dropped, and builds them again afterwards, also
 * when the load fails: PostgreSQL builds an index over 6 × 10⁷ rows by one sort faster than it updates it
 * row by row in random key order (patient ids are opaque). Primary keys and unique indexes stay in place:
 * they guard the load, and foreign keys depend on them.
 */
export async function withSecondaryIndexesDeferred<T>(db: Db<Record<string, unknown>>, tables: PgTable[], load: () => Promise<T>): Promise<T> {
  const deferred: IndexDefinition[] = [];
  for (const table of tables) {
    const schema = getTableConfig(table).schema ?? 'public';
    const rows = resultRows<IndexDefinition>(await db.execute(sql`
      select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = ${schema} and t.relname = ${getTableName(table)} and not i.indisprimary and not i.indisunique`));
    for (const row of rows) {
      await db.execute(sql.raw(`drop index ${quoteIdent(schema)}.${quoteIdent(row.name)}`));
      deferred.push(row);
    }
  }
  try {
    return await load();
  } finally {
    for (const index of deferred) await db.execute(sql.raw(index.definition));
  }
}
