'use client';
import { useActionState } from 'react';
import { resetStaffPasswordAction, type EnrollmentLinkState } from '@/app/actions/onboarding';
import { EnrollmentLink } from '@/components/EnrollmentLink';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { messagesFor, type Locale } from '@/lib/messages';

/**
 * Password reset (docs/operations.md "Taking a new facility into use", step 5): the chosen person's password and
 * authenticator stop working at once and a new one-time link, shown here once, lets them enroll again.
 */
export function ResetPasswordForm({ locale, staff }: { locale: Locale; staff: ReadonlyArray<{ staffId: string; displayName: string }> }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<EnrollmentLinkState, FormData>(resetStaffPasswordAction, { status: 'idle' });
  return (
    <section className="card" aria-labelledby="reset-password-title">
      <h2 id="reset-password-title" style={{ marginTop: 0 }}>{t.staffResetTitle}</h2>
      <p>{t.staffResetLead}</p>
      {state.status === 'error' ? <FormRefusalNotice locale={locale} refusal={state} /> : null}
      {state.status === 'done' ? (
        <>
          <p className="notice" role="status" data-testid="password-reset">{t.staffResetDone(state.staffName)}</p>
          <EnrollmentLink locale={locale} staffName={state.staffName} path={state.enrollmentPath} expiresAt={state.expiresAt} />
        </>
      ) : null}
      <form action={action}>
        <div className="field">
          <label htmlFor="reset-staffId">{t.staffResetWho}</label>
          <select id="reset-staffId" name="staffId" required>
            {staff.map((member) => <option key={member.staffId} value={member.staffId}>{`${member.displayName}（${member.staffId}）`}</option>)}
          </select>
        </div>
        <button type="submit" className="button" disabled={pending || staff.length === 0} aria-busy={pending}>{pending ? t.loading : t.staffResetButton}</button>
      </form>
    </section>
  );
}
