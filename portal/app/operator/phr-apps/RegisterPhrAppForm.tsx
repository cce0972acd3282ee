'use client';
import { useActionState } from 'react';
import { registerPhrAppAction, type ClientSecretState } from '@/app/actions/phrApps';
import { CategoryCheckboxes } from '@/components/CategoryCheckboxes';
import { ClientSecretOnce } from '@/components/ClientSecretOnce';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { messagesFor, type Locale } from '@/lib/messages';

/** Registers a PHR app; its client secret appears here once. */
export function RegisterPhrAppForm({ locale }: { locale: Locale }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<ClientSecretState, FormData>(registerPhrAppAction, { status: 'idle' });
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <section className="card" aria-labelledby="register-app-title">
      <h2 id="register-app-title" style={{ marginTop: 0 }}>{t.phrAppRegisterTitle}</h2>
      {state.status === 'error' ? <FormRefusalNotice locale={locale} refusal={state} /> : null}
      {state.status === 'done' ? <ClientSecretOnce locale={locale} {...state} /> : null}
      <form action={action} noValidate>
        <div className="field"><label htmlFor="displayName">{t.phrAppDisplayName}</label><input id="displayName" name="displayName" required defaultValue={values?.displayName} /></div>
        <div className="field"><label htmlFor="operatorName">{t.phrAppOperatorName}</label><input id="operatorName" name="operatorName" required defaultValue={values?.operatorName} /></div>
        <div className="field">
          <label htmlFor="clientId">{t.phrAppClientIdOptional}</label>
          <input id="clientId" name="clientId" autoComplete="off" aria-describedby="clientId-help" defaultValue={values?.clientId} />
          <span id="clientId-help" className="field__help">{t.phrAppClientIdHelp}</span>
        </div>
        <CategoryCheckboxes t={t} name="scopes" legend={t.phrAppScopes} checked={values?.scopes} />
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>{pending ? t.loading : t.phrAppRegisterButton}</button>
      </form>
    </section>
  );
}
