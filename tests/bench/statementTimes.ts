import postgres from 'postgres';

/** One statement's share of PostgreSQL's time during a measured run, per request the run answered. */
export interface StatementTime {
  /** The normalised statement as pg_stat_statements shows it ($1… for its parameters), cut to 240 characters. */
  query: string;
  callsPerRequest: number;
  /** Execution time per request, ms (wall time inside the executor: on a busy machine it includes waiting for a core). */
  execMsPerRequest: number;
  planMsPerRequest: number;
  rowsPerCall: number;
  /**
   * Blocks of 8 KiB the statement found outside PostgreSQL's shared buffers, per request (`shared_blks_read`: from the
   * operating system's page cache or the disk), and those it found in them (`shared_blks_hit`). At 10⁶ patients the
   * database is larger than the machine's memory: the reads say which statement pays for that.
   */
  blocksReadPerRequest?: number;
  blocksHitPerRequest?: number;
}

export interface StatementTimes {
  /** Forgets what the database's statements cost so far (pg_stat_statements_reset for that database only). */
  reset(databaseName: string): Promise<void>;
  /** The statements of that database since its reset, most expensive first, per request. */
  read(databaseName: string, requests: number, top?: number): Promise<StatementTime[]>;
  close(): Promise<void>;
}

/**
 * PostgreSQL's time per statement during each measured run, from `pg_stat_statements`: the statement counts per
 * request say how many round trips a scenario makes, not which of them costs (docs/benchmarks.md, "PostgreSQL's time
 * per statement"). The module must be preloaded (`shared_preload_libraries = 'pg_stat_statements'`, a server
 * restart): without it, or without the right to create the extension, this answers undefined and the run goes on
 * without the attribution.
 */
export async function openStatementTimes(serverUrl: string, log: (line: string) => void): Promise<StatementTimes | undefined> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    await sql`create extension if not exists pg_stat_statements`;
    await sql`select 1 from pg_stat_statements limit 1`;
  } catch (error) {
    log(`PostgreSQL's time per statement not measured: ${error instanceof Error ? error.message : String(error)} (docs/benchmarks.md, "PostgreSQL's time per statement")`);
    await sql.end();
    return undefined;
  }
  return {
    async reset(databaseName) {
      await sql`select pg_stat_statements_reset(0, (select oid from pg_database where datname = ${databaseName}), 0)`;
    },
    async read(databaseName, requests, top = 8) {
      const rows = await sql<Array<{ query: string; calls: string; exec_ms: number; plan_ms: number; rows: string; blocks_read: string; blocks_hit: string }>>`
        select s.query, s.calls::text, s.total_exec_time as exec_ms, s.total_plan_time as plan_ms, s.rows::text,
          s.shared_blks_read::text as blocks_read, s.shared_blks_hit::text as blocks_hit
        from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where d.datname = ${databaseName} and s.calls > 0
        order by s.total_exec_time + s.total_plan_time desc limit ${top}`;
      const per = Math.max(1, requests);
      return rows.map((row) => ({
        query: row.query.replace(/\s+/g, ' ').trim().slice(0, 240),
        callsPerRequest: Number(row.calls) / per,
        execMsPerRequest: row.exec_ms / per,
        planMsPerRequest: row.plan_ms / per,
        rowsPerCall: Number(row.rows) / Math.max(1, Number(row.calls)),
        blocksReadPerRequest: Number(row.blocks_read) / per,
        blocksHitPerRequest: Number(row.blocks_hit) / per,
      }));
    },
    async close() {
      await sql.end();
    },
  };
}
