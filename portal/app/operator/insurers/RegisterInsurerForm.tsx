'use client';
import { useActionState } from 'react';
import { registerInsurerAction } from '@/app/actions/insurers';
import type { EnrollmentLinkState } from '@/app/actions/onboarding';
import { EnrollmentLink } from '@/components/EnrollmentLink';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { INSURER_KINDS } from '@/lib/insurerKinds';
import { messagesFor, type Locale } from '@/lib/messages';

/** Registers an insurer and its first operator account; the account's one-time link appears here once. */
export function RegisterInsurerForm({ locale }: { locale: Locale }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<EnrollmentLinkState, FormData>(registerInsurerAction, { status: 'idle' });
  return (
    <section className="card" aria-labelledby="register-insurer-title">
      <h2 id="register-insurer-title" style={{ marginTop: 0 }}>{t.insurerRegisterTitle}</h2>
      {state.status === 'error' ? <FormRefusalNotice locale={locale} refusal={state} /> : null}
      {state.status === 'done' ? (
        <>
          <p className="notice" role="status" data-testid="insurer-registered">{t.insurerRegistered(state.name, state.code)}</p>
          <EnrollmentLink locale={locale} staffName={state.staffName} path={state.enrollmentPath} expiresAt={state.expiresAt} insurer />
        </>
      ) : null}
      <form action={action} noValidate>
        <div className="field"><label htmlFor="number">{t.insurerNumberField}</label><input id="number" name="number" inputMode="numeric" maxLength={8} aria-describedby="number-hint" required /><p id="number-hint" className="muted">{t.insurerNumberHint}</p></div>
        <div className="field"><label htmlFor="name">{t.insurerNameField}</label><input id="name" name="name" required /></div>
        <div className="field">
          <label htmlFor="kind">{t.insurerKindField}</label>
          <select id="kind" name="kind" defaultValue="">
            <option value="">{t.insurerKindFromNumber}</option>
            {INSURER_KINDS.map((kind) => <option key={kind} value={kind}>{t[`insurerKind${kind}`]}</option>)}
          </select>
        </div>
        <div className="field"><label htmlFor="prefecture">{t.insurerPrefectureField}</label><input id="prefecture" name="prefecture" inputMode="numeric" maxLength={2} /></div>
        <div className="field"><label htmlFor="administratorStaffId">{t.insurerAdminIdField}</label><input id="administratorStaffId" name="administratorStaffId" autoComplete="off" required /></div>
        <div className="field"><label htmlFor="administratorName">{t.insurerAdminNameField}</label><input id="administratorName" name="administratorName" autoComplete="off" required /></div>
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>{pending ? t.loading : t.insurerRegisterButton}</button>
      </form>
    </section>
  );
}
