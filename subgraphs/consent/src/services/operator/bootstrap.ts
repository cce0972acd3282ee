/**
 * The first operator of a production system: production has no demo accounts, so an
 * operator runs `pnpm bootstrap:admin` once after the first `pnpm start:production`. The password and the
 * TOTP seed are generated here (random, never derived), the seed is sealed at rest (secretBox.ts), and
 * both are shown once to the person at the terminal. There is no second bootstrap: once an ADMIN exists
 * the route refuses, so it cannot be used to add operators behind the first one's back.
 */
import { randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import type { Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { anAdminAccount, insertFirstAdminAccount } from '../../store/accounts';
import type { SecretBox } from '../identity/secretBox';
import { hashPassword, totpUri } from '../identity/staffAuth';

export const BOOTSTRAP_ADMIN_PATH = '/internal/bootstrap-admin';

export interface BootstrappedAdmin { staffId: string; password: string; otpauthUri: string }

export class AdminExistsError extends Error {}

export async function bootstrapAdmin(db: Db<Tables>, secrets: SecretBox, staffId: string, displayName: string): Promise<BootstrappedAdmin> {
  if (await anAdminAccount(db)) throw new AdminExistsError('an operator (ADMIN) already exists; the bootstrap runs once');
  // 24 random bytes: 32 characters of base64url, far beyond any guessing (the login is throttled too).
  const password = randomBytes(24).toString('base64url');
  const totpSecret = new Secret({ size: 20 }).base32;
  // The account name is fixed, so of two bootstraps racing only one insert succeeds (primary key).
  const inserted = await insertFirstAdminAccount(db, {
    account: 'admin', role: 'ADMIN', staffId, subject: `operator:${staffId}`, displayName,
    passwordHash: await hashPassword(password), totpSecret: secrets.seal(totpSecret),
  });
  if (!inserted) throw new AdminExistsError('an operator (ADMIN) already exists; the bootstrap runs once');
  return { staffId, password, otpauthUri: totpUri(totpSecret, `operator:${staffId}`) };
}
