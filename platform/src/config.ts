import path from 'node:path';
import { z } from 'zod';
import { sharedStateConfigSchema } from './sharedState';

/** The repository root: default home of `.data/` (embedded databases, keys). */
export const REPO_ROOT = path.resolve(__dirname, '../..');

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const booleanFlag = z.preprocess(
  (value) => (value === undefined || value === '' ? 'false' : String(value).toLowerCase()),
  z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1'),
);

/**
 * Settings every service shares, parsed once at start-up (epic-stack style). A bad value stops the
 * process with a one-line message naming the variable, never a stack trace.
 */
export const serviceConfigSchema = z.object({
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535)),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(path.join(REPO_ROOT, '.data'))),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  CONSENT_URL: z.preprocess(emptyToUndefined, z.url().default('http://127.0.0.1:4004')),
  /** Where consent asks qualifications for a card's status (kit cardStatus.ts: one source of truth). */
  QUALIFICATIONS_SERVICE_URL: z.preprocess(emptyToUndefined, z.url().default('http://127.0.0.1:4001')),
  /** Shared secret that authenticates internal calls (decision point) between subgraphs. */
  INTERNAL_SECRET: z.string({ error: 'is required (at least 32 characters)' }).min(32, 'must be at least 32 characters'),
  DEMO_MODE: booleanFlag,
  DEMO_PATIENTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(2).max(10_000_000).default(1000)),
  DEMO_SEED: z.preprocess(emptyToUndefined, z.string().min(1).default('onshi')),
  /** The demo data's "today" (YYYY-MM-DD); default: the real date at start-up. */
  DEMO_AS_OF: z.preprocess(emptyToUndefined, z.iso.date().optional()),
}).extend(sharedStateConfigSchema.shape);
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

export class ConfigError extends Error {}

/** Parses `env` with `schema`; throws ConfigError with every problem on one line. */
export function parseConfig<S extends z.ZodType>(service: string, schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'config'} ${issue.message}`);
  throw new ConfigError(`${service}: invalid configuration: ${problems.join('; ')}`);
}

/** Stops the process with a one-line reason (exit code 78, EX_CONFIG) when the config is invalid. */
export function loadConfigOrExit<S extends z.ZodType>(service: string, schema: S, env = process.env): z.infer<S> {
  try {
    return parseConfig(service, schema, env);
  } catch (error) {
    if (error instanceof ConfigError) exitWithReason(error.message, 78);
    throw error;
  }
}

export function exitWithReason(reason: string, code = 1): never {
  process.stderr.write(`${reason.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}

/** The four subgraphs and the port each listens on unless PORT says otherwise (`pnpm start`, the composed supergraph's URLs). */
export type SubgraphName = 'qualifications' | 'drugs' | 'checkups' | 'consent';

export const DEFAULT_PORTS: Record<SubgraphName, number> = { qualifications: 4001, drugs: 4002, checkups: 4003, consent: 4004 };
