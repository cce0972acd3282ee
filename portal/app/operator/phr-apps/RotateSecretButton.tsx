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
      {/* Below the row of the app's buttons (the page's flex row), not between them. */}
      {state.status === 'idle' ? null : (
        <div style={{ order: 1, flexBasis: '100%' }}>
          {state.status === 'error' ? <FormRefusalNotice locale={locale} refusal={state} /> : <ClientSecretOnce locale={locale} {...state} />}
        </div>
      )}
    </>
  );
}
