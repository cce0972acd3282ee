import type { Metadata } from 'next';
import { ErrorState } from '@/components/States';
import { formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { AccessLogQuery } from '@/lib/graphql/patient';
import { messages } from '@/lib/i18n';
import { categoryLabel, decisionLabel, facilityLabel, reasonLabel, roleLabel } from '@/lib/labels';
import { facilityNames } from '@/lib/facilities';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export const metadata: Metadata = { title: '提供状況' };

/** The log keeps every provision; the page reads the newest ones (the API caps `first`). */
const LOG_PAGE_SIZE = 200;
const PERIODS = { all: undefined, '30': 30, '365': 365 } as const;
type Period = keyof typeof PERIODS;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function AccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  const result = await pageData(await gatewayQuery(AccessLogQuery, { first: LOG_PAGE_SIZE }, session?.token));
  if (!result.ok) return <><h1>{t.accessTitle}</h1><ErrorState t={t} failure={result} retryHref="/access" /></>;
  const periodParam = single(params.period);
  const period: Period = periodParam === '30' || periodParam === '365' ? periodParam : 'all';
  const facility = single(params.facility) ?? '';
  const entries = result.data.me.accessLog;
  const facilities = [...new Set(entries.map((entry) => entry.facilityCode).filter((code): code is string => Boolean(code)))].sort();
  const names = await facilityNames(facilities, session?.token);
  const days = PERIODS[period];
  const since = days === undefined ? undefined : Date.now() - days * 86_400_000;
  const shown = entries.filter((entry) => (since === undefined || Date.parse(entry.at) >= since) && (!facility || entry.facilityCode === facility));
  return (
    <>
      <h1>{t.accessTitle}</h1>
      <p>{t.accessLead}</p>
      <form className="filters" method="get" action="/access" aria-label={t.filterApply}>
        <div className="field">
          <label htmlFor="period">{t.filterPeriod}</label>
          <select id="period" name="period" defaultValue={period}>
            <option value="all">{t.periodAll}</option>
            <option value="30">{t.period30}</option>
            <option value="365">{t.period365}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="facility">{t.filterFacility}</label>
          <select id="facility" name="facility" defaultValue={facility}>
            <option value="">{t.facilityAll}</option>
            {facilities.map((code) => <option key={code} value={code}>{facilityLabel(t, code, names)}</option>)}
          </select>
        </div>
        <button type="submit" className="button">{t.filterApply}</button>
      </form>
      <p aria-live="polite">{t.accessCount(shown.length)}</p>
      {shown.length === 0 ? <p className="notice">{t.noAccess}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.accessTitle}>
          <table className="table--cards">
            <thead>
              <tr><th scope="col">{t.colDate}</th><th scope="col">{t.colFacility}</th><th scope="col">{t.colViewer}</th><th scope="col">{t.colCategory}</th><th scope="col">{t.colResult}</th><th scope="col">{t.colReason}</th></tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr key={`${entry.requestId}-${entry.category}-${entry.at}`}>
                  <td data-label={t.colDate}>{formatDateTime(entry.at, locale)}</td>
                  <td data-label={t.colFacility}>{facilityLabel(t, entry.facilityCode, names)}</td>
                  <td data-label={t.colViewer}>{roleLabel(t, entry.actorRole)}</td>
                  <td data-label={t.colCategory}>{categoryLabel(t, entry.category)}</td>
                  <td data-label={t.colResult}><span className={`badge ${entry.decision === 'ALLOW' ? 'badge--info' : 'badge--muted'}`}>{decisionLabel(t, entry.decision)}</span></td>
                  <td data-label={t.colReason}>{reasonLabel(t, entry.reason)}{entry.special ? <> <span className="badge badge--alert">{t.specialOperation}</span></> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
