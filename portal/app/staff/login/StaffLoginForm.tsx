'use client';
import { useActionState } from 'react';
import { staffLogin, type StaffLoginState } from '@/app/actions/auth';
import { messagesFor, type Locale } from '@/lib/messages';

export function StaffLoginForm({ locale, next }: { locale: Locale; next: string }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<StaffLoginState, FormData>(staffLogin, { status: 'idle' });
  const error = state.status !== 'error' ? undefined
    : state.reason === 'THROTTLED' ? t.staffLoginThrottled(state.retryAfterSeconds ?? 1)
    : state.reason === 'TOTP_REUSED' ? t.staffLoginTotpReused
    : state.reason === 'NOT_READY' ? t.staffLoginNotAvailable
    : state.reason === 'SERVICE_UNAVAILABLE' ? t.errorUnavailable
    : t.staffLoginInvalid;
  const previous = state.status === 'error' ? state : { facilityCode: '', staffId: '' };
  return (
    <form action={action} noValidate>
      <input type="hidden" name="next" value={next} />
      {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
      <div className="field">
        <label htmlFor="facilityCode">{t.facilityCode}</label>
        <input id="facilityCode" name="facilityCode" inputMode="numeric" autoComplete="organization" defaultValue={previous.facilityCode} key={`f-${previous.facilityCode}`} />
      </div>
      <div className="field">
        <label htmlFor="staffId">{t.staffId}</label>
        <input id="staffId" name="staffId" autoComplete="username" required defaultValue={previous.staffId} key={`s-${previous.staffId}`} />
      </div>
      <div className="field">
        <label htmlFor="password">{t.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor="totp">{t.totp}</label>
        <input id="totp" name="totp" inputMode="numeric" pattern="[0-9]{6}" maxLength={6} autoComplete="one-time-code" required />
      </div>
      <button type="submit" className="button button--large" disabled={pending} aria-busy={pending}>{pending ? t.loading : t.loginButton}</button>
    </form>
  );
}
