import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT, sharedStateConfigSchema } from '@onshi/platform';
import { limitsConfigSchema } from './limits';
import { REFERENCE_CACHE_DEFAULT_TTL_MS } from './referenceCache';

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

/** Gateway settings, parsed once at start-up; a bad value stops the process with a one-line reason. */
export const gatewayConfigSchema = z.object({
  HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('127.0.0.1')),
  PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).default(4000)),
  LOG_LEVEL: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  SUPERGRAPH_PATH: z.preprocess((v) => (v === '' ? undefined : v), z.string().default(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'))),
  CONSENT_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().default('http://127.0.0.1:4004')),
  /** The services' shared secret: the gateway logs its refusals for role through the consent decision point. */
  INTERNAL_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'must be at least 32 characters').optional()),
  /** Overrides of the subgraph URLs written in the supergraph (tests run subgraphs on ephemeral ports). */
  QUALIFICATIONS_URL: optionalUrl,
  DRUGS_URL: optionalUrl,
  CHECKUPS_URL: optionalUrl,
  CONSENT_GRAPHQL_URL: optionalUrl,
  /** Per-fetch timeout to a subgraph, ms. */
  SUBGRAPH_TIMEOUT_MS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(100).max(120_000).default(10_000)),
  /**
   * How long the gateway keeps the facility master's answers (referenceCache.ts, docs/architecture.md "Reference data
   * cached at the gateway"), ms; 0 turns the cache off.
   */
  REFERENCE_CACHE_TTL_MS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(3_600_000).default(REFERENCE_CACHE_DEFAULT_TTL_MS)),
  /** Browser origins allowed by CORS (comma-separated); none by default — the portal calls from its server. */
  CORS_ORIGINS: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('')).transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
  /** The portal's build-time operation manifest and the client name it sends (trusted documents). */
  TRUSTED_DOCUMENTS_PATH: z.preprocess((v) => (v === '' ? undefined : v), z.string().default(path.join(REPO_ROOT, 'portal', 'lib', 'graphql', 'generated', 'persisted-documents.json'))),
  TRUSTED_CLIENT_NAME: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('onshi-portal')),
  /** Introspection for everyone (development only); otherwise ADMIN only. */
  ALLOW_INTROSPECTION: z.preprocess((v) => (v === '' || v === undefined ? 'false' : String(v)), z.enum(['true', 'false', '1', '0'])).transform((v) => v === 'true' || v === '1'),
}).extend(limitsConfigSchema.shape).extend(sharedStateConfigSchema.shape);
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function subgraphUrlOverride(config: GatewayConfig, name: string): string | undefined {
  const overrides: Record<string, string | undefined> = {
    qualifications: config.QUALIFICATIONS_URL,
    drugs: config.DRUGS_URL,
    checkups: config.CHECKUPS_URL,
    consent: config.CONSENT_GRAPHQL_URL,
  };
  return overrides[name];
}
