import type { Metadata } from 'next';
import { disablePhrAppAction } from '@/app/actions/phrApps';
import { ConfirmButton } from '@/components/ConfirmButton';
import { ErrorState } from '@/components/States';
import { formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { PhrAppsQuery } from '@/lib/graphql/phrApps';
import { messages, pageTitle } from '@/lib/i18n';
import { categoryLabel } from '@/lib/labels';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';
import { RegisterPhrAppForm } from './RegisterPhrAppForm';
import { RotateSecretButton } from './RotateSecretButton';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperatorPhrApps');
}

/** The API's page limit for phrApps (consent PAGE_MAX). */
const SHOWN = 200;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * PHR apps (docs/operations.md "PHR apps"): the operator registers an app with the data it may ask for, hands its
 * secret (shown once) to the vendor, rotates the secret when it may have leaked and disables an app that must stop.
 * One card per app rather than a table, so that a freshly rotated secret has room on a phone.
 */
export default async function OperatorPhrAppsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const result = await pageData(await gatewayQuery(PhrAppsQuery, { first: SHOWN }, session.token), '/staff/login');
  const done = single(params.done);
  const error = single(params.error);
  return (
    <>
      <h1>{t.phrAppsTitle}</h1>
      <p>{t.phrAppsLead}</p>
      {done === 'disabled' ? <p className="notice notice--ok" role="status">{t.phrAppDisabledDone}</p> : null}
      {error ? <p className="notice notice--error" role="alert" data-code={error}>{error === 'FORBIDDEN' ? t.errorForbidden : t.errorGeneric}</p> : null}
      <RegisterPhrAppForm locale={locale} />
      <h2 id="apps-title">{t.phrAppsListTitle}</h2>
      {!result.ok ? <ErrorState t={t} failure={result} retryHref="/operator/phr-apps" />
      : result.data.phrApps.length === 0 ? <p className="notice">{t.phrAppsNone}</p> : (
        <ul aria-labelledby="apps-title" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="phr-apps">
          {result.data.phrApps.map((app) => (
            <li key={app.clientId} className="card" data-client-id={app.clientId} data-state={app.disabledAt ? 'disabled' : 'active'}>
              <h3 style={{ marginTop: 0 }}>
                {app.displayName}{' '}
                <span className={`badge ${app.disabledAt ? 'badge--muted' : 'badge--ok'}`}>{app.disabledAt ? t.phrAppStateDisabled : t.phrAppStateActive}</span>
              </h3>
              <dl className="facts">
                <dt>{t.phrAppOperatorName}</dt><dd>{app.operatorName || '—'}</dd>
                <dt>{t.phrAppClientId}</dt><dd><code>{app.clientId}</code></dd>
                <dt>{t.phrAppScopes}</dt><dd>{app.scopes.map((scope) => categoryLabel(t, scope)).join(t.listSeparator)}</dd>
                <dt>{t.phrAppCreatedAt}</dt><dd>{formatDateTime(app.createdAt, locale)}</dd>
                {app.rotatedAt ? <><dt>{t.phrAppRotatedAt}</dt><dd>{formatDateTime(app.rotatedAt, locale)}</dd></> : null}
                {app.disabledAt ? <><dt>{t.phrAppDisabledAt}</dt><dd>{formatDateTime(app.disabledAt, locale)}</dd></> : null}
              </dl>
              {app.disabledAt ? null : (
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', marginTop: '0.75rem', alignItems: 'flex-start' }}>
                  <RotateSecretButton locale={locale} clientId={app.clientId} displayName={app.displayName} />
                  <ConfirmButton action={disablePhrAppAction} fields={{ clientId: app.clientId }} testId="disable-app-dialog"
                    label={t.phrAppDisableLabel(app.displayName)} buttonLabel={t.phrAppDisable} title={t.phrAppDisableTitle(app.displayName)}
                    body={t.phrAppDisableBody} confirmLabel={t.phrAppDisable} cancelLabel={t.phrRevokeCancel}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
