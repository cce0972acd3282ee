/**
 * The internal contracts between our services, in one place (docs/contracts.md): the route each service calls on
 * another, the header that proves the caller is one of ours, and the bodies two services must read alike. A path or
 * a body shape written twice drifts; here both sides import the same constant and the same schema.
 *
 * Contracts with a client of their own in the kit keep their request/answer schemas next to that client
 * (cardStatus.ts, coverage.ts, pdp.ts, ownerDecision.ts, sharedState.ts); their paths are here all the same.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { z } from 'zod';

/** Header carrying the internal secret shared by our services (never by a client; the gateway strips it). */
export const INTERNAL_SECRET_HEADER = 'x-onshi-internal';

/** Whether a request header carries the internal secret (constant-time comparison). */
export function isInternalSecret(given: string | string[] | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when the request carries the internal secret shared by our services (constant-time compare). */
export function isInternalCaller(req: IncomingMessage, secret: string): boolean {
  return isInternalSecret(req.headers[INTERNAL_SECRET_HEADER], secret);
}

/** docs/contracts.md contracts 1 and 2: consent publishes the token-signing keys; the gateway and every subgraph verify tokens with them. */
export const JWKS_PATH = '/.well-known/jwks.json';
/** docs/contracts.md contract 5: qualifications asks consent for this visit's consent flags (0 なし / 1 あり / 2 期限切れ / 3 取得困難). */
export const CONSENT_FLAGS_PATH = '/internal/consent-flags';
/** docs/contracts.md contract 6: qualifications' outbox delivers each change of insurer to checkups and to consent. */
export const INSURER_CHANGES_PATH = '/internal/insurer-changes';
/** Drugs asks consent which patient ids are known people before storing their claims. */
export const KNOWN_PATIENTS_PATH = '/internal/known-patients';
/** Consent (logins, reader verifications) asks qualifications whether a card may be used now. */
export const CARD_STATUS_PATH = '/internal/card-status';
/** Consent enters an insurer the operator registered into qualifications' insurer master (kit insurerMaster.ts, docs/operations.md "Registering an insurer"). */
export const INSURER_MASTER_PATH = '/internal/insurers';
/** Demo mode only: looks up a demo card (by serial or holder) and suspends or expires it (kit cardStatus.ts, docs/operations.md "Demo: card lifecycle"). */
export const DEMO_CARD_LIFECYCLE_PATH = '/internal/demo/card-lifecycle';
/** Drugs asks qualifications for the coverage of persons on dates, one call per claim batch. */
export const COVERAGE_PATH = '/internal/coverage';
/** Every subgraph asks consent's decision point whether a read about a patient is allowed (and logs it there). */
export const DECISIONS_PATH = '/internal/decisions';
/** Subgraphs ask consent to decide and log reads of lists owned by an insurer or a facility. */
export const OWNER_DECISIONS_PATH = '/internal/owner-decisions';
/** Replicas report and fetch revoked token ids (logout, grant revocation) through consent. */
export const REVOCATIONS_PATH = '/internal/revocations';
/** Operator commands (backup, purge) run by the running service itself, never by a second process. */
export const OPERATIONS_PATH = '/internal/operations';

const insurerNumber = z.string().regex(/^\d{6}(\d{2})?$/, 'an insurer number has 6 or 8 digits');

/**
 * docs/contracts.md contract 6, the insurer-change event: qualifications writes it to its outbox in the transaction of the change and
 * delivers it at least once; checkups moves the member's checkups (idempotent by eventId), consent updates its
 * identity index. Receivers ignore fields they do not use (checkups does not read toInsurerName).
 */
export const insurerChangeEvent = z.object({
  eventId: z.string().min(1).max(128),
  patientId: z.string().min(1).max(64),
  fromInsurerNumber: insurerNumber.nullable(),
  toInsurerNumber: insurerNumber,
  /** 保険者名称 of the new insurer: consent's disaster search matches insurer names. */
  toInsurerName: z.string().min(1).max(200).optional(),
  effectiveDate: z.iso.date(),
});
export type InsurerChangeEvent = z.infer<typeof insurerChangeEvent>;

const INTERNAL_SECRET_FILE = 'internal-secret';

/**
 * The secret that authenticates calls between our services: INTERNAL_SECRET, else the installation's secret file.
 * `create` makes the file on the first start (0600; the launcher); every other reader needs it to exist.
 */
export function readInternalSecret(dataDir: string, options: { create?: boolean; env?: Record<string, string | undefined> } = {}): string {
  const env = options.env ?? process.env;
  if (env.INTERNAL_SECRET) return env.INTERNAL_SECRET;
  const file = path.join(dataDir, INTERNAL_SECRET_FILE);
  if (!existsSync(file)) {
    if (!options.create) throw new Error(`no internal secret: set INTERNAL_SECRET or run from the installation that owns ${file}`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
