import type { Metadata } from 'next';
import { reviewSubsidyAction } from '@/app/actions/subsidy';
import { subsidyBadge, subsidyCategoryText, subsidyStatusText } from '@/app/clinic/admin/SubsidySection';
import { ConfirmButton } from '@/components/ConfirmButton';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { ErrorState } from '@/components/States';
import { formatDate, formatYen } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { SubsidyApplicationsQuery } from '@/lib/graphql/subsidy';
import { messages, pageTitle } from '@/lib/i18n';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperatorSubsidies');
}

/** The API's page limit (consent PAGE_MAX). */
const SHOWN = 200;

/**
 * The operator's review of subsidy applications (docs/operations.md "Subsidy (医療情報化支援基金)"): approve or reject
 * a submitted one, mark an approved one paid. Which step is allowed when is the API's (INVALID_STATE otherwise).
 */
export default async function OperatorSubsidiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const result = await pageData(await gatewayQuery(SubsidyApplicationsQuery, { first: SHOWN }, session.token), '/staff/login');
  const error = typeof query.subsidyError === 'string' ? query.subsidyError : undefined;
  const field = typeof query.field === 'string' ? query.field : undefined;
  const step = (id: string, decision: string, label: string) => (
    <form action={reviewSubsidyAction} className="inline-form">
      <input type="hidden" name="id" value={id} /><input type="hidden" name="decision" value={decision} />
      <button type="submit" className={decision === 'approve' ? 'button' : 'button button--quiet'}>{label}</button>
    </form>
  );
  return (
    <>
      <h1>{t.titleOperatorSubsidies}</h1>
      <p>{t.subsidiesLead}</p>
      <h2 id="applications">{t.subsidyListTitle}</h2>
      {error ? <FormRefusalNotice locale={locale} refusal={{ code: error, ...(field ? { field } : {}) }} /> : null}
      {query.done ? <p className="notice notice--ok" role="status">{t.subsidyReviewed}</p> : null}
      {!result.ok ? <ErrorState t={t} failure={result} retryHref="/operator/subsidies" />
      : result.data.subsidyApplications.length === 0 ? <p className="notice">{t.subsidyNone}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="applications">
          <table className="table--cards" data-testid="subsidies-table">
            <thead>
              <tr>
                <th scope="col">{t.subsidyFacility}</th><th scope="col">{t.subsidyCategory}</th><th scope="col">{t.subsidyTotalCost}</th><th scope="col">{t.subsidyAmount}</th>
                <th scope="col">{t.subsidyWentLiveOn}</th><th scope="col">{t.subsidyStatus}</th><th scope="col">{t.subsidyActions}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.subsidyApplications.map((application) => (
                <tr key={application.id} data-application={application.id} data-facility={application.facilityCode} data-status={application.status}>
                  <th scope="row" data-label={t.subsidyFacility}><span>{application.facilityName} <span className="muted">{application.facilityCode}</span></span></th>
                  <td data-label={t.subsidyCategory}>{subsidyCategoryText(t, application.category)}</td>
                  <td data-label={t.subsidyTotalCost}>{formatYen(application.systemCost + application.networkCost + application.readerCost + application.otherCost, locale)}</td>
                  <td data-label={t.subsidyAmount}><strong>{formatYen(application.subsidyAmount, locale)}</strong></td>
                  <td data-label={t.subsidyWentLiveOn}>{formatDate(application.wentLiveOn, locale)}</td>
                  <td data-label={t.subsidyStatus}>
                    <span><span className={`badge ${subsidyBadge(application.status)}`}>{subsidyStatusText(t, application.status)}</span>
                      {application.rejectionReason ? <span className="muted">{' '}{t.labelled(t.subsidyRejectionReason, application.rejectionReason)}</span> : null}
                    </span>
                  </td>
                  <td data-label={t.subsidyActions}>
                    {application.status === 'SUBMITTED' ? (
                      <span>
                        {step(application.id, 'approve', t.subsidyApprove)}
                        <form action={reviewSubsidyAction} className="reject-form">
                          <input type="hidden" name="id" value={application.id} /><input type="hidden" name="decision" value="reject" />
                          <label className="visually-hidden" htmlFor={`reason-${application.id}`}>{t.subsidyRejectionReason}</label>
                          <input id={`reason-${application.id}`} name="reason" size={8} placeholder={t.subsidyRejectionReason} maxLength={500} />
                          <button type="submit" className="button button--quiet">{t.subsidyReject}</button>
                        </form>
                      </span>
                    ) : application.status === 'APPROVED' ? (
                    // Paying cannot be undone (the API has no way back from PAID): the operator confirms first.
                      <ConfirmButton action={reviewSubsidyAction} fields={{ id: application.id, decision: 'pay' }} testId="pay-subsidy-dialog" tone="primary"
                        label={t.subsidyPayLabel(application.facilityName)} buttonLabel={t.subsidyPay}
                        title={t.subsidyPayTitle} body={t.subsidyPayBody(application.facilityName, formatYen(application.subsidyAmount, locale))} confirmLabel={t.subsidyPay} cancelLabel={t.phrRevokeCancel}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
