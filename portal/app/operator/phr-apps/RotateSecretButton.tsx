'use client';
import { useActionState } from 'react';
import { rotatePhrAppSecretAction, type ClientSecretState } from '@/app/actions/phrApps';
import { ClientSecretOnce } from '@/components/ClientSecretOnce';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { messagesFor, type Locale } from '@/lib/messages';

/** Rotates an app's secret; the new one is shown here once, the old one has stopped working. */
export function RotateSecretButton({ locale, clientId, displayName }: { locale: Locale; clientId: string; displayName: string }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<ClientSecretState, FormData>(rotatePhrAppSecretAction, { status: 'idle' });
  return (
    <>
      <form action={action} className="inline-form">
        <input type="hidden" name="clientId" value={clientId} />
        <button type="submit" className="button button--quiet nowrap" disabled={pending} aria-busy={pending} aria-label={t.phrAppRotateLabel(displayName)}>{pending ? t.loading : t.phrAppRotate}</button>
      </form>
      {state.status === 'error' ? <FormRefusalNotice locale={locale} refusal={state} /> : null}
      {state.status === 'done' ? <ClientSecretOnce locale={locale} {...state} /> : null}
    </>
  );
}
