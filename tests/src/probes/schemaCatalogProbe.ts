/**
 * Applies every committed migration of the subgraphs named on the command line to an in-memory PGlite and reads the
 * catalog the distribution-key rules read, then runs the SQL on stdin (a test's hypothetical next migration) and reads
 * it again; prints both
 * (tests/src/distribution-keys.test.ts, docs/scaling.md). Its own process: PGlite's WASM does not load in Jest's VM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migratedScratchDatabase } from '../../../subgraphs/kit/src/db';

export interface Catalog {
  tables: string[];
  columns: { table: string; column: string; nullable: boolean; sequence: boolean }[];
  uniques: { table: string; name: string; columns: string[] }[];
  foreignKeys: { table: string; name: string; columns: string[]; target: string; targetColumns: string[] }[];
}

type Scratch = Awaited<ReturnType<typeof migratedScratchDatabase>>;

async function readCatalog(db: Scratch, subgraphs: string[]): Promise<Catalog> {
  const schemas = subgraphs.map((s) => `'${s}'`).join(',');
  const tables = await db.query<{ t: string }>(`
    select n.nspname || '.' || c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname in (${schemas}) and c.relname <> '__drizzle_migrations' order by 1`);
  const columns = await db.query<{ t: string; c: string; nullable: boolean; sequence: boolean }>(`
    select table_schema || '.' || table_name as t, column_name as c, is_nullable = 'YES' as nullable,
           (is_identity = 'YES' or coalesce(column_default, '') like 'nextval(%') as sequence
    from information_schema.columns where table_schema in (${schemas})`);
  // Every unique index, the primary key's included: Citus requires each to contain the distribution column.
  const uniques = await db.query<{ t: string; name: string; cols: string[] }>(`
    select n.nspname || '.' || t.relname as t, i.relname as name,
           array(select a.attname from unnest(x.indkey) with ordinality k(attnum, ord) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord)::text[] as cols
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
    where x.indisunique and n.nspname in (${schemas})`);
  const foreignKeys = await db.query<{ t: string; name: string; cols: string[]; target: string; tcols: string[] }>(`
    select n.nspname || '.' || t.relname as t, con.conname as name, rn.nspname || '.' || r.relname as target,
           array(select a.attname from unnest(con.conkey) with ordinality k(attnum, ord) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord)::text[] as cols,
           array(select a.attname from unnest(con.confkey) with ordinality k(attnum, ord) join pg_attribute a on a.attrelid = r.oid and a.attnum = k.attnum order by k.ord)::text[] as tcols
    from pg_constraint con join pg_class t on t.oid = con.conrelid join pg_namespace n on n.oid = t.relnamespace
    join pg_class r on r.oid = con.confrelid join pg_namespace rn on rn.oid = r.relnamespace
    where con.contype = 'f' and n.nspname in (${schemas})`);
  return {
    tables: tables.map((r) => r.t),
    columns: columns.map((r) => ({ table: r.t, column: r.c, nullable: r.nullable, sequence: r.sequence })),
    uniques: uniques.filter((u) => tables.some((x) => x.t === u.t)).map((r) => ({ table: r.t, name: r.name, columns: r.cols })),
    foreignKeys: foreignKeys.map((r) => ({ table: r.t, name: r.name, columns: r.cols, target: r.target, targetColumns: r.tcols })),
  };
}

async function main(): Promise<void> {
  const subgraphs = process.argv.slice(2);
  const db = await migratedScratchDatabase(subgraphs.map((service) => ({ service, migrationsFolder: path.join(__dirname, '../../../subgraphs', service, 'drizzle') })));
  try {
    const committed = await readCatalog(db, subgraphs);
    const extraSql = readFileSync(0, 'utf8');
    if (extraSql.trim()) await db.exec(extraSql);
    const next = extraSql.trim() ? await readCatalog(db, subgraphs) : undefined;
    process.stdout.write(JSON.stringify({ committed, next }));
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
