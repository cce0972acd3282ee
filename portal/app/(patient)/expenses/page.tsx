import type { Metadata } from 'next';
import { ExpenseChart } from '@/components/ExpenseChart';
import { ComingSoon, ErrorState, NotShownHere } from '@/components/States';
import { byMonth } from '@/lib/expenses';
import { formatMonth, formatNumber, formatYen } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { MyMedicalExpensesQuery } from '@/lib/graphql/drugs';
import { messages, pageTitle } from '@/lib/i18n';
import { facilityLabel } from '@/lib/labels';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('navExpenses');
}

const YEARS_KEPT = 5;

export default async function ExpensesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: YEARS_KEPT + 1 }, (_, index) => thisYear - index);
  const requested = Number(Array.isArray(params.year) ? params.year[0] : params.year);
  const year = years.includes(requested) ? requested : thisYear;
  const result = await pageData(await gatewayQuery(MyMedicalExpensesQuery, { year }, session?.token));
  const chooser = (
    <form className="filters" method="get" action="/expenses">
      <div className="field">
        <label htmlFor="year">{t.expensesYear}</label>
        <select id="year" name="year" defaultValue={String(year)}>
          {years.map((option) => <option key={option} value={option}>{t.drugsYearOption(option)}</option>)}
        </select>
      </div>
      <button type="submit" className="button">{t.expensesShow}</button>
    </form>
  );
  if (!result.ok) return <><h1>{t.expensesTitle}</h1>{chooser}{result.code === 'NOT_READY' ? <ComingSoon t={t} title={t.expensesTitle} /> : result.code === 'FORBIDDEN' ? <NotShownHere t={t} /> : <ErrorState t={t} failure={result} retryHref={`/expenses?year=${year}`} />}</>;
  const notice = result.data.me.medicalExpenses;
  if (!notice) return <><h1>{t.expensesTitle}</h1>{chooser}<p className="notice">{t.expensesNone}</p></>;
  const months = byMonth(notice);
  const monthLabel = (month: string) => (locale === 'ja' ? `${Number(month.slice(5, 7))}月` : formatMonth(month, locale).split(' ')[0] ?? month);
  return (
    <>
      <h1>{t.expensesTitle}</h1>
      <p>{t.expensesLead}</p>
      {chooser}
      <section className="card" aria-labelledby="total-title">
        <h2 id="total-title" style={{ marginTop: 0 }}>{t.drugsYearOption(year)} {t.expensesTotal}</h2>
        <dl className="facts" data-testid="expense-totals">
          <dt>{t.expensesTotalCost}</dt><dd>{formatYen(notice.totalCostYen, locale)}</dd>
          <dt>{t.expensesPatientShare}</dt><dd>{formatYen(notice.patientShareYen, locale)}</dd>
          <dt>{t.expensesClaims}</dt><dd>{formatNumber(notice.claimCount, locale)}</dd>
          <dt>{t.expensesPoints}</dt><dd>{formatNumber(notice.totalPoints, locale)}</dd>
        </dl>
        <p style={{ marginTop: '1rem', marginBottom: 0 }}><a className="button button--quiet" href={`/expenses/csv?year=${year}`} download>{t.expensesDownload}</a></p>
      </section>
      <section className="card" aria-labelledby="tax-return" data-testid="tax-return">
        <h2 id="tax-return" style={{ marginTop: 0 }}>{t.expensesTaxTitle}</h2>
        <p>{t.expensesTaxLead(year)}</p>
        <p className="muted">{t.expensesTaxLag}</p>
        <p style={{ marginBottom: 0 }}><a className="button button--quiet" href={`/expenses/etax?year=${year}`} download>{t.expensesTaxDownload(year)}</a></p>
      </section>
      {months.length === 0 ? <p className="notice">{t.expensesNone}</p> : (
        <>
          <h2>{t.expensesMonthly}</h2>
          <ExpenseChart months={months.map((month) => ({ label: String(Number(month.month.slice(5, 7))), title: monthLabel(month.month), totalCostYen: month.totalCostYen, patientShareYen: month.patientShareYen }))}
            labels={{ total: t.expensesTotalCost, share: t.expensesPatientShare }} axisTitle={t.expensesMonth}
            summary={t.expensesChartLabel(year)}
          />
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.expensesMonthly}>
            <table className="table--cards">
              <thead><tr><th scope="col">{t.expensesMonth}</th><th scope="col">{t.expensesFacility}</th><th scope="col" className="num">{t.expensesClaims}</th><th scope="col" className="num">{t.expensesTotalCost}</th><th scope="col" className="num">{t.expensesPatientShare}</th></tr></thead>
              <tbody>
                {months.map((month) => month.rows.map((row, index) => (
                  <tr key={`${row.serviceMonth}-${row.facilityCode}`}>
                    {index === 0 ? <th scope="rowgroup" rowSpan={month.rows.length} data-label={t.expensesMonth}>{formatMonth(month.month, locale)}<br /><span className="muted" style={{ fontWeight: 400 }}>{formatYen(month.totalCostYen, locale)}</span></th> : null}
                    {/* On phones every card names its month (the month cell spans the rows only in the table layout). */}
                    {index === 0 ? null : <td className="phone-only" aria-hidden="true" data-label={t.expensesMonth}>{formatMonth(month.month, locale)}</td>}
                    <td data-label={t.expensesFacility}>{facilityLabel(t, row.facility)}</td>
                    <td className="num" data-label={t.expensesClaims}>{formatNumber(row.claimCount, locale)}</td>
                    <td className="num" data-label={t.expensesTotalCost}>{formatYen(row.totalCostYen, locale)}</td>
                    <td className="num" data-label={t.expensesPatientShare}>{formatYen(row.patientShareYen, locale)}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
