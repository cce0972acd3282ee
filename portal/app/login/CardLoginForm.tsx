'use client';
import { useActionState } from 'react';
import { cardLogin, type CardLoginState } from '@/app/actions/auth';
import { messagesFor, type Locale } from '@/lib/messages';

export function CardLoginForm({ locale, next }: { locale: Locale; next: string }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<CardLoginState, FormData>(cardLogin, { status: 'idle' });
  let error: string | undefined;
  if (state.status === 'error') {
    error = state.reason === 'WRONG_PIN' ? t.loginWrongPin(state.triesLeft)
      : state.reason === 'LOCKED' ? t.loginLocked
      : state.reason === 'PIN_FORMAT' ? t.loginPinFormat
      : state.reason === 'NOT_READY' ? t.loginNotAvailable
      : state.reason === 'SERVICE_UNAVAILABLE' ? t.errorUnavailable
      : t.loginUnknownCard;
  }
  const cardSerial = state.status === 'error' ? state.cardSerial : '';
  return (
    <form action={action} noValidate>
      <input type="hidden" name="next" value={next} />
      {error ? <p className="notice notice--error" role="alert" id="login-error">{error}</p> : null}
      <div className="field">
        <label htmlFor="cardSerial">{t.cardSerial}</label>
        <input id="cardSerial" name="cardSerial" autoComplete="off" defaultValue={cardSerial} key={`card-${cardSerial}`} required aria-describedby="cardSerial-help" />
        <span id="cardSerial-help" className="field__help">{t.cardSerialHelp}</span>
      </div>
      <div className="field">
        <label htmlFor="pin">{t.pin}</label>
        <input id="pin" name="pin" type="password" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} autoComplete="off" required
          aria-describedby={error ? 'pin-help login-error' : 'pin-help'} aria-invalid={state.status === 'error' && state.reason !== 'UNKNOWN_CARD' ? true : undefined}
        />
        <span id="pin-help" className="field__help">{t.pinHelp}</span>
      </div>
      <button type="submit" className="button button--large" disabled={pending} aria-busy={pending}>{pending ? t.loading : t.loginButton}</button>
    </form>
  );
}
