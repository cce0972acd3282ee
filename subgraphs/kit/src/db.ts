import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, constants as fsConstants, cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { is, Placeholder, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { pgliteCopy, postgresCopy, type CopyRows } from './bulkCopy';
import { acquireDataDirLock, DataDirInUseError, restrictToOwner, serviceDataDir, countStatement } from '@onshi/platform';

const gzipAsync = promisify(gzip);

export type Db<TSchema extends Record<string, unknown> = Record<string, never>> = PgDatabase<PgQueryResultHKT, TSchema>;

/** The SQLSTATE of a database error, looked up through the causes drizzle wraps driver errors in; undefined when none. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let cause: unknown = error; typeof cause === 'object' && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

const ownConnections = new WeakMap<object, Db<Record<string, unknown>>>();

/**
 * Runs `work` on the process's connection for statements that may wait for a row lock (the access-log append waits
 * for its chain heads, docs/decisions/0008-access-log-group-commit.md): one connection outside the pool, opened on
 * first use, that nothing else is sent to. On the pool, postgres-js sends a statement to a busy connection when every
 * connection is in use (pipelining): reads would then sit behind a statement that waits for a lock they never asked
 * for. (Reserving a pooled connection for each statement was tried: under load a busy connection is given more
 * statements before it is ever idle, and the reservation waited seconds.) The caller runs one statement at a time on
 * it; a second one would wait behind the first. Embedded PGlite has one connection, and runs `work` on `db`.
 */
export function onOwnConnection<TSchema extends Record<string, unknown>, T>(db: Db<TSchema>, work: (db: Db<TSchema>) => Promise<T>): Promise<T> {
  const own = ownConnections.get(db) as Db<TSchema> | undefined;
  return work(own ?? db);
}

/** Whether `executor` is a transaction (or savepoint) rather than the pool: drizzle's own kind check, which holds across copies of the package. */
export function isTransaction(executor: unknown): boolean {
  return is(executor, PgTransaction);
}

export interface DatabaseHandle<TSchema extends Record<string, unknown>> {
  db: Db<TSchema>;
  kind: 'pglite' | 'postgres';
  /** Bulk load with COPY (demo seeds at benchmark scale; bulkCopy.ts). */
  copy: CopyRows;
  /** Cheap liveness probe for /ready: the pool, and the own connection where the service has one. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: records the owner's URL in its lock, so that commands reach it (dataDir.ts). */
  announce?(url: string): void;
  /**
   * Embedded only: a consistent gzip'd tar of the data directory while it serves (docs/operations.md
   * "Backup"). A CHECKPOINT first, then PGlite's dumpDataDir, which runs under PGlite's query lock so no
   * statement runs while the files are read: the snapshot is a clean crash image at a commit boundary.
   */
  backup?(): Promise<Uint8Array>;
  /**
   * Runs `work` while no other process on the same database runs work under the same `name`: replicas of a
   * subgraph started together take turns at migrating, claiming the mode and seeding (docs/operations.md
   * "Replicated start"). A PostgreSQL session advisory lock; embedded PGlite has one owner per directory anyway.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
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
  /**
   * The service runs statements that may wait for a row lock on a connection of its own (`onOwnConnection`): consent's
   * grouped access-log statement. Without it `onOwnConnection` runs on the pool. With it `ping` (/ready) asks that
   * connection too: a service whose every decision would be refused is not ready.
   */
  ownConnection?: boolean;
}

/** A postgres-js client, or the client of one of its transactions or savepoints. */
type PostgresClient = postgres.Sql & { savepoint?: postgres.TransactionSql['savepoint'] };

/**
 * Makes every statement drizzle sends through `client` a named prepared statement (docs/benchmarks.md "The decision
 * read's plan"). drizzle sends its queries unnamed (postgres-js `unsafe(…, { prepare: false })`), so PostgreSQL parsed
 * and planned each one on every call: for the hot statements planning took longer than executing (the decision read
 * 1.3–1.7 ms of planning for 0.4 ms of work). Prepared, a connection parses a statement once and PostgreSQL keeps its
 * plan (a generic one once it is no worse than the custom plans). postgres-js keeps a connection's statements until
 * the connection ends (max_lifetime: 30–60 minutes), and our statement texts are a bounded set (values are always
 * parameters), so the cache stays small. Transactions and savepoints get their own client: wrapped as well.
 */
function preparingEveryStatement<T extends PostgresClient>(client: T): T {
  const unsafe = client.unsafe.bind(client);
  const prepared: typeof client.unsafe = (query, parameters, queryOptions) => unsafe(query, parameters, { ...queryOptions, prepare: true });
  const inScope = <F extends (...args: never[]) => unknown>(open: F): F => ((...args: unknown[]) => {
    const work = args.pop() as (scoped: PostgresClient) => unknown;
    return (open as unknown as (...a: unknown[]) => unknown)(...args, (scoped: PostgresClient) => work(preparingEveryStatement(scoped)));
  }) as unknown as F;
  return Object.assign(client, {
    unsafe: prepared,
    ...(typeof client.begin === 'function' ? { begin: inScope(client.begin.bind(client)) } : {}),
    ...(typeof client.savepoint === 'function' ? { savepoint: inScope(client.savepoint.bind(client)) } : {}),
  });
}

/**
 * Opens the subgraph's own database and applies its committed drizzle-kit migrations.
 * Embedded PGlite by default (one data dir per subgraph), PostgreSQL when DATABASE_URL is set, with
 * every table in a schema named after the subgraph so that subgraphs never share tables (ADR 0003/0004).
 * Every statement is counted per request (requestContext) for the batching tests and the benchmark.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(options: OpenDatabaseOptions<TSchema>): Promise<DatabaseHandle<TSchema>> {
  const logger = { logQuery: () => countStatement() };
  const migrationConfig = migrationConfigFor(options.service, options.migrationsFolder);
  if (options.databaseUrl) {
    const databaseUrl = options.databaseUrl;
    const client = postgres(databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => undefined,
      connect_timeout: 5,
      connection: { application_name: `onshi-${options.service}` },
    });
    await client`select 1`;
    const db = drizzlePostgres({ client: preparingEveryStatement(client), schema: options.schema, logger });
    // onOwnConnection's: postgres-js opens it at its first statement, and again after a lost connection.
    const ownClient = options.ownConnection ? postgres(databaseUrl, { max: 1, onnotice: () => undefined, connect_timeout: 5, connection: { application_name: `onshi-${options.service}-own` } }) : undefined;
    if (ownClient) ownConnections.set(db, drizzlePostgres({ client: preparingEveryStatement(ownClient), schema: options.schema, logger }) as unknown as Db<Record<string, unknown>>);
    const exclusive = <T>(name: string, work: () => Promise<T>) => underAdvisoryLock(databaseUrl, `onshi:${options.service}:${name}`, work);
    // drizzle's migrator is not safe against itself: two replicas would both see a migration as missing and both run it.
    await exclusive('migrate', () => migratePostgres(db, migrationConfig));
    const ping = async () => {
      await client`select 1`;
      if (ownClient) await ownClient`select 1`;
    };
    return { db, kind: 'postgres', copy: postgresCopy(client), ping, close: async () => void (await Promise.all([client.end({ timeout: 5 }), ownClient?.end({ timeout: 5 })])), exclusive };
  }
  return openEmbedded(options, logger, migrationConfig);
}

/** Where a subgraph's applied migrations are recorded: in its own schema (ADR 0004). */
function migrationConfigFor(service: string, migrationsFolder: string) {
  return { migrationsFolder, migrationsSchema: service, migrationsTable: '__drizzle_migrations' };
}

/**
 * A throwaway in-memory PGlite with the committed migrations of the given subgraphs applied exactly as
 * openDatabase applies them, for tests that read the real schema from the catalog (the distribution-key rules,
 * docs/scaling.md) instead of parsing SQL. `extraSql` runs afterwards (a test's hypothetical next migration).
 */
export async function migratedScratchDatabase(subgraphs: { service: string; migrationsFolder: string }[]): Promise<{
  query<T>(text: string): Promise<T[]>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}> {
  const client = new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client });
  for (const subgraph of subgraphs) await migratePglite(db, migrationConfigFor(subgraph.service, subgraph.migrationsFolder));
  return {
    query: async <T>(text: string) => (await client.query<T>(text)).rows,
    exec: async (text: string) => void (await client.exec(text)),
    close: () => client.close(),
  };
}

/**
 * Holds a PostgreSQL session advisory lock while `work` runs on the pool; a second process asking for the same
 * key waits in pg_advisory_lock until the first unlocks (or its session ends, when it dies: a crash cannot leave
 * the lock behind). The lock has its own connection, not one of the pool's: with a pool of one (the operator
 * commands) the work would otherwise wait for the connection the lock holds.
 */
async function underAdvisoryLock<T>(databaseUrl: string, key: string, work: () => Promise<T>): Promise<T> {
  const session = postgres(databaseUrl, { max: 1, onnotice: () => undefined, connect_timeout: 5, connection: { application_name: 'onshi-startup-lock' } });
  try {
    await session`select pg_advisory_lock(hashtext(${key}))`;
    try {
      return await work();
    } finally {
      await session`select pg_advisory_unlock(hashtext(${key}))`;
    }
  } finally {
    await session.end({ timeout: 5 });
  }
}

/** The embedded PGlite database of a subgraph, owned by this process for as long as it is open. */
export function embeddedDatabaseDir(dataDir: string, service: string): string {
  return path.join(serviceDataDir(dataDir, service), 'pg');
}

/**
 * An embedded directory that exists but cannot be opened (a damaged directory makes the WASM build
 * abort): says which subgraph, where, and what to do instead of "Aborted()".
 */
export class EmbeddedDatabaseError extends Error {
  constructor(readonly service: string, readonly dir: string, cause: unknown) {
    const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
    super(`the ${service} database in ${dir} cannot be opened (${reason}). Stop the system, then restore the last backup `
      + `(npx -y pnpm@10 restore <backup-dir>) or move the directory aside to start ${service} empty: docs/operations.md "Recovery"`, { cause });
    this.name = 'EmbeddedDatabaseError';
  }
}

/**
 * How a subgraph's PGlite is opened: relaxedDurability stays off, so with NodeFS every write reaches the OS before a
 * statement returns (docs/operations.md "Stopping, crashes and durability" says what that does and does not cover).
 * Also what an empty cluster (below) is initialised with, so that a copy of it is what a first open would have made.
 */
const EMBEDDED_OPTIONS = { relaxedDurability: false } as const;

const execFileAsync = promisify(execFile);

/**
 * A closed, empty PGlite cluster (PGlite's initdb, nothing else: no schema, no rows) cached under `cacheRoot`, for the
 * test harness to copy into a fresh data dir before the subgraphs start (docs/architecture.md "System tests: the
 * empty cluster"). initdb is 5–7 s of CPU per subgraph and its output depends only on PGlite's build and the options
 * above, which name the cache entry. It is made in a private directory, closed, then renamed into place: a directory
 * under its final name is always complete and never open, and two workers making it at once keep one of the two.
 */
export async function emptyEmbeddedCluster(cacheRoot: string): Promise<string> {
  const build = createHash('sha256').update(require.resolve('@electric-sql/pglite')).update(JSON.stringify(EMBEDDED_OPTIONS)).digest('hex').slice(0, 16);
  const target = path.join(cacheRoot, `pglite-${build}`);
  if (existsSync(path.join(target, 'PG_VERSION'))) return target;
  mkdirSync(cacheRoot, { recursive: true, mode: 0o700 });
  const making = path.join(cacheRoot, `making-${build}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // initdb runs in a plain Node child: PGlite loads its WebAssembly by dynamic import, which a Jest worker's VM
    // refuses without --experimental-vm-modules, and a test harness is where this is called.
    const pglite = require.resolve('@electric-sql/pglite');
    const initdb = `const { PGlite } = require(process.argv[1]);
      (async () => { const client = new PGlite(process.argv[2], JSON.parse(process.argv[3])); await client.waitReady; await client.close(); })()
        .catch((error) => { console.error(error); process.exit(1); });`;
    await execFileAsync(process.execPath, ['-e', initdb, pglite, making, JSON.stringify(EMBEDDED_OPTIONS)], { timeout: 300_000 });
    try {
      renameSync(making, target);
    } catch (error) {
      // Another worker renamed its copy first (the target is a non-empty directory now): use that one.
      if (!existsSync(path.join(target, 'PG_VERSION'))) throw error;
    }
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
  return target;
}

/** Puts a copy of a closed empty cluster (emptyEmbeddedCluster) where `service` will open its database in `dataDir`. */
export function copyEmptyCluster(cluster: string, dataDir: string, service: string): void {
  const dir = embeddedDatabaseDir(dataDir, service);
  if (existsSync(dir)) throw new Error(`${dir} exists: an empty cluster goes into a fresh data dir only`);
  mkdirSync(serviceDataDir(dataDir, service), { recursive: true, mode: 0o700 });
  cpSync(cluster, dir, { recursive: true, mode: fsConstants.COPYFILE_FICLONE });
}

async function openEmbedded<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
  logger: { logQuery: () => void },
  migrationConfig: { migrationsFolder: string; migrationsSchema: string; migrationsTable: string },
): Promise<DatabaseHandle<TSchema>> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(options.dataDir, 0o700);
  // One owner per directory (dataDir.ts): throws DataDirInUseError before a single file is touched.
  const lock = acquireDataDirLock(options.dataDir, options.service);
  const dir = embeddedDatabaseDir(options.dataDir, options.service);
  let client: PGlite | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // EMBEDDED_OPTIONS: relaxedDurability stays off. An existing cluster (a copied empty one too) is opened, an empty dir initialised.
    client = new PGlite(dir, EMBEDDED_OPTIONS);
    await client.waitReady;
  } catch (error) {
    await client?.close().catch(() => undefined);
    lock.release();
    throw new EmbeddedDatabaseError(options.service, dir, error);
  }
  const db = drizzlePglite({ client, schema: options.schema, logger });
  try {
    await migratePglite(db, migrationConfig);
    restrictToOwner(serviceDataDir(options.dataDir, options.service));
  } catch (error) {
    await client.close().catch(() => undefined);
    lock.release();
    throw error;
  }
  const pglite = client;
  return {
    db,
    kind: 'pglite',
    copy: pgliteCopy(pglite),
    ping: async () => void (await db.execute(sql`select 1`)),
    close: async () => {
      try {
        await pglite.close();
      } finally {
        lock.release();
      }
    },
    announce: (url) => lock.announce(url),
    exclusive: (_name, work) => work(),
    backup: async () => {
      await pglite.exec('checkpoint');
      return gzipTar(await pglite.dumpDataDir('none'));
    },
  };
}

/**
 * PGlite reads the files under its query lock, so no statement runs meanwhile; compressing inside that lock
 * (dumpDataDir('gzip')) would hold every request of the service for the whole compression. The tar is taken
 * plain and compressed afterwards on libuv's thread pool.
 */
async function gzipTar(tar: Blob): Promise<Uint8Array> {
  return new Uint8Array(await gzipAsync(new Uint8Array(await tar.arrayBuffer())));
}

/**
 * A gzip'd tar of a stopped subgraph's embedded directory (the backup command when the system is
 * stopped): taken under the directory's lock, as the running service would (DatabaseHandle.backup).
 * Undefined when the subgraph has no directory yet.
 */
export async function dumpEmbeddedDatabase(dataDir: string, service: string): Promise<Uint8Array | undefined> {
  const dir = embeddedDatabaseDir(dataDir, service);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) return undefined;
  const lock = acquireDataDirLock(dataDir, service);
  try {
    let client: PGlite;
    try {
      client = new PGlite(dir);
      await client.waitReady;
    } catch (error) {
      throw new EmbeddedDatabaseError(service, dir, error);
    }
    try {
      await client.exec('checkpoint');
      return await gzipTar(await client.dumpDataDir('none'));
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

/**
 * Replaces a stopped subgraph's embedded directory with a backup (PGlite's loadDataDir), holding its lock.
 * The directory it replaces is moved into `asideDir`, never deleted (nothing is lost by a wrong restore);
 * the restored copy is opened once before the lock is released, so a bad tarball fails here, not at start.
 */
export async function restoreEmbeddedDatabase(dataDir: string, service: string, tarball: Uint8Array, asideDir: string): Promise<void> {
  const lock = acquireDataDirLock(dataDir, service);
  try {
    const dir = embeddedDatabaseDir(dataDir, service);
    if (existsSync(dir)) {
      mkdirSync(asideDir, { recursive: true, mode: 0o700 });
      renameSync(dir, path.join(asideDir, path.basename(dir)));
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const client = new PGlite(dir, { loadDataDir: new Blob([tarball], { type: 'application/x-gzip' }) });
    try {
      await client.waitReady;
      await client.query('select 1');
    } finally {
      await client.close();
    }
    restrictToOwner(serviceDataDir(dataDir, service));
  } finally {
    lock.release();
  }
}

/** Describes a connection failure in one line without leaking credentials. */
export function describeDatabaseError(error: unknown, databaseUrl?: string): string {
  if (error instanceof DataDirInUseError || error instanceof EmbeddedDatabaseError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const target = databaseUrl ? new URL(databaseUrl).host : 'embedded PGlite';
  return `cannot open database (${target}): ${message.split('\n')[0]}`;
}

/**
 * A drizzle prepared query (`.prepare(name)` with `sql.placeholder`s) built once per database handle, on its first
 * use: a statement on a hot path skips drizzle's query building, which runs on every call of an unprepared query
 * (docs/benchmarks.md "Prepared queries, 2026-12-03"). It fits preparingEveryStatement above: drizzle's postgres-js driver sends
 * no name, only `prepare: true` (which that wrapper sets for every statement anyway), so postgres-js prepares the text
 * once per connection as it does any other statement; PGlite sends the text as before. The query runs on the handle
 * it was built on, never inside a transaction: statements of a transaction stay unprepared drizzle queries.
 */
export function preparedPerDatabase<TDb extends object, TQuery>(build: (db: TDb) => TQuery): (db: TDb) => TQuery {
  const built = new WeakMap<TDb, TQuery>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

/** drizzle's `execute` answers with the rows (postgres-js) or with `{ rows }` (PGlite). */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * `column IN (the values)` with the values as one JSON parameter, for the batch reads whose lists run to thousands
 * (a claim batch's patients: consent's known-patient check, qualifications' coverage read). drizzle's `inArray` builds
 * one bind parameter per value, ~6 ms of CPU for 2,000 of them, and PostgreSQL then parses and plans as many; this is
 * one parameter, and the plan stays an index probe per distinct value (docs/benchmarks.md "Claim re-routing").
 */
export function inJsonList(column: AnyColumn, values: readonly string[] | Placeholder): SQL {
  if (!(values instanceof Placeholder)) return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
  // A prepared query's list (kit preparedPerDatabase), given as `JSON.stringify(values)` when it runs. As a semi-join
  // the planner may start from the query's other condition instead: a facility's every confirmation, ~50,000 rows at
  // 10⁴ patients, read for one person (docs/benchmarks.md "One decision call for a staff caller's query, and the
  // screens' reads prepared, 2026-12-05"). As `= any(array(…))` the list is computed first, once, and each id is an
  // index probe.
  return sql`${column} = any(array(select jsonb_array_elements_text(${values}::jsonb)))`;
}
