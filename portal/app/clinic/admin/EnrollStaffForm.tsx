'use client';
import { useActionState } from 'react';
import { enrollStaffAction, type EnrollmentLinkState } from '@/app/actions/onboarding';
import { EnrollmentLink } from '@/components/EnrollmentLink';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { messagesFor, type Locale } from '@/lib/messages';

/** The roles a facility of each kind may enroll: reception, or the licence the kind allows (docs/operations.md step 5). */
const LICENCE = { MEDICAL: 'DOCTOR', DENTAL: 'DENTIST', PHARMACY: 'PHARMACIST' } as const;

/** Enrolls a staff member of the administrator's own facility; the person's one-time link appears here once. */
export function EnrollStaffForm({ locale, kind }: { locale: Locale; kind: string }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<EnrollmentLinkState, FormData>(enrollStaffAction, { status: 'idle' });
  const licence = LICENCE[kind as keyof typeof LICENCE];
  const roles = licence ? [licence, 'RECEPTION'] as const : ['RECEPTION'] as const;
  return (
    <section className="card" aria-labelledby="enroll-staff-title">
      <h2 id="enroll-staff-title" style={{ marginTop: 0 }}>{t.staffEnrollTitle}</h2>
      {state.status === 'error' ? <FormRefusalNotice locale={locale} refusal={state} /> : null}
      {state.status === 'done' ? (
        <>
          <p className="notice" role="status" data-testid="staff-enrolled">{t.staffEnrolled(state.name)}</p>
          <EnrollmentLink locale={locale} staffName={state.staffName} path={state.enrollmentPath} expiresAt={state.expiresAt} />
        </>
      ) : null}
      <form action={action} noValidate>
        <div className="field"><label htmlFor="staffId">{t.staffIdField}</label><input id="staffId" name="staffId" autoComplete="off" required /></div>
        <div className="field"><label htmlFor="displayName">{t.staffNameField}</label><input id="displayName" name="displayName" autoComplete="off" required /></div>
        <div className="field">
          <label htmlFor="role">{t.staffRoleField}</label>
          <select id="role" name="role" defaultValue={roles[0]}>
            {roles.map((role) => <option key={role} value={role}>{t[`role${role}`]}</option>)}
          </select>
        </div>
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>{pending ? t.loading : t.staffEnrollButton}</button>
      </form>
    </section>
  );
}
