import type { Metadata } from 'next';
import { ClaimRoutingChart } from '@/components/ClaimRoutingChart';
import { ErrorState } from '@/components/States';
import { formatMonth, formatNumber, formatYen, japanDay } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { ClaimRoutingStatisticsQuery } from '@/lib/graphql/operator';
import { messages, pageTitle } from '@/lib/i18n';
import type { Locale, Messages } from '@/lib/messages';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperator');
}

/** Months shown, the first the default: two years show a year against the one before it. */
const PERIODS = [24, 12, 60] as const;
/** 1 point (点) is 10 yen in every fee schedule (drugs subgraph, claims.ts YEN_PER_POINT). */
const YEN_PER_POINT = 10;

/** The `count` months of care ending with `lastMonth` (YYYY-MM), oldest first. */
function monthsEndingWith(lastMonth: string, count: number): string[] {
  const [year, month] = lastMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

function Amount({ t, points, locale }: { t: Messages; points: number; locale: Locale }) {
  return <>{formatYen(points * YEN_PER_POINT, locale)}<br /><span className="muted">{t.operatorPoints(formatNumber(points, locale))}</span></>;
}

/**
 * レセプト振替 for the operator (docs/drugs.md "Re-routing claims (レセプト振替)"): how many claims were checked against the
 * qualification history, re-routed and returned, and their amounts, nationwide per month of care. A month without a
 * single claim checked is shown as zeros, so the chart's months stay evenly spaced.
 */
export default async function OperatorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const requested = Number(Array.isArray(params.months) ? params.months[0] : params.months);
  const period = (PERIODS as readonly number[]).includes(requested) ? requested : PERIODS[0];
  const months = monthsEndingWith(japanDay(new Date().toISOString()).slice(0, 7), period);
  const fromMonth = months[0] ?? '';
  const toMonth = months[months.length - 1] ?? '';
  const range = t.operatorPeriodRange(formatMonth(fromMonth, locale), formatMonth(toMonth, locale));
  const result = await pageData(await gatewayQuery(ClaimRoutingStatisticsQuery, { fromMonth, toMonth }, session.token), '/staff/login');
  const chooser = (
    <form className="filters" method="get" action="/operator">
      <div className="field">
        <label htmlFor="months">{t.operatorPeriod}</label>
        <select id="months" name="months" defaultValue={String(period)}>
          {[...PERIODS].sort((a, b) => a - b).map((option) => <option key={option} value={option}>{t.operatorPeriodOption(option)}</option>)}
        </select>
      </div>
      <button type="submit" className="button">{t.operatorShow}</button>
    </form>
  );
  const heading = <><h1>{t.operatorTitle}</h1><p>{t.operatorLead}</p>{chooser}</>;
  if (!result.ok) return <>{heading}<ErrorState t={t} failure={result} retryHref={`/operator?months=${period}`} /></>;
  const answered = new Map(result.data.claimRoutingStatistics.map((month) => [month.serviceMonth, month]));
  const rows = months.map((serviceMonth) => answered.get(serviceMonth) ?? { serviceMonth, checked: 0, asBilled: 0, rerouted: 0, returned: 0, checkedPoints: 0, reroutedPoints: 0, returnedPoints: 0 });
  const total = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const shortLabel = (month: string) => (locale === 'ja' ? `${Number(month.slice(2, 4))}/${Number(month.slice(5, 7))}` : formatMonth(month, locale).replace(/^(\w{3})\w* (\d{2})(\d{2})$/u, '$1 $3'));
  return (
    <>
      {heading}
      <section className="card" aria-labelledby="totals-title" data-from={fromMonth} data-to={toMonth} data-testid="routing-period">
        <h2 id="totals-title" style={{ marginTop: 0 }}>{t.operatorTotals}<span className="muted" style={{ fontWeight: 400 }}>{t.paren(range)}</span></h2>
        <dl className="facts" data-testid="routing-totals">
          <dt>{t.operatorChecked}</dt><dd>{formatNumber(total((row) => row.checked), locale)}</dd>
          <dt>{t.operatorRerouted}</dt><dd>{formatNumber(total((row) => row.rerouted), locale)}</dd>
          <dt>{t.operatorReturned}</dt><dd>{formatNumber(total((row) => row.returned), locale)}</dd>
          <dt>{t.operatorReroutedAmount}</dt><dd><Amount t={t} points={total((row) => row.reroutedPoints)} locale={locale} /></dd>
          <dt>{t.operatorReturnedAmount}</dt><dd><Amount t={t} points={total((row) => row.returnedPoints)} locale={locale} /></dd>
        </dl>
      </section>
      <h2 id="monthly-title">{t.operatorMonthly}</h2>
      {total((row) => row.checked) === 0 ? <p className="notice">{t.operatorNone}</p> : (
        <ClaimRoutingChart months={rows.map((row) => ({ label: shortLabel(row.serviceMonth), checked: row.checked, rerouted: row.rerouted, returned: row.returned }))}
          labels={{ checked: t.operatorChecked, rerouted: t.operatorRerouted, returned: t.operatorReturned }}
          summary={t.operatorChartLabel(range)}
        />
      )}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="monthly-title">
        <table className="table--key-fixed" data-testid="routing-table">
          <thead>
            <tr>
              <th scope="col">{t.operatorMonth}</th>
              <th scope="col" className="num">{t.operatorChecked}</th><th scope="col" className="num">{t.operatorRerouted}</th><th scope="col" className="num">{t.operatorReturned}</th>
              <th scope="col" className="num">{t.operatorCheckedAmount}</th><th scope="col" className="num">{t.operatorReroutedAmount}</th><th scope="col" className="num">{t.operatorReturnedAmount}</th>
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map((row) => (
              <tr key={row.serviceMonth} data-month={row.serviceMonth}>
                {/* Short in English: the month column stays fixed on a phone and must leave room for the figures. */}
                <th scope="row" data-label={t.operatorMonth}>{formatMonth(row.serviceMonth, locale, 'short')}</th>
                <td className="num" data-label={t.operatorChecked} data-value={row.checked}>{formatNumber(row.checked, locale)}</td>
                <td className="num" data-label={t.operatorRerouted} data-value={row.rerouted}>{formatNumber(row.rerouted, locale)}</td>
                <td className="num" data-label={t.operatorReturned} data-value={row.returned}>{formatNumber(row.returned, locale)}</td>
                <td className="num" data-label={t.operatorCheckedAmount} data-value={row.checkedPoints}><Amount t={t} points={row.checkedPoints} locale={locale} /></td>
                <td className="num" data-label={t.operatorReroutedAmount} data-value={row.reroutedPoints}><Amount t={t} points={row.reroutedPoints} locale={locale} /></td>
                <td className="num" data-label={t.operatorReturnedAmount} data-value={row.returnedPoints}><Amount t={t} points={row.returnedPoints} locale={locale} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
