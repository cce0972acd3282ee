'use client';
import { useActionState } from 'react';
import { startEnrollmentAction, type EnrollmentState } from '@/app/actions/onboarding';
import { messagesFor, type Locale } from '@/lib/messages';

export function EnrollmentForm({ locale, token }: { locale: Locale; token: string }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<EnrollmentState, FormData>(startEnrollmentAction, { status: 'idle' });
  if (state.status === 'done') {
    return (
      <section className="card" data-testid="enroll-done">
        <p className="notice notice--ok" role="status">{state.facilityCode ? t.enrollDone(state.staffId, state.facilityCode) : t.enrollDoneNoFacility(state.staffId)}</p>
        <a className="button" href="/staff/login">{t.enrollLogin}</a>
      </section>
    );
  }
  if (state.status === 'error' && state.reason === 'UNUSABLE') {
    return <p className="notice notice--error" role="alert" data-testid="enroll-refused">{t.enrollUnusable}</p>;
  }
  const error = state.status !== 'error' ? undefined
    : state.reason === 'PASSWORD' ? t.enrollPasswordHint
    : state.reason === 'WRONG_CODE' ? t.enrollWrongCode
    : t.errorUnavailable;
  const shown = state.status === 'scan' ? state : state.status === 'error' && state.qrSvg ? { qrSvg: state.qrSvg, otpauthUri: state.otpauthUri ?? '' } : undefined;
  if (shown) {
    return (
      <section className="card" aria-labelledby="enroll-qr-title">
        <h2 id="enroll-qr-title" style={{ marginTop: 0 }}>{t.enrollQrTitle}</h2>
        {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
        {/* An SVG drawn on our server from the otpauth URI, shown once (img-src allows data: in proxy.ts). */}
        <img className="qr-code" src={`data:image/svg+xml;base64,${btoa(shown.qrSvg)}`} alt={t.enrollQrAlt} data-testid="enroll-qr" />
        <p>{t.enrollQrText}</p>
        <p className="uri-text" data-testid="enroll-uri">{shown.otpauthUri}</p>
        <form action={action} noValidate>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="step" value="code" />
          <div className="field">
            <label htmlFor="totp">{t.enrollCodeField}</label>
            <input id="totp" name="totp" inputMode="numeric" pattern="[0-9]{6}" maxLength={6} autoComplete="one-time-code" required />
          </div>
          <button type="submit" className="button" disabled={pending} aria-busy={pending}>{pending ? t.loading : t.enrollConfirm}</button>
        </form>
      </section>
    );
  }
  return (
    <section className="card card--narrow">
      <p>{t.enrollLead}</p>
      {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
      <form action={action} noValidate>
        <input type="hidden" name="token" value={token} />
        <div className="field">
          <label htmlFor="password">{t.enrollPasswordField}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required aria-describedby="password-help" />
          <span id="password-help" className="field__help">{t.enrollPasswordHint}</span>
        </div>
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>{pending ? t.loading : t.enrollStart}</button>
      </form>
    </section>
  );
}
