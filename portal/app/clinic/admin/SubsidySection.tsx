import { applyForSubsidyAction } from '@/app/actions/subsidy';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { formatDate, formatYen } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { MySubsidyApplicationsQuery } from '@/lib/graphql/subsidy';
import type { SubsidyCategory, SubsidyStatus } from '@/lib/graphql/generated/graphql';
import type { Locale, Messages } from '@/lib/messages';

export function subsidyStatusText(t: Messages, status: SubsidyStatus): string {
  return t[`subsidyStatus${status}`];
}
export function subsidyCategoryText(t: Messages, category: SubsidyCategory): string {
  return t[`subsidyCategory${category}`];
}
export function subsidyBadge(status: SubsidyStatus): string {
  return status === 'PAID' || status === 'APPROVED' ? 'badge--ok' : status === 'REJECTED' ? 'badge--muted' : 'badge--warn';
}

/**
 * The facility's subsidy application (docs/operations.md "Subsidy (医療情報化支援基金)"): the form, and the state of
 * its applications. The amount is the API's; a refusal comes back as the code and field in the address.
 */
export async function SubsidySection({ locale, t, token, kind, query }: { locale: Locale; t: Messages; token: string; kind: string; query: Record<string, string | string[] | undefined> }) {
  const result = await gatewayQuery(MySubsidyApplicationsQuery, {}, token);
  const applications = result.ok ? result.data.mySubsidyApplications : [];
  const error = typeof query.subsidyError === 'string' ? query.subsidyError : undefined;
  const field = typeof query.field === 'string' ? query.field : undefined;
  const costField = (name: string, label: string) => (
    <div className="field"><label htmlFor={name}>{label}</label><input id={name} name={name} inputMode="numeric" defaultValue="0" required /></div>
  );
  return (
    <section className="card" aria-labelledby="subsidy" data-testid="subsidy-section">
      <h2 id="subsidy" style={{ marginTop: 0 }}>{t.subsidyTitle}</h2>
      <p>{t.subsidyLead}</p>
      {error ? <FormRefusalNotice locale={locale} refusal={{ code: error, ...(field ? { field } : {}) }} /> : null}
      {query.done === 'subsidy' ? <p className="notice notice--ok" role="status">{t.subsidyApplied}</p> : null}
      <h3>{t.subsidyListTitle}</h3>
      {applications.length === 0 ? <p className="notice">{t.subsidyNone}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.subsidyListTitle}>
          <table className="table--cards" data-testid="subsidy-table">
            <thead><tr><th scope="col">{t.subsidySubmittedAt}</th><th scope="col">{t.subsidyCategory}</th><th scope="col">{t.subsidyAmount}</th><th scope="col">{t.subsidyStatus}</th></tr></thead>
            <tbody>
              {applications.map((application) => (
                <tr key={application.id} data-status={application.status}>
                  <th scope="row" data-label={t.subsidySubmittedAt}>{formatDate(application.submittedAt.slice(0, 10), locale)}</th>
                  <td data-label={t.subsidyCategory}>{subsidyCategoryText(t, application.category)}</td>
                  <td data-label={t.subsidyAmount}>{formatYen(application.subsidyAmount, locale)}</td>
                  <td data-label={t.subsidyStatus}>
                    <span><span className={`badge ${subsidyBadge(application.status)}`}>{subsidyStatusText(t, application.status)}</span>
                      {application.rejectionReason ? <span className="muted">{' '}{t.labelled(t.subsidyRejectionReason, application.rejectionReason)}</span> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* One open application at a time (the API's APPLICATION_OPEN): the form returns only after a rejection. */}
      {applications.some((application) => application.status !== 'REJECTED') ? null : (
        <form action={applyForSubsidyAction} noValidate>
          {costField('systemCost', t.subsidySystemCost)}
          {costField('networkCost', t.subsidyNetworkCost)}
          {costField('readerCost', t.subsidyReaderCost)}
          {costField('otherCost', t.subsidyOtherCost)}
          <div className="field"><label htmlFor="readersBought">{t.subsidyReadersBought}</label><input id="readersBought" name="readersBought" inputMode="numeric" defaultValue="1" required /></div>
          <div className="field"><label htmlFor="wentLiveOn">{t.subsidyWentLiveOn}</label><input id="wentLiveOn" name="wentLiveOn" type="date" required /></div>
          {kind === 'PHARMACY' ? <div className="field field--check"><input id="largeChainPharmacy" name="largeChainPharmacy" type="checkbox" value="yes" /><label htmlFor="largeChainPharmacy">{t.subsidyLargeChain}</label></div> : null}
          <button type="submit" className="button">{t.subsidyApply}</button>
        </form>
      )}
    </section>
  );
}
