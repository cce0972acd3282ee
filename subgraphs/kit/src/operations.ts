// Operator commands (audit:verify, backup, the drugs jobs) on a live installation go through the service
// that owns the database, never around it (docs/operations.md "Commands on a running system").
// The service side: `POST /internal/operations/<name>`, authenticated with the internal secret — a file
// only the installation's OS user can read (.data/internal-secret, 0600) — and logged. The command side:
// reach the running owner when there is one (its URL is in the data directory's lock), else open the
// database directly, holding the lock.
import { DataDirInUseError, liveDataDirOwner, readInternalSecret, requestIdOf, sendJson, type RouteHandler, type Logger, INTERNAL_SECRET_HEADER, isInternalSecret, OPERATIONS_PATH } from '@onshi/platform';
import type { DatabaseHandle, Db } from './db';

/** The built-in operation of every subgraph: a gzip'd tar of its embedded data directory. */
export const BACKUP_OPERATION = 'backup';

/** One operator command, defined once and run either by the owning service or by the command itself. */
export type Operation<TTables extends Record<string, unknown> = Record<string, unknown>> = (db: Db<TTables>, input: unknown) => Promise<OperationResult>;
export interface OperationResult {
  /** JSON-serialisable result, printed by the command. */
  result: unknown;
  /** The command's exit code (e.g. 1 for a broken chain, 2 for a rejected batch). */
  exitCode: number;
}

/** The command's input did not fit: a 400 from the service, exit 64 (EX_USAGE) from the command. */
export class OperationInputError extends Error {}

/** The routes of a subgraph's operations (every one internal-only and logged), plus the built-in backup. */
export function operationRoutes<TTables extends Record<string, unknown>>(options: {
  internalSecret: string;
  logger: Logger;
  database: DatabaseHandle<TTables>;
  operations: Record<string, Operation<TTables>>;
}): Record<string, RouteHandler> {
  const { logger, database } = options;
  const guarded = (name: string, handler: RouteHandler): RouteHandler => async (req, res, body) => {
    const requestId = requestIdOf(req);
    if (!isInternalSecret(req.headers[INTERNAL_SECRET_HEADER], options.internalSecret)) {
      logger.warn({ operation: name, requestId, remote: req.socket.remoteAddress }, 'operator command refused: no internal secret');
      return sendJson(res, 401, { error: 'internal callers only' });
    }
    const started = Date.now();
    // warn, not info: an operator's command on a live system belongs in the log at the launcher's level.
    logger.warn({ operation: name, requestId }, 'operator command started');
    try {
      await handler(req, res, body);
      logger.warn({ operation: name, requestId, ms: Date.now() - started, status: res.statusCode }, 'operator command finished');
    } catch (error) {
      logger.error({ operation: name, requestId, err: error }, 'operator command failed');
      if (!res.headersSent) sendJson(res, 500, { error: `${name} failed` });
    }
  };
  const routes: Record<string, RouteHandler> = {
    [`POST ${OPERATIONS_PATH}/${BACKUP_OPERATION}`]: guarded(BACKUP_OPERATION, async (_req, res) => {
      if (!database.backup) return sendJson(res, 409, { error: 'not an embedded database: back up PostgreSQL with pg_dump (docs/operations.md)' });
      const tarball = await database.backup();
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': tarball.byteLength });
      res.end(tarball);
    }),
  };
  for (const [name, operation] of Object.entries(options.operations)) {
    routes[`POST ${OPERATIONS_PATH}/${name}`] = guarded(name, async (_req, res, body) => {
      let input: unknown;
      try {
        input = body.length > 0 ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { error: 'body is not JSON' });
      }
      try {
        sendJson(res, 200, await operation(database.db, input));
      } catch (error) {
        if (error instanceof OperationInputError) return sendJson(res, 400, { error: error.message });
        throw error;
      }
    });
  }
  return routes;
}

export interface OperationTarget<TTables extends Record<string, unknown>> {
  service: string;
  dataDir: string;
  databaseUrl?: string;
  /** Opens the subgraph's database in this process (the system is stopped, or it is PostgreSQL). */
  open(): Promise<DatabaseHandle<TTables>>;
}

export interface OperationOutcome extends OperationResult {
  /** Where it ran: through the running service (its URL), or on a database this command opened. */
  via: string;
}

/** POSTs to a running service's operation; the raw answer, for results that are not JSON (backup). */
export async function callServiceOperation(url: string, name: string, secret: string, body: unknown = {}): Promise<Response> {
  return postServiceOperationJson(url, name, secret, JSON.stringify(body));
}

/** As callServiceOperation, with the body already serialised (a benchmark prepares its requests before the clock). */
export async function postServiceOperationJson(url: string, name: string, secret: string, json: string): Promise<Response> {
  return fetch(`${url}${OPERATIONS_PATH}/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: secret },
    body: json,
  });
}

/**
 * Runs an operation where it is safe: through the live owner of the embedded directory (never a second
 * opener, dataDir.ts), else on a database opened here — PostgreSQL serves any number of processes, and
 * an embedded directory nobody owns is locked by `open()` for as long as the command runs.
 */
export async function runOperation<TTables extends Record<string, unknown>>(target: OperationTarget<TTables>, name: string, operation: Operation<TTables>, input: unknown = {}): Promise<OperationOutcome> {
  if (!target.databaseUrl) {
    const owner = liveDataDirOwner(target.dataDir, target.service);
    if (owner) {
      if (!owner.url) throw new DataDirInUseError(owner); // still starting: nothing to call yet
      const response = await callServiceOperation(owner.url, name, readInternalSecret(target.dataDir), input);
      const text = await response.text();
      if (response.status === 400) throw new OperationInputError(errorOf(text));
      if (!response.ok) throw new Error(`${target.service} at ${owner.url} answered ${response.status}: ${errorOf(text)}`);
      return { ...(JSON.parse(text) as OperationResult), via: `${target.service} service at ${owner.url} (pid ${owner.pid})` };
    }
  }
  const database = await target.open();
  try {
    return { ...(await operation(database.db, input)), via: target.databaseUrl ? 'PostgreSQL' : `${target.service} database opened directly (system stopped)` };
  } finally {
    await database.close();
  }
}

function errorOf(text: string): string {
  try {
    return String((JSON.parse(text) as { error?: unknown }).error ?? text);
  } catch {
    return text.slice(0, 200);
  }
}

/** Exit code of a command for an error: 75 when the directory is busy, 64 for bad input, else 1. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof DataDirInUseError) return error.exitCode;
  if (error instanceof OperationInputError) return 64;
  return 1;
}
