import type { Metadata } from 'next';
import { Pager } from '@/components/Pager';
import { ErrorState } from '@/components/States';
import { groupLog, pageOf } from '@/lib/accessLog';
import { formatDateTime, formatTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { AccessLogQuery } from '@/lib/graphql/patient';
import { messages, pageTitle } from '@/lib/i18n';
import { categoryLabel, decisionLabel, reasonLabel, roleLabel } from '@/lib/labels';
import { pageData } from '@/lib/pageData';
import { readerDirectory, readerKey, readerName, specialReadLabel } from '@/lib/readers';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('navAccess');
}

/** The log keeps every provision; the page reads the newest ones (the API caps `first`). */
const LOG_WINDOW = 500;
/** Grouped rows per page: ten cards still fit a few screens of a phone. */
const ROWS_PER_PAGE = 10;
const PERIODS = { all: undefined, '30': 30, '365': 365 } as const;
type Period = keyof typeof PERIODS;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function AccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  const result = await pageData(await gatewayQuery(AccessLogQuery, { first: LOG_WINDOW }, session?.token));
  if (!result.ok) return <><h1>{t.accessTitle}</h1><ErrorState t={t} failure={result} retryHref="/access" /></>;
  const periodParam = single(params.period);
  const period: Period = periodParam === '30' || periodParam === '365' ? periodParam : 'all';
  const reader = single(params.reader) ?? '';
  const entries = result.data.me.accessLog;
  const directory = await readerDirectory(entries, session?.token);
  // The filter lists every reader in the log by name (a facility, an insurer, an app, the operator).
  const readers = [...new Map(entries.map((entry) => [readerKey(entry), readerName(t, entry, directory)] as const)).entries()]
    .sort(([, a], [, b]) => a.localeCompare(b, locale));
  const days = PERIODS[period];
  const since = days === undefined ? undefined : Date.now() - days * 86_400_000;
  const shown = entries.filter((entry) => (since === undefined || Date.parse(entry.at) >= since) && (!reader || readerKey(entry) === reader));
  const groups = groupLog(shown);
  const { rows, page, pages } = pageOf(groups, Number(single(params.page) ?? '1'), ROWS_PER_PAGE);
  const pageHref = (target: number) => `/access?${new URLSearchParams({ ...(period !== 'all' ? { period } : {}), ...(reader ? { reader } : {}), page: String(target) }).toString()}`;
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
          <label htmlFor="reader">{t.filterReader}</label>
          <select id="reader" name="reader" defaultValue={reader}>
            <option value="">{t.readerAll}</option>
            {readers.map(([key, name]) => <option key={key} value={key}>{name}</option>)}
          </select>
        </div>
        <button type="submit" className="button">{t.filterApply}</button>
      </form>
      <p aria-live="polite" data-testid="access-summary" data-rows={groups.length} data-records={shown.length}>{t.accessSummary(shown.length, groups.length)}</p>
      {shown.length === 0 ? <p className="notice">{t.noAccess}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.accessTitle}>
          <table className="table--cards">
            <thead>
              <tr><th scope="col">{t.colDate}</th><th scope="col">{t.colReader}</th><th scope="col">{t.colRole}</th><th scope="col">{t.colCategory}</th><th scope="col">{t.colResult}</th><th scope="col">{t.colReason}</th><th scope="col" className="num">{t.colTimes}</th></tr>
            </thead>
            <tbody>
              {rows.map(({ key, newest, oldestAt, count }) => {
                const special = specialReadLabel(t, newest);
                return (
                  <tr key={key} data-testid="access-row">
                    <td data-label={t.colDate} className="nowrap">{formatDateTime(newest.at, locale)}{formatTime(oldestAt, locale) !== formatTime(newest.at, locale) ? <span className="muted">{t.accessFrom(formatTime(oldestAt, locale))}</span> : null}</td>
                    <td data-label={t.colReader} className="keep-words"><span><span data-testid="access-reader">{readerName(t, newest, directory)}</span>{newest.appOperatorName ? <><br /><span className="muted app-operator" data-testid="access-reader-operator">{t.appOperatorLabel(newest.appOperatorName)}</span></> : null}</span></td>
                    <td data-label={t.colRole} className="keep-words">{roleLabel(t, newest.actorRole)}</td>
                    <td data-label={t.colCategory} className="keep-words">{categoryLabel(t, newest.category)}</td>
                    <td data-label={t.colResult}><span className={`badge ${newest.decision === 'ALLOW' ? 'badge--info' : 'badge--muted'}`}>{decisionLabel(t, newest.decision)}</span></td>
                    {/* A disaster-mode or emergency read carries its flag in every row, then the reason if it says more. */}
                    <td data-label={t.colReason}>{special ? <span className="badge badge--alert">{special}</span> : null}{special && special !== reasonLabel(t, newest.reason) ? ' ' : null}{special !== reasonLabel(t, newest.reason) ? reasonLabel(t, newest.reason) : null}</td>
                    <td data-label={t.colTimes} className="num" data-testid="access-times">{t.accessTimes(count)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={t} page={page} pages={pages} href={pageHref} testId="access-pager" />
    </>
  );
}
