/**
 * PHR apps registered by the operator (docs/operations.md "PHR apps"): a client id, the display name and the company
 * patients see, the data categories the app may ask a patient for, and a client secret that is shown once and kept
 * only as its scrypt hash (card.ts hashSecret, verified by logins.ts phrToken). Rotating the secret makes the old one
 * useless at once; disabling the app ends every session it holds and the decision point refuses every read under its
 * grants (decision.ts APP_DISABLED).
 *
 * Who may act is decided here, and every action and refusal is written to the access log under `nation` (an app
 * belongs to no facility) with its before/after in admin_changes, in the same transaction (onboarding.ts recordChange).
 */
import { randomBytes } from 'node:crypto';
import { bilingual, BadUserInputError, NotFoundError, type Actor, type Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { insertPhrAppIfNew, phrAppByClientId, setPhrAppDisabledAt, setPhrAppSecretHash, type PhrAppRow } from '../../store/phrApps';
import { revokeRefreshTokensOfApp } from '../../store/refreshTokens';
import { hashSecret } from '../identity/card';
import type { Transaction } from '../policy/decisionPoint';
import { recordChange, requireOperator } from './onboarding';
import { CATEGORIES, isCategory, type Category } from '../policy/roles';

/** PHR grants last 90 days by default (docs/domain.md "PHR apps": Mynaportal links data for 90 days). */
export const PHR_GRANT_DAYS = 90;

export type { PhrAppRow };

/** Lower-case letters, digits and hyphens, 3–64 long, starting with a letter or digit: safe in URLs, logs and tokens. */
const CLIENT_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
const NAME_MAX = 100;

/** What admin_changes keeps of an app: never its secret or the secret's hash. */
export function phrAppRecord(row: PhrAppRow): Record<string, unknown> {
  return {
    clientId: row.clientId, displayName: row.name, operatorName: row.operatorName, scopes: row.scopes,
    rotatedAt: row.rotatedAt?.toISOString() ?? null, disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

export interface PhrAppInput { clientId: string | null; displayName: string; operatorName: string; scopes: readonly string[] }

function requiredName(value: string, field: string, label: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > NAME_MAX) throw new BadUserInputError(bilingual(`${field} must have 1 to ${NAME_MAX} characters`, `${label}を入力してください`), { field });
  return trimmed;
}

function validateScopes(scopes: readonly string[]): Category[] {
  const unique = [...new Set(scopes)];
  if (unique.length === 0) throw new BadUserInputError(bilingual('Give the app at least one data category', '提供できる情報の種類を1つ以上選んでください'), { field: 'scopes', reason: 'EMPTY_SCOPES' });
  const unknown = unique.filter((scope) => !isCategory(scope));
  if (unknown.length > 0) throw new BadUserInputError(bilingual(`Unknown data category ${unknown.join(', ')}; one of ${CATEGORIES.join(', ')}`, '不明な情報の種類です'), { field: 'scopes', reason: 'UNKNOWN_CATEGORY' });
  // Kept in the order of CATEGORIES so that the same scopes always read the same.
  return CATEGORIES.filter((category) => unique.includes(category));
}

function validateInput(input: PhrAppInput): { clientId: string; displayName: string; operatorName: string; scopes: Category[] } {
  const clientId = input.clientId === null || input.clientId.trim() === '' ? `phr-${randomBytes(6).toString('hex')}` : input.clientId;
  if (!CLIENT_ID.test(clientId)) throw new BadUserInputError(bilingual('clientId must be 3 to 64 lower-case letters, digits or hyphens', 'クライアントIDが正しくありません'), { field: 'clientId' });
  return {
    clientId,
    displayName: requiredName(input.displayName, 'displayName', 'アプリ名'),
    operatorName: requiredName(input.operatorName, 'operatorName', '運営者名'),
    scopes: validateScopes(input.scopes),
  };
}

/** A new client secret: 256 random bits, shown to the operator once. */
function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Revokes the refresh tokens of every grant the app holds: the app must authenticate again (and cannot, if disabled). */
async function endAppSessions(tx: Transaction, clientId: string, now: Date): Promise<void> {
  await revokeRefreshTokensOfApp(tx, clientId, now);
}

export interface IssuedSecret { app: PhrAppRow; clientSecret: string }

export async function registerPhrApp(db: Db<Tables>, actor: Actor, input: PhrAppInput, requestId: string, now: Date): Promise<IssuedSecret> {
  await requireOperator(db, actor, 'REGISTER_PHR_APP', null, requestId, now);
  const valid = validateInput(input);
  const clientSecret = newClientSecret();
  const secretHash = await hashSecret(clientSecret);
  return db.transaction(async (tx) => {
    const app = await insertPhrAppIfNew(tx, {
      clientId: valid.clientId, name: valid.displayName, operatorName: valid.operatorName, scopes: valid.scopes, secretHash, createdAt: now,
    });
    if (!app) throw new BadUserInputError(bilingual('A PHR app with this client id is already registered', 'このクライアントIDは登録済みです'), { field: 'clientId', reason: 'DUPLICATE_CLIENT_ID' });
    await recordChange(tx, actor, { action: 'REGISTER_PHR_APP', facilityCode: null, target: phrAppTarget(app.clientId), before: null, after: phrAppRecord(app) }, requestId, now);
    return { app, clientSecret };
  });
}

/** The admin_changes target naming an app (so its history can be listed). */
export function phrAppTarget(clientId: string): string {
  return `phr-app:${clientId}`;
}

async function existingApp(db: Db<Tables>, clientId: string): Promise<PhrAppRow> {
  const app = clientId.length <= 64 ? await phrAppByClientId(db, clientId) : undefined;
  if (!app) throw new NotFoundError(bilingual('No PHR app is registered with this client id', 'このクライアントIDのアプリは登録されていません'));
  return app;
}

/**
 * A new secret replaces the old at once (the old hash is overwritten); the app's refresh tokens are revoked, so
 * whoever held the old secret keeps at most an access token of 15 minutes (signing.ts).
 */
export async function rotatePhrAppSecret(db: Db<Tables>, actor: Actor, clientId: string, requestId: string, now: Date): Promise<IssuedSecret> {
  await requireOperator(db, actor, 'ROTATE_PHR_APP_SECRET', null, requestId, now);
  const current = await existingApp(db, clientId);
  if (current.disabledAt !== null) throw new BadUserInputError(bilingual('This app is disabled', 'このアプリは無効化されています'), { field: 'clientId', reason: 'PHR_APP_DISABLED' });
  const clientSecret = newClientSecret();
  const secretHash = await hashSecret(clientSecret);
  return db.transaction(async (tx) => {
    const app = await setPhrAppSecretHash(tx, current.clientId, secretHash, now);
    if (!app) throw new NotFoundError(bilingual('No PHR app is registered with this client id', 'このクライアントIDのアプリは登録されていません'));
    await endAppSessions(tx, app.clientId, now);
    await recordChange(tx, actor, { action: 'ROTATE_PHR_APP_SECRET', facilityCode: null, target: phrAppTarget(app.clientId), before: phrAppRecord(current), after: phrAppRecord(app) }, requestId, now);
    return { app, clientSecret };
  });
}

/** Disables an app: no new token (logins.ts phrToken), no refresh, and no read under any of its grants. */
export async function disablePhrApp(db: Db<Tables>, actor: Actor, clientId: string, requestId: string, now: Date): Promise<PhrAppRow> {
  await requireOperator(db, actor, 'DISABLE_PHR_APP', null, requestId, now);
  const current = await existingApp(db, clientId);
  return db.transaction(async (tx) => {
    const app = await setPhrAppDisabledAt(tx, current.clientId, current.disabledAt ?? now);
    const after = app ?? current;
    await endAppSessions(tx, after.clientId, now);
    await recordChange(tx, actor, { action: 'DISABLE_PHR_APP', facilityCode: null, target: phrAppTarget(after.clientId), before: phrAppRecord(current), after: phrAppRecord(after) }, requestId, now);
    return after;
  });
}

/**
 * The app a patient may grant the given categories to: registered, not disabled, and asking only for categories in
 * its registered scopes (an app cannot be handed more than the operator allowed it).
 */
export async function grantableApp(db: Db<Tables>, clientId: string, categories: readonly Category[]): Promise<PhrAppRow> {
  const app = clientId.length <= 64 ? await phrAppByClientId(db, clientId) : undefined;
  if (!app) throw new NotFoundError(bilingual(`No registered PHR app ${clientId}`, '登録されていないアプリです'));
  if (app.disabledAt !== null) throw new BadUserInputError(bilingual('This app has been disabled by the operator', 'このアプリは運用者により無効化されています'), { field: 'appId', reason: 'PHR_APP_DISABLED' });
  const outside = categories.filter((category) => !app.scopes.includes(category));
  if (outside.length > 0) {
    throw new BadUserInputError(bilingual(`This app may not ask for ${outside.join(', ')}`, 'このアプリには提供できない情報の種類です'), { field: 'categories', reason: 'OUTSIDE_APP_SCOPES' });
  }
  return app;
}
