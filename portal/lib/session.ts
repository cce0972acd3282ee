/**
 * The user's session lives only in httpOnly, SameSite=Strict cookies set by server actions; the browser's
 * scripts never see a token (no localStorage). Server components read the access token from the cookie and
 * call the gateway with it.
 */
import { cookies, headers } from 'next/headers';
/** The API's Role enum, generated from schema/api.graphql (`pnpm codegen`): never a copy that can drift. */
import type { Role } from './graphql/generated/graphql';

export type { Role };

export const ACCESS_COOKIE = 'onshi_at';
export const REFRESH_COOKIE = 'onshi_rt';

export interface SessionClaims {
  role: Role;
  patientId?: string;
  facilityCode?: string;
  /** Seconds since the epoch. */
  exp: number;
}

export interface LoginTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

const REFRESH_LIFETIME_SECONDS = 12 * 60 * 60;

/**
 * Reads the claims of our own access token without verifying it: the gateway verifies every request, the
 * portal only needs the role to choose which page to render (a forged cookie gets no data from the gateway).
 */
export function readClaims(token: string): SessionClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const record = parsed as Record<string, unknown>;
    if (typeof record.role !== 'string' || typeof record.exp !== 'number') return undefined;
    return {
      role: record.role as Role,
      exp: record.exp,
      patientId: typeof record.patientId === 'string' ? record.patientId : undefined,
      facilityCode: typeof record.facilityCode === 'string' ? record.facilityCode : undefined,
    };
  } catch {
    return undefined;
  }
}

export function isExpired(claims: SessionClaims, now = Date.now()): boolean {
  return claims.exp * 1000 <= now;
}

/** Secure whenever the portal is reached over HTTPS (directly or behind a TLS-terminating proxy). */
export function cookieBase(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', secure };
}

export function accessCookieOptions(expiresAt: string, secure: boolean) {
  return { ...cookieBase(secure), expires: new Date(expiresAt) };
}

export function refreshCookieOptions(secure: boolean) {
  return { ...cookieBase(secure), maxAge: REFRESH_LIFETIME_SECONDS };
}

async function requestIsHttps(): Promise<boolean> {
  const proto = (await headers()).get('x-forwarded-proto');
  return proto === 'https' || process.env.PORTAL_PUBLIC_URL?.startsWith('https://') === true;
}

export async function storeSession(tokens: LoginTokens): Promise<void> {
  const jar = await cookies();
  const secure = await requestIsHttps();
  jar.set(ACCESS_COOKIE, tokens.accessToken, accessCookieOptions(tokens.expiresAt, secure));
  jar.set(REFRESH_COOKIE, tokens.refreshToken, refreshCookieOptions(secure));
}

export async function clearSession(): Promise<void> {
  const jar = await cookies();
  jar.delete(ACCESS_COOKIE);
  jar.delete(REFRESH_COOKIE);
}

export interface Session { token: string; claims: SessionClaims }

/** The current session, or undefined when there is no valid access token. */
export async function currentSession(): Promise<Session | undefined> {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!token) return undefined;
  const claims = readClaims(token);
  if (!claims || isExpired(claims)) return undefined;
  return { token, claims };
}
