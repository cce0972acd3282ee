'use client';
import { useActionState } from 'react';
import { registerFacilityAction, type EnrollmentLinkState } from '@/app/actions/onboarding';
import { EnrollmentLink } from '@/components/EnrollmentLink';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import type { FacilityKind } from '@/lib/graphql/generated/graphql';
import { messagesFor, type Locale } from '@/lib/messages';

/** Registers a facility and its administrator; the administrator's one-time link appears here once. */
export function RegisterFacilityForm({ locale }: { locale: Locale }) {
  const t = messagesFor(locale);
  const [state, action, pending] = useActionState<EnrollmentLinkState, FormData>(registerFacilityAction, { status: 'idle' });
  return (
    <section className="card" aria-labelledby="register-facility-title">
      <h2 id="register-facility-title" style={{ marginTop: 0 }}>{t.facilityRegisterTitle}</h2>
      {state.status === 'error' ? <FormRefusalNotice locale={locale} refusal={state} /> : null}
      {state.status === 'done' ? (
        <>
          <p className="notice" role="status" data-testid="facility-registered">{t.facilityRegistered(state.name, state.code)}</p>
          <EnrollmentLink locale={locale} staffName={state.staffName} path={state.enrollmentPath} expiresAt={state.expiresAt} />
        </>
      ) : null}
      <form action={action} noValidate>
        <div className="field"><label htmlFor="code">{t.facilityCodeField}</label><input id="code" name="code" inputMode="numeric" maxLength={10} required /></div>
        <div className="field"><label htmlFor="name">{t.facilityNameField}</label><input id="name" name="name" required /></div>
        <div className="field">
          <label htmlFor="kind">{t.facilityKindField}</label>
          <select id="kind" name="kind" defaultValue="MEDICAL">
            {(['MEDICAL', 'DENTAL', 'PHARMACY'] as const satisfies readonly FacilityKind[]).map((kind) => <option key={kind} value={kind}>{t[`kind${kind}`]}</option>)}
          </select>
        </div>
        <div className="field"><label htmlFor="prefecture">{t.facilityPrefectureField}</label><input id="prefecture" name="prefecture" inputMode="numeric" maxLength={2} required /></div>
        <div className="field field--check"><input id="hospital" name="hospital" type="checkbox" value="yes" /><label htmlFor="hospital">{t.facilityHospitalField}</label></div>
        <div className="field"><label htmlFor="administratorStaffId">{t.facilityAdminIdField}</label><input id="administratorStaffId" name="administratorStaffId" autoComplete="off" required /></div>
        <div className="field"><label htmlFor="administratorName">{t.facilityAdminNameField}</label><input id="administratorName" name="administratorName" autoComplete="off" required /></div>
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>{pending ? t.loading : t.facilityRegisterButton}</button>
      </form>
    </section>
  );
}
