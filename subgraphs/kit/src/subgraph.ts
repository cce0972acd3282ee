import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { JWTVerifyGetKey } from 'jose';
import { DEFAULT_PORTS, type SubgraphName, bearerToken, createTokenVerifier, exitWithReason, loadConfigOrExit, serviceConfigSchema, type ServiceConfig, type BaseContext, DataDirInUseError, createErrorMasker, unauthenticatedGraphQLError, announceReady, clientAddressOf, serveHttp, type RouteHandler, type RunningService, type StreamRouteHandler, createLogger, type Logger, requestLogPlugin, type Actor, createDecisionClient, PREDECISIONS_HEADER, verifyPredecisions, ASK_ALONG_HEADER, verifyAskAlong, ConsentRevocationList, openSharedState, type RevocationList, type SharedState } from '@onshi/platform';
import { describeDatabaseError, openDatabase, type DatabaseHandle, type Db } from './db';
import { copyWith, type CopyRows } from './bulkCopy';
import type { IncomingMessage } from 'node:http';
import { claimDatabaseMode, ModeMismatchError } from './mode';
import { operationRoutes, type Operation } from './operations';
import { schemaGuardPlugin } from './schemaGuard';
import { createClock, type Clock } from './clock';
import { endedTokenPlugin, TokenLiveness, withLiveness } from './tokenLiveness';
import { askAlongPlugin, withAskedAlong } from './askAlong';

/**
 * The demo world's settings (DEMO_SEED, DEMO_PATIENTS, and the day histories run up to): the seeds generate their
 * share of the world from them with the demo package (docs/architecture.md "The demo package").
 */
export interface DemoOptions {
  seed: string;
  patients: number;
  /** The demo's "today" (YYYY-MM-DD): histories run up to it. */
  asOf: string;
}

export interface SubgraphDeps<TTables extends Record<string, unknown>> {
  db: Db<TTables>;
  /** COPY into the subgraph's tables (bulkCopy.ts): demo seeds of up to 10⁶ patients. */
  copy: CopyRows;
  config: ServiceConfig;
  logger: Logger;
  demo: DemoOptions;
  /** Now and today in Japan, read per call (clock.ts): pinned by DEMO_AS_OF, else the real time. */
  clock: Clock;
  /** Counters and the token revocation list, shared by the replicas when REDIS_URL is set (sharedState.ts). */
  shared: SharedState;
}

/** Everything a subgraph declares; the kit does the rest (config, db, auth, HTTP, shutdown). */
export interface SubgraphDefinition<TTables extends Record<string, unknown>, TContext extends BaseContext> {
  name: SubgraphName;
  tables: TTables;
  migrationsFolder: string;
  buildSchema(): Promise<GraphQLSchema>;
  createContext(base: BaseContext, deps: SubgraphDeps<TTables>): TContext;
  /** Runs once after migrations (and the demo seed), before the first request: load keys, warm caches. */
  prepare?(deps: SubgraphDeps<TTables>): Promise<void>;
  /** Fills the subgraph's own tables from the demo world when they are empty (DEMO_MODE). */
  seedDemo?(deps: SubgraphDeps<TTables>): Promise<void>;
  routes?(deps: SubgraphDeps<TTables>): Record<string, RouteHandler>;
  /**
   * Routes that read their body as a stream (uploads larger than the GraphQL body limit). `authenticate` is the very
   * check of a GraphQL request's bearer token, so such a route admits exactly the callers GraphQL would.
   */
  streamRoutes?(deps: SubgraphDeps<TTables>, authenticate: RequestAuthenticator): Record<string, StreamRouteHandler>;
  /** Operator commands served at /internal/operations/<name> (operations.ts); `backup` is built in. */
  operations?(deps: SubgraphDeps<TTables>): Record<string, Operation<TTables>>;
  /** The token-signing subgraph verifies with its own keys instead of fetching its JWKS over HTTP. */
  tokenKeys?(): JWTVerifyGetKey;
  /** The subgraph that ends sessions keeps the revocation list itself when there is no Redis; the others ask it. */
  endsSessions?: boolean;
  /**
   * Its queries write (consent logs its own decisions and the refusals of operator reads, and records disaster
   * searches), so a request with a token is asked the ended-token question before any operation runs (tokenLiveness.ts).
   */
  queriesWrite?: boolean;
  /** It runs statements that wait for row locks on a connection of its own (kit db.ts `onOwnConnection`); /ready checks it. */
  ownConnection?: boolean;
  /** Without Redis: where the subgraph that ends sessions keeps its revocation list, so it outlives a restart (default: memory). */
  sessionRevocations?(db: Db<TTables>): RevocationList;
}

/**
 * The caller of a request from its bearer token: null without a token; a token that does not verify, or has been
 * ended, throws UnauthenticatedError. It guards the stream routes; the GraphQL context verifies the same token and
 * leaves the ended-token question to its decision calls or the check before the answer (tokenLiveness.ts).
 */
export type RequestAuthenticator = (req: IncomingMessage) => Promise<Actor | null>;

export interface RunningSubgraph extends RunningService {
  database: DatabaseHandle<Record<string, unknown>>;
}

export async function startSubgraph<TTables extends Record<string, unknown>, TContext extends BaseContext>(
  definition: SubgraphDefinition<TTables, TContext>,
  env: Record<string, string | undefined> = process.env,
): Promise<RunningSubgraph> {
  const service = `onshi-${definition.name}`;
  const config = loadConfigOrExit(service, serviceConfigSchema, { PORT: String(DEFAULT_PORTS[definition.name]), ...env });
  const logger = createLogger(service, config.LOG_LEVEL);
  let database: DatabaseHandle<TTables>;
  try {
    database = await openDatabase({ service: definition.name, databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, migrationsFolder: definition.migrationsFolder, schema: definition.tables, ownConnection: definition.ownConnection });
  } catch (error) {
    return exitWithReason(`${service}: ${describeDatabaseError(error, config.DATABASE_URL)}`, error instanceof DataDirInUseError ? error.exitCode : 1);
  }
  const clock = createClock(config.DEMO_AS_OF);
  const demo: DemoOptions = { seed: config.DEMO_SEED, patients: config.DEMO_PATIENTS, asOf: clock.today() };
  const localRevocations = definition.endsSessions ? definition.sessionRevocations?.(database.db) : new ConsentRevocationList(config.CONSENT_URL, config.INTERNAL_SECRET);
  const shared = openSharedState({ ...config, localRevocations });
  const deps: SubgraphDeps<TTables> = { db: database.db, copy: database.copy, config, logger, demo, clock, shared };
  // Replicas sharing one database take turns here: the first claims the mode and seeds, the next find it done
  // (seeds fill only empty tables) and only load their keys and caches.
  const ready = await database.exclusive('start', async () => {
    try {
      await claimDatabaseMode(database.db as Db<Record<string, unknown>>, definition.name, definition.tables, config.DEMO_MODE ? 'demo' : 'production');
    } catch (error) {
      if (!(error instanceof ModeMismatchError)) throw error;
      return error;
    }
    if (config.DEMO_MODE && definition.seedDemo) {
      const started = Date.now();
      // One transaction, COPY included (bulkCopy.ts copyWith): a first start stopped during its load (a load of 10⁵–10⁶
      // patients takes minutes) leaves the tables as they were, empty and with every key, so the next start seeds them
      // again. Committed piece by piece, it left a part of the world that the next start took for a finished seed (the
      // seeds fill only empty tables), and at benchmark scale tables without the keys the load had deferred.
      const seedDemo = definition.seedDemo;
      await database.db.transaction((tx) => seedDemo({ ...deps, db: tx as unknown as Db<TTables>, copy: copyWith(tx as unknown as Db<Record<string, unknown>>) }));
      logger.info({ ms: Date.now() - started, patients: demo.patients }, 'demo data ready');
    }
    await definition.prepare?.(deps);
    return undefined;
  });
  if (ready instanceof ModeMismatchError) {
    await shared.close();
    await database.close();
    return exitWithReason(`${service}: ${ready.message}`, 78);
  }
  const schema = await definition.buildSchema();
  const verifyToken = createTokenVerifier(definition.tokenKeys?.() ?? config.CONSENT_URL, shared.revocations);
  const authenticate: RequestAuthenticator = async (req) => {
    const token = bearerToken(req.headers.authorization);
    return token ? verifyToken(token) : null;
  };
  const apollo = new ApolloServer<TContext>({
    schema,
    // No cache hints: health data is never cacheable and the gateway already answers every client with
    // `cache-control: no-store` (a subgraph answer without the header restricts its policy to max-age 0), while
    // Apollo's implicit cache-control plugin runs a willResolveField hook on every field of every answer
    // (docs/benchmarks.md, "Cache hints off in the subgraphs").
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled(), endedTokenPlugin<TContext>(definition.queriesWrite === true), askAlongPlugin<TContext>(config.INTERNAL_SECRET), requestLogPlugin<TContext>(logger), ...(config.DEMO_MODE ? [] : [schemaGuardPlugin<TContext>(config.INTERNAL_SECRET)])],
    formatError: createErrorMasker(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
  });
  await apollo.start();
  const running = await serveHttp<TContext>({
    name: service,
    host: config.HOST,
    port: config.PORT,
    logger,
    apollo,
    routes: {
      ...operationRoutes({ internalSecret: config.INTERNAL_SECRET, logger, database, operations: definition.operations?.(deps) ?? {} }),
      ...definition.routes?.(deps),
    },
    streamRoutes: definition.streamRoutes?.(deps, authenticate),
    readiness: async () => ({ database: await database.ping().then(() => true, () => false) }),
    context: async (req, requestId) => {
      const token = bearerToken(req.headers.authorization);
      let liveness: TokenLiveness | undefined;
      if (token) {
        try {
          liveness = new TokenLiveness(await verifyToken.signatureOnly(token));
        } catch (error) {
          throw unauthenticatedGraphQLError(error);
        }
      }
      // The gateway's one decision call for the request (platform predecisions.ts), taken only when signed for this request and token.
      const predecided = token ? verifyPredecisions(req.headers[PREDECISIONS_HEADER], { requestId, token }, config.INTERNAL_SECRET) : undefined;
      // The gateway's questions to ask along with a person's QUALIFICATION question, signed for this service, request and token.
      const askAlong = token && !predecided ? verifyAskAlong(req.headers[ASK_ALONG_HEADER], definition.name, { requestId, token }, config.INTERNAL_SECRET) : undefined;
      const decisions = createDecisionClient({ consentUrl: config.CONSENT_URL, internalSecret: config.INTERNAL_SECRET, token, requestId, onTokenVerified: () => liveness?.provenByDecision(), predecided, askAlong });
      let context = definition.createContext({ actor: liveness?.actor ?? null, token, requestId, clientAddress: clientAddressOf(req), decisions }, deps);
      if (askAlong !== undefined && token) context = withAskedAlong(context, { decisions, binding: { requestId, token } });
      // The ended-token check of GraphQL requests, answered by their decision calls where they make one (tokenLiveness.ts).
      return liveness ? withLiveness(context, liveness) : context;
    },
  });
  database.announce?.(running.url);
  logger.info({ url: running.url, database: database.kind }, 'listening');
  let closing: Promise<void> | undefined;
  return {
    ...running,
    database: database as DatabaseHandle<Record<string, unknown>>,
    // Once, however many signals arrive (Ctrl-C sends SIGINT to the whole group, the launcher SIGTERM):
    // stop taking requests, then close the database so that its files and lock are left clean.
    close: () => {
      closing ??= (async () => {
        await running.close();
        await apollo.stop();
        await shared.close();
        await database.close();
      })();
      return closing;
    },
  };
}

/** The innermost cause, first line only (drizzle wraps driver errors with the whole failed query). */
function describeStartError(error: unknown): string {
  let inner: unknown = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return (inner instanceof Error ? inner.message : String(inner)).split('\n')[0] ?? 'unknown error';
}

/** Entry point of a subgraph process: start, announce to the parent, stop cleanly on SIGINT/SIGTERM. */
export function runSubgraphProcess<TTables extends Record<string, unknown>, TContext extends BaseContext>(definition: SubgraphDefinition<TTables, TContext>): void {
  startSubgraph(definition).then(
    (running) => {
      announceReady(definition.name, running.url);
      const stop = () => void running.close().then(() => process.exit(0), () => process.exit(1));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.once('disconnect', stop);
    },
    (error: unknown) => exitWithReason(`onshi-${definition.name}: failed to start: ${describeStartError(error)}`),
  );
}

/** Inserts rows from a (possibly huge, lazily generated) iterable in batches: demo data up to 10⁶ patients. */
export async function insertInBatches<T>(rows: Iterable<T>, batchSize: number, insert: (batch: T[]) => Promise<unknown>): Promise<number> {
  let batch: T[] = [];
  let total = 0;
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= batchSize) {
      await insert(batch);
      total += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) {
    await insert(batch);
    total += batch.length;
  }
  return total;
}
