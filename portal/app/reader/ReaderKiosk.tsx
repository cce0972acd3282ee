'use client';
import { useActionState, useEffect, useRef, useState } from 'react';
import { readerStep, type ReaderState } from '@/app/actions/reader';
import { messagesFor, type Locale } from '@/lib/messages';

/** How long the patient's "done" screen stays before the kiosk returns to its start for the next person. */
const RESET_AFTER_MS = 15_000;

const radio = { width: 28, height: 28, minHeight: 0, marginRight: '0.5rem' } as const;

/**
 * The kiosk, patient-facing only: card → the patient's own answers (nothing pre-selected, each
 * question required, 「同意しない」 exactly as easy as 「同意する」) → PIN → done. No staff controls; the
 * result screen shows only the patient's own answers and returns to the start after a short time or at the
 * next card. Focus moves to each step's heading so screen-reader and keyboard users follow along.
 */
export function ReaderKiosk({ locale, asksCheckups }: { locale: Locale; asksCheckups: boolean }) {
  const [round, setRound] = useState(0);
  // A new round remounts the form state: nothing of the previous person survives.
  return <KioskRound key={round} locale={locale} asksCheckups={asksCheckups} onReset={() => setRound((n) => n + 1)} />;
}

function Choice({ name, legend, t }: { name: 'drug' | 'checkup'; legend: string; t: ReturnType<typeof messagesFor> }) {
  return (
    <fieldset className="card">
      <legend style={{ fontWeight: 700 }}>{legend}</legend>
      <div className="choices">
        <label className="button button--quiet button--large"><input type="radio" name={name} value="yes" required style={radio} />{t.readerAgree}</label>
        <label className="button button--quiet button--large"><input type="radio" name={name} value="no" required style={radio} />{t.readerDisagree}</label>
      </div>
    </fieldset>
  );
}

function KioskRound({ locale, asksCheckups, onReset }: { locale: Locale; asksCheckups: boolean; onReset: () => void }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<ReaderState, FormData>(readerStep, { step: 'card' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [state.step]);
  useEffect(() => {
    if (state.step !== 'done') return undefined;
    const timer = setTimeout(onReset, RESET_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state.step, onReset]);

  if (state.step === 'card') {
    const error = state.error === 'STAFF_ONLY' ? t.readerStaffOnly : state.error === 'SERVICE_UNAVAILABLE' ? t.errorUnavailable : state.error === 'NO_READER' ? t.readerNoReader
      : state.error === 'NOT_USABLE' ? t.readerCardNotUsable : state.error ? t.readerError : undefined;
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
  if (state.step === 'consent') {
    return (
      <form action={action} className="stack">
        <h2 ref={heading} tabIndex={-1}>{t.readerConsentTitle}</h2>
        <p>{t.readerConsentLead}</p>
        {state.error ? <p className="notice notice--error" role="alert">{t.readerAnswerRequired}</p> : null}
        <input type="hidden" name="step" value="consent" />
        <input type="hidden" name="cardSerial" value={state.cardSerial} />
        <Choice name="drug" legend={t.readerConsentDrug} t={t} />
        {asksCheckups ? <Choice name="checkup" legend={t.readerConsentCheckup} t={t} /> : <p className="notice">{t.readerPharmacyNoCheckup}</p>}
        <button type="submit" className="button button--large" disabled={pending}>{t.readerNext}</button>
      </form>
    );
  }
  if (state.step === 'pin') {
    const error = state.error === 'WRONG_PIN' ? t.readerWrongPin(state.triesLeft ?? 0) : state.error === 'LOCKED' ? t.readerLocked : state.error === 'PIN_FORMAT' ? t.loginPinFormat : state.error ? t.readerError : undefined;
    return (
      <form action={action} className="stack">
        <h2 ref={heading} tabIndex={-1}>{t.readerPin}</h2>
        <p>{t.readerPinLead}</p>
        {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
        <input type="hidden" name="step" value="pin" />
        <input type="hidden" name="cardSerial" value={state.cardSerial} />
        <input type="hidden" name="drug" value={state.answers.drug} />
        <input type="hidden" name="checkup" value={state.answers.checkup} />
        <div className="field">
          <label htmlFor="reader-pin">{t.readerPinLabel}</label>
          <input id="reader-pin" name="pin" type="password" inputMode="numeric" maxLength={4} autoComplete="off" required style={{ fontSize: '1.5rem', letterSpacing: '0.5em' }} />
        </div>
        <button type="submit" className="button button--large" disabled={pending || state.error === 'LOCKED'}>{t.readerVerify}</button>
      </form>
    );
  }
  return (
    <div className="stack">
      <h2 ref={heading} tabIndex={-1} className="notice notice--ok">{t.readerDone}</h2>
      <section className="card" aria-labelledby="reader-answers">
        <h3 id="reader-answers">{t.readerYourAnswers}</h3>
        <dl>
          <dt>{t.readerConsentDrug}</dt><dd>{t.readerAnswered(state.drug)}</dd>
          {asksCheckups ? (<><dt>{t.readerConsentCheckup}</dt><dd>{t.readerAnswered(state.checkup)}</dd></>) : null}
        </dl>
      </section>
      <p role="status">{t.readerResetNotice}</p>
      <button type="button" className="button button--large" onClick={onReset}>{t.readerAgain}</button>
    </div>
  );
}
