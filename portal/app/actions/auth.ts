'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { gatewayMutation } from '@/lib/gateway';
import { CompleteCardLoginMutation, LogoutMutation, StaffLoginMutation, StartCardLoginMutation } from '@/lib/graphql/auth';
import { safeReturnPath } from '@/lib/paths';
import { ACCESS_COOKIE, REFRESH_COOKIE, clearSession, readClaims, storeSession } from '@/lib/session';
import { isWellFormedCardSerial, signWithVirtualCard } from '@/lib/virtualCard';

export type CardLoginState =
  | { status: 'idle' }
  | { status: 'error'; reason: 'WRONG_PIN'; triesLeft: number; cardSerial: string }
  | { status: 'error'; reason: 'LOCKED' | 'UNKNOWN_CARD' | 'PIN_FORMAT' | 'SERVICE_UNAVAILABLE' | 'NOT_READY'; cardSerial: string };

/** Card login (docs/contracts.md contract 1): challenge → the card signs it → PIN + signature; tokens go into httpOnly cookies. */
export async function cardLogin(_previous: CardLoginState, formData: FormData): Promise<CardLoginState> {
  const cardSerial = String(formData.get('cardSerial') ?? '').trim().toUpperCase();
  const pin = String(formData.get('pin') ?? '');
  if (!isWellFormedCardSerial(cardSerial)) return { status: 'error', reason: 'UNKNOWN_CARD', cardSerial };
  if (!/^\d{4}$/.test(pin)) return { status: 'error', reason: 'PIN_FORMAT', cardSerial };
  const started = await gatewayMutation(StartCardLoginMutation, { cardSerial });
  if (!started.ok) {
    if (started.code === 'CARD_LOCKED') return { status: 'error', reason: 'LOCKED', cardSerial };
    if (started.code === 'NOT_READY') return { status: 'error', reason: 'NOT_READY', cardSerial };
    return { status: 'error', reason: started.code === 'SERVICE_UNAVAILABLE' || started.code === 'INTERNAL_SERVER_ERROR' ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN_CARD', cardSerial };
  }
  const { challengeId, challenge } = started.data.startCardLogin;
  const signature = signWithVirtualCard(cardSerial, challenge);
  const completed = await gatewayMutation(CompleteCardLoginMutation, { challengeId, pin, signature });
  if (!completed.ok) {
    if (completed.code === 'CARD_LOCKED') return { status: 'error', reason: 'LOCKED', cardSerial };
    const triesLeft = completed.extensions.triesLeft;
    if (completed.code === 'BAD_USER_INPUT' && typeof triesLeft === 'number') return { status: 'error', reason: 'WRONG_PIN', triesLeft, cardSerial };
    return { status: 'error', reason: completed.code === 'SERVICE_UNAVAILABLE' || completed.code === 'INTERNAL_SERVER_ERROR' ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN_CARD', cardSerial };
  }
  await storeSession(completed.data.completeCardLogin);
  redirect(safeReturnPath(formData.get('next')));
}

export type StaffLoginState =
  | { status: 'idle' }
  | { status: 'error'; reason: 'INVALID' | 'THROTTLED' | 'TOTP_REUSED' | 'SERVICE_UNAVAILABLE' | 'NOT_READY'; facilityCode: string; staffId: string; retryAfterSeconds?: number };

/** Staff login with ID + password + TOTP (docs/contracts.md contract 2; docs/domain.md "Who takes part": a second factor for staff who view records). */
export async function staffLogin(_previous: StaffLoginState, formData: FormData): Promise<StaffLoginState> {
  const facilityCode = String(formData.get('facilityCode') ?? '').trim();
  const staffId = String(formData.get('staffId') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  const totp = String(formData.get('totp') ?? '').trim();
  const result = await gatewayMutation(StaffLoginMutation, { facilityCode: facilityCode || null, staffId, password, totp });
  if (!result.ok) {
    const reason = result.code === 'LOGIN_THROTTLED' ? 'THROTTLED' : result.code === 'TOTP_REUSED' ? 'TOTP_REUSED' : result.code === 'NOT_READY' ? 'NOT_READY'
      : result.code === 'SERVICE_UNAVAILABLE' || result.code === 'INTERNAL_SERVER_ERROR' ? 'SERVICE_UNAVAILABLE' : 'INVALID';
    const retryAfterMs = typeof result.extensions.retryAfterMs === 'number' ? result.extensions.retryAfterMs : 0;
    return { status: 'error', reason, facilityCode, staffId, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
  }
  await storeSession(result.data.staffLogin);
  redirect(safeReturnPath(formData.get('next'), '/clinic'));
}

/** Ends the session at the identity provider too, so a stolen refresh token is worthless afterwards. */
export async function logout(): Promise<void> {
  const jar = await cookies();
  const refreshToken = jar.get(REFRESH_COOKIE)?.value;
  const accessToken = jar.get(ACCESS_COOKIE)?.value;
  const wasStaff = accessToken !== undefined && readClaims(accessToken)?.role !== 'PATIENT';
  // A failed revoke must not keep the user logged in here; the refresh token expires on its own.
  if (refreshToken) {
    // With the access token, so that it is refused at once everywhere too; an expired one is refused by the
    // gateway, and then the refresh token is still revoked on its own.
    const ended = await gatewayMutation(LogoutMutation, { refreshToken }, accessToken);
    if (!ended.ok && accessToken) await gatewayMutation(LogoutMutation, { refreshToken });
  }
  await clearSession();
  redirect(wasStaff ? '/staff/login?loggedOut=1' : '/login?loggedOut=1');
}
