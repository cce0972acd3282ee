import type { Metadata } from 'next';
import { ComingSoon, ErrorState } from '@/components/States';
import { grantPhr } from '@/app/actions/phr';
import { CategoryCheckboxes } from '@/components/CategoryCheckboxes';
import { RevokeGrantButton } from '@/components/RevokeGrantButton';
import { formatDate } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { GrantablePhrAppsQuery, MyPhrGrantsQuery } from '@/lib/graphql/phr';
import { messages, pageTitle } from '@/lib/i18n';
import { categoryLabel } from '@/lib/labels';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('navPhr');
}

export default async function PhrPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  const [grantsAnswer, appsAnswer] = await Promise.all([gatewayQuery(MyPhrGrantsQuery, {}, session?.token), gatewayQuery(GrantablePhrAppsQuery, {}, session?.token)]);
  const result = await pageData(grantsAnswer);
  if (!result.ok) return <><h1>{t.phrTitle}</h1>{result.code === 'NOT_READY' ? <ComingSoon t={t} title={t.phrTitle} /> : <ErrorState t={t} failure={result} retryHref="/phr" />}</>;
  const grants = result.data.me.phrGrants;
  // The apps the operator registered and did not disable; without the list the form cannot be offered.
  const apps = appsAnswer.ok ? appsAnswer.data.grantablePhrApps : [];
  const outcome = params.result;
  return (
    <>
      <h1>{t.phrTitle}</h1>
      <p>{t.phrLead}</p>
      {outcome === 'granted' ? <p className="notice notice--ok" role="status">{t.phrGrantDone}</p> : null}
      {outcome === 'revoked' ? <p className="notice notice--ok" role="status">{t.phrRevokeDone}</p> : null}
      {outcome === 'grant-error' || outcome === 'revoke-error' ? <p className="notice notice--error" role="alert">{t.phrGrantError}</p> : null}
      {grants.length === 0 ? <p className="notice">{t.phrNone}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.phrTitle}>
          <table className="table--cards">
            <thead><tr><th scope="col">{t.phrApp}</th><th scope="col">{t.phrCategories}</th><th scope="col">{t.phrGranted}</th><th scope="col">{t.phrExpires}</th><th scope="col">{t.phrStatus}</th><th scope="col"><span className="visually-hidden">{t.phrRevoke}</span></th></tr></thead>
            <tbody>
              {grants.map((grant) => (
                <tr key={grant.id}>
                  <th scope="row" data-label={t.phrApp} className="keep-words"><span><span data-testid="phr-app">{grant.appName}</span>{grant.appOperatorName ? <><br /><span className="muted app-operator" style={{ fontWeight: 400 }} data-testid="phr-app-operator">{t.appOperatorLabel(grant.appOperatorName)}</span></> : null}</span></th>
                  <td data-label={t.phrCategories} className="keep-words">{grant.categories.map((category) => categoryLabel(t, category)).join(t.listSeparator)}</td>
                  <td data-label={t.phrGranted} className="nowrap">{formatDate(grant.grantedAt, locale)}</td>
                  <td data-label={t.phrExpires} className="nowrap">{formatDate(grant.expiresAt, locale)}</td>
                  <td data-label={t.phrStatus}><span className={`badge ${grant.active ? 'badge--ok' : 'badge--muted'}`}>{grant.active ? t.phrActive : grant.revokedAt ? t.phrRevoked : t.phrExpired}</span></td>
                  <td data-label="">{grant.active ? (
                    <RevokeGrantButton grantId={grant.id} label={t.phrRevokeLabel(grant.appName)} buttonLabel={t.phrRevoke} title={t.phrRevokeConfirmTitle(grant.appName)}
                      body={t.phrRevokeConfirmBody} confirmLabel={t.phrRevokeConfirm} cancelLabel={t.phrRevokeCancel}
                    />
                  ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card card--narrow" aria-labelledby="grant-title">
        <h2 id="grant-title" style={{ marginTop: 0 }}>{t.phrGrantTitle}</h2>
        <form action={grantPhr}>
          <div className="field">
            <label htmlFor="appId">{t.phrAppId}</label>
            <select id="appId" name="appId" required aria-describedby="appId-help">
              {apps.map((app) => <option key={app.clientId} value={app.clientId}>{t.phrAppOption(app.displayName, app.operatorName)}</option>)}
            </select>
            <span id="appId-help" className="field__help">{t.phrAppIdHelp}</span>
          </div>
          <CategoryCheckboxes t={t} name="categories" legend={t.phrChooseCategories} />
          <div className="field">
            <label htmlFor="days">{t.phrDays}</label>
            <select id="days" name="days" defaultValue="90">
              <option value="90">90</option>
              <option value="30">30</option>
            </select>
          </div>
          <button type="submit" className="button">{t.phrGrantButton}</button>
        </form>
      </section>
    </>
  );
}
