/**
 * The baseline's side of `pnpm bench --baseline <commit>` (baseline.ts, docs/benchmarks.md "Baseline commit"). It is
 * copied at run time into a worktree of the older commit (as tests/bench/.baseline-driver.ts, never committed there)
 * and runs with that commit's code: its own seed loads its own database (the schema differs between commits), its own
 * test harness starts its whole system (four subgraphs and the gateway, NODE_ENV=production), its own reader and
 * consent helpers prepare the per-patient data, and its own scenario code builds the requests over its own schema and
 * demo world. It hands the harness the URLs, the tokens and the request bodies over IPC and stops its system when told
 * (SIGTERM) or when the harness goes away (IPC disconnect).
 *
 * It imports only what exists with the same shape since the benchmark's first version (95c56fa): the harness's
 * `startTestSystem`, consent's demo client `loginDemoAccount`, reader.ts, scenarios.ts, seed.ts and targets.ts'
 * environments.
 */
import { writeFileSync } from 'node:fs';
import { loginDemoAccount } from '@onshi/consent/src/cli/demoClient';
import { startTestSystem, type TestSystem } from '../src/harness';
import { hospitalConsents, readerVerifications } from './reader';
import { cardPathAvailable, loadSchemaFacts, patientPool, prepareScenario, scenarioSpecs, type ScenarioName } from './scenarios';
import { benchSecretKey, createDatabase, databaseExists, dropDatabase, recordedLoad, recordLoad, seedDatabase, withDatabase } from './seed';
import { BENCH_GATEWAY_ENV, PRODUCTION_ENV } from './targets';

export interface BaselineInput {
  patients: number;
  poolSize: number;
  scenarios: ScenarioName[];
  /** PostgreSQL: the baseline's own database, loaded by its own seed unless an earlier load finished. Absent: PGlite. */
  database?: { baseUrl: string; name: string };
  /** Load the database and stop (the harness's --seed-only). */
  seedOnly: boolean;
  /** Shared-state variables of the run (REDIS_URL…), for a commit that knows them. */
  sharedState: Record<string, string>;
  /** Where the ready answer (BaselineReady) is written. */
  output: string;
}

export interface BaselineScenario {
  name: ScenarioName;
  title: string;
  account: string;
  operation?: string;
  unavailable?: string;
  token?: string;
  /** Request bodies cycled through during a run, as the baseline's own scenario code built them. */
  bodies: string[];
  /** Where the scenario names each body's account (`accountOf`: a dashboard of many people), the token of each body's account. */
  tokens?: string[];
}

/** The harness's ask for a scenario's tokens minted now (`tokens`), and the driver's answer. */
export interface TokensRequest { type: 'tokens'; id: number; scenario: ScenarioName }
export interface TokensAnswer { type: 'tokens'; id: number; token?: string; tokens?: string[]; mintedAt?: string; issuedAt?: string; error?: string }

export interface BaselineReady {
  gatewayUrl: string;
  urls: Record<string, string>;
  load?: { reused: boolean; seconds?: number };
  readerPool?: { usable: number; refused: number; firstRefusal?: string };
  scenarios: BaselineScenario[];
  errors: string[];
}

const say = (line: string) => void process.stdout.write(`${line}\n`);

async function loadDatabase(input: BaselineInput, database: NonNullable<BaselineInput['database']>): Promise<{ url: string; reused: boolean; seconds?: number }> {
  const url = withDatabase(database.baseUrl, database.name);
  const previous = (await databaseExists(database.baseUrl, database.name)) ? await recordedLoad(url) : undefined;
  if (previous) {
    say(`reusing ${database.name}, loaded ${previous.loadedAt}`);
    return { url, reused: true, seconds: previous.seconds };
  }
  await dropDatabase(database.baseUrl, database.name);
  await createDatabase(database.baseUrl, database.name);
  say(`loading ${input.patients} patients into ${database.name} with this commit's own seed…`);
  try {
    const seeded = await seedDatabase(url, input.patients, benchSecretKey(database.name), say);
    await recordLoad(url, input.patients, seeded);
    return { url, reused: false, seconds: seeded.seconds };
  } catch (error) {
    await dropDatabase(database.baseUrl, database.name);
    throw error;
  }
}

async function prepare(system: TestSystem, input: BaselineInput): Promise<Pick<BaselineReady, 'readerPool' | 'scenarios' | 'errors'>> {
  const facts = loadSchemaFacts();
  const wanted = (name: ScenarioName) => input.scenarios.includes(name);
  const errors: string[] = [];
  let verificationTokens: string[] | undefined;
  let readerPool: BaselineReady['readerPool'];
  if (wanted('reception') && cardPathAvailable(facts)) {
    try {
      const pool = await readerVerifications(system, await system.token('clinic-reception'), patientPool(system.demo, Math.min(input.poolSize, 200)));
      verificationTokens = pool.tokens;
      readerPool = { usable: pool.tokens.length, refused: pool.refused, firstRefusal: pool.firstRefusal };
    } catch (error) {
      errors.push(`reader verifications: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (wanted('doctorVisit')) await hospitalConsents(system, patientPool(system.demo, input.poolSize));
  const scenarios: BaselineScenario[] = [];
  for (const spec of scenarioSpecs(system.demo, input.poolSize, { verificationTokens }).filter((s) => wanted(s.name))) {
    const scenario = prepareScenario(facts, spec, input.poolSize);
    // Each body with its own account's token, as bench.ts gives ours: without them every request of a many-people
    // scenario would be the first person's. A commit whose scenarios name no `accountOf` has none to give. Not bench.ts'
    // tokensOfAccounts: this file runs in older commits and may import only what they all have (see the header).
    const accountOf = scenario.unavailable ? undefined : spec.accountOf;
    const mint = async () => {
      const tokens: string[] | undefined = accountOf ? [] : undefined;
      for (let i = 0; tokens && accountOf && i < scenario.bodies.length; i += 1) tokens.push(await youngToken(system, accountOf(i)));
      const token = await youngToken(system, spec.account);
      const issued = [token, ...(tokens ?? [])].map(issuedAtMs).filter((at): at is number => at !== undefined);
      return { token, ...(tokens ? { tokens } : {}), ...(issued.length > 0 ? { issuedAt: new Date(Math.min(...issued)).toISOString() } : {}) };
    };
    if (!scenario.unavailable) minters.set(spec.name, mint);
    scenarios.push({
      name: spec.name, title: spec.title, account: spec.account, operation: scenario.operation.document, unavailable: scenario.unavailable,
      bodies: scenario.bodies, ...(scenario.unavailable ? {} : await mint()),
    });
  }
  return { readerPool, scenarios, errors };
}

let system: TestSystem | undefined;
let stopping = false;
/**
 * Each prepared scenario's tokens, asked for again when the harness is about to measure it: the commit's tokens expire
 * (15 minutes at 95c56fa, its consent `ACCESS_TOKEN_TTL_SECONDS`), and a run in rounds outlives tokens minted at
 * start (docs/benchmarks.md "Baseline commit": the runs of 2026-12-06 20:59 and 2026-12-07 05:06 lost PHR-sync windows
 * to them).
 */
const minters = new Map<ScenarioName, () => Promise<{ token: string; tokens?: string[]; issuedAt?: string }>>();

/**
 * A token older than this is replaced by a new login before a scenario is measured: a scenario's windows take a few
 * minutes, well inside the 15 minutes a token lives, and a staff account's new login comes long after its last TOTP
 * step (a code is accepted once per 30 s step, and 95c56fa's demo client does not step ahead).
 */
const RENEW_TOKENS_OLDER_THAN_MS = 5 * 60_000;
/** Tokens of a new login, by account: the older commit's harness keeps each account's first token and hands it back. */
const renewedTokens = new Map<string, string>();
/** When a token without a readable `iat` was first handed over, by token. */
const firstSeen = new Map<string, number>();

/** The token's `iat` (a JWT's payload, not verified: only the age is read), in ms. */
function issuedAtMs(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: unknown };
    return typeof payload.iat === 'number' ? payload.iat * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** The account's token, renewed by a login of our own when the one at hand is older than RENEW_TOKENS_OLDER_THAN_MS. */
async function youngToken(system: TestSystem, account: string): Promise<string> {
  const token = renewedTokens.get(account) ?? await system.token(account);
  const issued = issuedAtMs(token) ?? firstSeen.get(token) ?? Date.now();
  if (!firstSeen.has(token)) firstSeen.set(token, issued);
  if (Date.now() - issued < RENEW_TOKENS_OLDER_THAN_MS) return token;
  const renewed = (await loginDemoAccount(async (query, variables, bearer) => (await system.graphql(query, variables, bearer)).body, system.demo, account)).accessToken;
  renewedTokens.set(account, renewed);
  return renewed;
}

function answerTokenRequests(): void {
  process.on('message', (message: unknown) => {
    const request = message as Partial<TokensRequest> | null;
    if (request?.type !== 'tokens' || typeof request.id !== 'number' || !request.scenario) return;
    const { id, scenario } = request;
    const mint = minters.get(scenario);
    const answered = mint
      ? mint().then((minted): TokensAnswer => ({ type: 'tokens', id, ...minted, mintedAt: new Date().toISOString() }))
      : Promise.resolve<TokensAnswer>({ type: 'tokens', id, error: `no prepared scenario ${scenario}` });
    void answered
      .catch((error: unknown): TokensAnswer => ({ type: 'tokens', id, error: error instanceof Error ? error.message : String(error) }))
      .then((answer) => process.send?.(answer));
  });
}

/** Stops the system if it is up and exits; killed while starting, the harness ends this process group after us. */
function shutdown(code: number): void {
  if (stopping) return;
  stopping = true;
  void (system ? system.stop() : Promise.resolve()).catch(() => undefined).finally(() => process.exit(code));
}

async function main(): Promise<void> {
  const input = JSON.parse(process.env.ONSHI_BASELINE_INPUT ?? '') as BaselineInput;
  process.on('SIGTERM', () => shutdown(0));
  process.on('disconnect', () => shutdown(0));
  // The harness of that commit creates a database of its own when DATABASE_URL is set: the baseline gets the one loaded here.
  const baseUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const database = input.database && baseUrl ? input.database : undefined;
  const loaded = database ? await loadDatabase(input, database) : undefined;
  if (input.seedOnly) {
    writeFileSync(input.output, JSON.stringify({ gatewayUrl: '', urls: {}, load: loaded && { reused: loaded.reused, seconds: loaded.seconds }, scenarios: [], errors: [] } satisfies BaselineReady));
    process.send?.({ type: 'ready' }, undefined, undefined, () => process.exit(0));
    return;
  }
  say('starting its system…');
  system = await startTestSystem({
    patients: input.patients,
    gatewayEnv: { ...BENCH_GATEWAY_ENV, ...input.sharedState },
    env: { ...PRODUCTION_ENV, ...input.sharedState, ...(loaded && database ? { DATABASE_URL: loaded.url, ONSHI_SECRET_KEY: benchSecretKey(database.name) } : {}) },
  });
  if (stopping) return;
  say('preparing the scenarios (reader verifications, hospital consents, tokens)…');
  const prepared = await prepare(system, input);
  answerTokenRequests();
  const ready: BaselineReady = { gatewayUrl: system.gatewayUrl, urls: system.urls, load: loaded && { reused: loaded.reused, seconds: loaded.seconds }, ...prepared };
  writeFileSync(input.output, JSON.stringify(ready));
  process.send?.({ type: 'ready' });
}

main().catch((error: unknown) => {
  process.stderr.write(`baseline driver failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  shutdown(1);
});
