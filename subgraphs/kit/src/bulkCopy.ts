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

/**
 * From this many demo patients a seed loads its big tables with their indexes deferred (`withIndexesDeferred`):
 * benchmark scale only, where building them afterwards pays. The seed runs in one transaction (subgraph.ts), so a
 * load interrupted with the indexes dropped gets them back with its rollback.
 */
export const DEFER_INDEXES_FROM_PATIENTS = 100_000;

/** The load, with the indexes of `tables` deferred when the demo is at benchmark scale. */
export function seedLoad<T>(db: Db<Record<string, unknown>>, patients: number, tables: PgTable[], load: () => Promise<T>): Promise<T> {
  return patients >= DEFER_INDEXES_FROM_PATIENTS ? withIndexesDeferred(db, tables, load) : load();
}

interface DeferredIndex {
  schema: string;
  table: string;
  name: string;
  /** 'p' primary key or 'u' unique constraint (dropped and added back as constraints), null a plain index. */
  constraint: 'p' | 'u' | null;
  /** CREATE INDEX statement of a plain index, or the constraint's definition (`PRIMARY KEY (…)`). */
  definition: string;
}

/** Memory for each rebuild's sort: a 10⁶-patient load sorts 6 × 10⁷ keys; with the default 64 MB the sort spills many runs to disk. */
const INDEX_BUILD_MEMORY = '1GB';

/**
 * Runs a bulk load with every index of `tables` dropped — primary keys and unique ones too — and builds them again
 * afterwards, also when the load fails. PostgreSQL builds an index over 6 × 10⁷ rows by one sort far faster than it
 * updates it row by row in random key order (patient ids are opaque, and every key of the big tables starts with
 * one): at 10⁶ patients the indexes outgrow the buffers, every insert reads and dirties a page of its own, and after
 * each checkpoint the first change to a page writes the whole page to the WAL (docs/benchmarks.md "Loading 10⁶
 * patients"). A key still guards the load: a duplicate makes the rebuild of its primary key or unique index fail, and
 * that error is the load's (the seed stops; the benchmark keeps only a database whose load finished). Inside the
 * demo seed's transaction (subgraph.ts) a failed load has aborted it, so the rebuilds fail too and the rollback, not
 * the rebuild, gives the indexes back. The tables have no foreign keys (docs/drugs.md "Claim items and their
 * integrity"); one that did would have to be dropped first.
 */
export async function withIndexesDeferred<T>(db: Db<Record<string, unknown>>, tables: PgTable[], load: () => Promise<T>): Promise<T> {
  const deferred: DeferredIndex[] = [];
  for (const table of tables) {
    const schema = getTableConfig(table).schema ?? 'public';
    const name = getTableName(table);
    const rows = resultRows<Omit<DeferredIndex, 'schema' | 'table'>>(await db.execute(sql`
      select c.relname as name, con.contype as constraint,
        case when con.oid is null then pg_get_indexdef(i.indexrelid) else pg_get_constraintdef(con.oid) end as definition
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = t.oid and con.contype in ('p', 'u')
      where n.nspname = ${schema} and t.relname = ${name}
      order by i.indisprimary desc, c.relname`));
    for (const row of rows) {
      const target = `${quoteIdent(schema)}.${quoteIdent(name)}`;
      await db.execute(sql.raw(row.constraint ? `alter table ${target} drop constraint ${quoteIdent(row.name)}` : `drop index ${quoteIdent(schema)}.${quoteIdent(row.name)}`));
      deferred.push({ schema, table: name, ...row });
    }
  }
  let result: { value: T } | undefined;
  let loadError: unknown;
  try {
    result = { value: await load() };
  } catch (error) {
    loadError = error;
  }
  // Every index is built again even when one fails (a duplicate key): the first failure is reported, after the load's own.
  let rebuildError: unknown;
  for (const index of deferred) {
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`));
        await tx.execute(sql.raw(index.constraint
          ? `alter table ${quoteIdent(index.schema)}.${quoteIdent(index.table)} add constraint ${quoteIdent(index.name)} ${index.definition}`
          : index.definition));
      });
    } catch (error) {
      rebuildError ??= error;
    }
  }
  if (result === undefined) throw loadError;
  if (rebuildError !== undefined) throw rebuildError;
  return result.value;
}
