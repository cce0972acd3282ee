/**
 * `pnpm bootstrap:admin [staffId] [display name]`: creates the first operator (ADMIN) of a production
 * system through the running consent service (so it is safe while the system runs, and PGlite is never
 * opened by a second process), and prints the generated password and the TOTP enrolment (otpauth URI and
 * a QR code for the authenticator app) once. Refused once an ADMIN exists. Reads CONSENT_URL (default
 * http://127.0.0.1:4004) and the internal secret from INTERNAL_SECRET or DATA_DIR/internal-secret (the
 * launcher writes it at the first start). docs/operations.md "The first operator".
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import qrcode from 'qrcode-terminal';
import { INTERNAL_SECRET_HEADER, REPO_ROOT } from '@onshi/kit';
import { BOOTSTRAP_ADMIN_PATH, type BootstrappedAdmin } from '../services/operator/bootstrap';

function internalSecret(): string {
  if (process.env.INTERNAL_SECRET) return process.env.INTERNAL_SECRET;
  const file = path.join(process.env.DATA_DIR || path.join(REPO_ROOT, '.data'), 'internal-secret');
  if (!existsSync(file)) throw new Error(`no INTERNAL_SECRET and no ${file}: start the system first (pnpm start:production)`);
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  const staffId = process.argv[2] ?? 'A0001';
  const displayName = process.argv[3] ?? '運用管理者';
  const consentUrl = process.env.CONSENT_URL || 'http://127.0.0.1:4004';
  const response = await fetch(new URL(BOOTSTRAP_ADMIN_PATH, consentUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: internalSecret() },
    body: JSON.stringify({ staffId, displayName }),
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    throw new Error(`cannot reach the consent service at ${consentUrl} (${error instanceof Error ? error.message : String(error)}): start the system first (pnpm start:production)`);
  });
  const body = (await response.json()) as Partial<BootstrappedAdmin> & { error?: string };
  if (!response.ok || !body.password || !body.otpauthUri) throw new Error(body.error ?? `consent answered ${response.status}`);
  process.stdout.write([
    'The first operator (ADMIN) was created. Write the password down now; it is not shown again.',
    '',
    `  staff ID   ${body.staffId}   (operators log in without a facility code)`,
    `  password   ${body.password}`,
    `  TOTP       ${body.otpauthUri}`,
    '',
    'Scan this with the authenticator app (or enter the URI above):',
    '',
  ].join('\n'));
  qrcode.generate(body.otpauthUri, { small: true }, (code) => process.stdout.write(`${code}\n`));
}

main().catch((error: unknown) => {
  process.stderr.write(`bootstrap:admin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
