import type { Metadata } from 'next';
import { disableStaffAction } from '@/app/actions/onboarding';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { ErrorState } from '@/components/States';
import { formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { FacilityAdministrationQuery } from '@/lib/graphql/onboarding';
import { messages, pageTitle } from '@/lib/i18n';
import type { Messages } from '@/lib/messages';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';
import { EnrollStaffForm } from './EnrollStaffForm';
import { SubsidySection } from './SubsidySection';
import { ResetPasswordForm } from './ResetPasswordForm';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleFacilityAdmin');
}

function roleText(t: Messages, role: string): string {
  return role === 'RECEPTION' || role === 'DOCTOR' || role === 'DENTIST' || role === 'PHARMACIST' ? t[`role${role}`] : role;
}

/**
 * The facility administrator's page (docs/operations.md step 5): enroll staff of their own facility, see and disable
 * the accounts, see the facility's card readers. The API decides who is the administrator, from the account on every
 * request (never the token); anyone else gets its refusal (logged there) and this page shows nothing of the facility.
 * After going live the administrator applies for the subsidy here and sees its state (SubsidySection).
 */
export default async function FacilityAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const result = await pageData(await gatewayQuery(FacilityAdministrationQuery, {}, session.token), '/staff/login');
  if (!result.ok) {
    return (
      <>
        <h1>{t.titleFacilityAdmin}</h1>
        {result.code === 'FORBIDDEN' ? <p className="notice notice--error" role="alert" data-testid="not-facility-admin">{t.facilityAdminOnly}</p> : <ErrorState t={t} failure={result} retryHref="/clinic/admin" />}
        <p><a className="button button--quiet" href="/clinic">{t.backHome}</a></p>
      </>
    );
  }
  const { myFacility: facility, facilityStaff: staff, facilityReaders: readers } = result.data;
  const error = typeof query.error === 'string' ? query.error : undefined;
  return (
    <>
      <h1>{t.facilityAdminTitle(facility.name)}</h1>
      <p>{t.facilityAdminLead}</p>
      <EnrollStaffForm locale={locale} kind={facility.kind} />
      <h2 id="staff">{t.staffListTitle}</h2>
      {error ? <FormRefusalNotice locale={locale} refusal={{ code: error }} /> : null}
      {query.done === 'disabled' ? <p className="notice notice--ok" role="status">{t.staffDisabled}</p> : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="staff">
        <table className="table--cards" data-testid="staff-table">
          <thead><tr><th scope="col">{t.staffNameField}</th><th scope="col">{t.staffIdField}</th><th scope="col">{t.staffRoleField}</th><th scope="col">{t.staffState}</th><th scope="col"><span className="visually-hidden">{t.staffDisable}</span></th></tr></thead>
          <tbody>
            {staff.map((member) => {
              const state = member.disabledAt ? 'disabled' : member.enrolled ? 'enrolled' : 'pending';
              return (
                <tr key={member.staffId} data-staff={member.staffId} data-state={state}>
                  <th scope="row" data-label={t.staffNameField}>{member.displayName}</th>
                  <td data-label={t.staffIdField}>{member.staffId}</td>
                  <td data-label={t.staffRoleField}><span>{roleText(t, member.role)}{member.facilityAdmin ? <>{' '}<span className="badge badge--info">{t.staffAdminMark}</span></> : null}</span></td>
                  <td data-label={t.staffState}>
                    {/* One grid cell on a phone (table--cards): the badge and the date together. */}
                    <span>
                      <span className={`badge ${state === 'enrolled' ? 'badge--ok' : state === 'pending' ? 'badge--warn' : 'badge--muted'}`}>
                        {state === 'enrolled' ? t.staffStateEnrolled : state === 'pending' ? t.staffStatePending : t.staffStateDisabled}
                      </span>
                      {member.disabledAt ? <span className="muted">{' '}{formatDateTime(member.disabledAt, locale)}</span> : null}
                    </span>
                  </td>
                  <td data-label={t.staffDisable}>
                    {member.disabledAt || member.facilityAdmin ? null : (
                      <form action={disableStaffAction} className="inline-form">
                        <input type="hidden" name="staffId" value={member.staffId} />
                        <button type="submit" className="button button--quiet" aria-label={t.staffDisableLabel(member.displayName)}>{t.staffDisable}</button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ResetPasswordForm locale={locale} staff={staff.filter((member) => !member.disabledAt && !member.facilityAdmin)} />
      <h2 id="readers">{t.readersTitle}</h2>
      {readers.length === 0 ? <p className="notice">{t.readersNone}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="readers">
          <table className="table--cards" data-testid="readers-table">
            <thead><tr><th scope="col">{t.readerLabel}</th><th scope="col">{t.readerId}</th><th scope="col">{t.readerStatus}</th></tr></thead>
            <tbody>
              {readers.map((reader) => (
                <tr key={reader.id} data-reader={reader.id} data-status={reader.status}>
                  <th scope="row" data-label={t.readerLabel}>{reader.label ?? '—'}</th>
                  <td data-label={t.readerId}><span className="uri-text">{reader.id}</span></td>
                  <td data-label={t.readerStatus}>{t[`readerStatus${reader.status}`]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SubsidySection locale={locale} t={t} token={session.token} kind={facility.kind} query={query} />
    </>
  );
}
