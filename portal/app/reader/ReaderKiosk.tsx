'use client';
import { useActionState, useEffect, useRef } from 'react';
import { readerStep, type ReaderState } from '@/app/actions/reader';
import { ConfirmationResult } from '@/components/ConfirmationResult';
import { messagesFor, type Locale } from '@/lib/messages';

/**
 * The kiosk: card → face or PIN → consent questions → the clerk's result. Large targets, one question per
 * screen, and focus moves to each new step's heading so screen-reader and keyboard users follow along.
 */
export function ReaderKiosk({ locale, pharmacy }: { locale: Locale; pharmacy: boolean }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<ReaderState, FormData>(readerStep, { step: 'card' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [state.step]);

  if (state.step === 'card') {
    const error = state.error === 'STAFF_ONLY' ? t.readerStaffOnly : state.error === 'EXPIRED' ? t.readerExpired : state.error === 'UNAVAILABLE' ? t.errorUnavailable : state.error ? t.readerError : undefined;
    return (
      <form action={action} className="stack">
        <h2 ref={heading} tabIndex={-1}>{t.readerLead}</h2>
        {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
        <input type="hidden" name="step" value="card" />
        <div className="field">
          <label htmlFor="reader-card">{t.readerCard}</label>
          <input id="reader-card" name="cardSerial" autoComplete="off" required style={{ fontSize: '1.3rem' }} />
        </div>
        <button type="submit" className="button button--large" disabled={pending}>{t.readerNext}</button>
      </form>
    );
  }
  if (state.step === 'method') {
    const error = state.error === 'WRONG_PIN' ? t.readerWrongPin(state.triesLeft ?? 0) : state.error === 'LOCKED' ? t.readerLocked : state.error === 'PIN_FORMAT' ? t.loginPinFormat : state.error ? t.readerError : undefined;
    return (
      <div className="stack">
        <h2 ref={heading} tabIndex={-1}>{t.readerMethodTitle}</h2>
        {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
        <form action={action}>
          <input type="hidden" name="step" value="method" />
          <input type="hidden" name="cardSerial" value={state.cardSerial} />
          <input type="hidden" name="method" value="FACE" />
          <button type="submit" className="button button--large" disabled={pending || state.error === 'LOCKED'}>{t.readerFace}</button>
        </form>
        <form action={action} className="card">
          <input type="hidden" name="step" value="method" />
          <input type="hidden" name="cardSerial" value={state.cardSerial} />
          <input type="hidden" name="method" value="PIN" />
          <div className="field">
            <label htmlFor="reader-pin">{t.readerPinLabel}</label>
            <input id="reader-pin" name="pin" type="password" inputMode="numeric" maxLength={4} autoComplete="off" style={{ fontSize: '1.5rem', letterSpacing: '0.5em' }} />
          </div>
          <button type="submit" className="button button--large button--quiet" disabled={pending || state.error === 'LOCKED'}>{t.readerPin}：{t.readerVerify}</button>
        </form>
      </div>
    );
  }
  if (state.step === 'consent') {
    return (
      <form action={action} className="stack">
        <h2 ref={heading} tabIndex={-1}>{t.readerConsentTitle}</h2>
        <p>{t.readerConsentLead}</p>
        {state.error ? <p className="notice notice--error" role="alert">{t.readerError}</p> : null}
        <input type="hidden" name="step" value="consent" />
        <input type="hidden" name="cardSerial" value={state.cardSerial} />
        <fieldset className="card">
          <legend style={{ fontWeight: 700 }}>{t.readerConsentDrug}</legend>
          <div className="choices">
            <label className="button button--quiet button--large"><input type="radio" name="drug" value="yes" defaultChecked style={{ width: 28, height: 28, minHeight: 0, marginRight: '0.5rem' }} />{t.readerAgree}</label>
            <label className="button button--quiet button--large"><input type="radio" name="drug" value="no" style={{ width: 28, height: 28, minHeight: 0, marginRight: '0.5rem' }} />{t.readerDisagree}</label>
          </div>
        </fieldset>
        {pharmacy ? <p className="notice">{t.readerPharmacyNoCheckup}</p> : (
          <fieldset className="card">
            <legend style={{ fontWeight: 700 }}>{t.readerConsentCheckup}</legend>
            <div className="choices">
              <label className="button button--quiet button--large"><input type="radio" name="checkup" value="yes" defaultChecked style={{ width: 28, height: 28, minHeight: 0, marginRight: '0.5rem' }} />{t.readerAgree}</label>
              <label className="button button--quiet button--large"><input type="radio" name="checkup" value="no" style={{ width: 28, height: 28, minHeight: 0, marginRight: '0.5rem' }} />{t.readerDisagree}</label>
            </div>
          </fieldset>
        )}
        <button type="submit" className="button button--large" disabled={pending}>{t.readerVerify}</button>
      </form>
    );
  }
  return (
    <div className="stack">
      <h2 ref={heading} tabIndex={-1} className="notice notice--ok">{t.readerDone}</h2>
      <ConfirmationResult result={state.result} t={t} locale={locale} />
      {state.result.patientId ? <a className="button button--quiet" href={`/clinic/patients/${state.result.patientId}`}>{t.clinicOpen}</a> : null}
      <form action={action}>
        <input type="hidden" name="step" value="restart" />
        <button type="submit" className="button button--large">{t.readerAgain}</button>
      </form>
    </div>
  );
}
