import type { Metadata } from 'next';
import { DispensingEntry } from '@/components/DispensingEntry';
import { InformationThrough } from '@/components/InformationThrough';
import { ComingSoon, ErrorState, NotShownHere } from '@/components/States';
import { groupByMonthAndPlace, loadDispensings, matchesSearch } from '@/lib/drugs';
import { formatDate, formatMonth } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { MyActiveDrugsQuery } from '@/lib/graphql/drugs';
import { messages, pageTitle } from '@/lib/i18n';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('navDrugs');
}

/** Drug information is kept for 5 years (docs/domain.md "Drug information (薬剤情報) and medical expenses"). */
const YEARS_KEPT = 5;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function DrugsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  const view = single(params.view) === 'active' ? 'active' : 'timeline';
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: YEARS_KEPT + 1 }, (_, index) => thisYear - index);
  const query = (single(params.q) ?? '').slice(0, 50);
  const yearParam = Number(single(params.year));
  // A search looks through all 5 years; otherwise one year at a time keeps the page short.
  const year = query ? undefined : years.includes(yearParam) ? yearParam : single(params.year) === 'all' ? undefined : thisYear;
  const tabs = (
    <nav aria-label={t.drugsViewLabel}>
      <ul className="nav" style={{ background: 'none', border: 0 }}>
        <li style={{ display: 'inline' }}><a className={`button ${view === 'timeline' ? '' : 'button--quiet'}`} href="/drugs" aria-current={view === 'timeline' ? 'page' : undefined}>{t.viewTimeline}</a></li>{' '}
        <li style={{ display: 'inline' }}><a className={`button ${view === 'active' ? '' : 'button--quiet'}`} href="/drugs?view=active" aria-current={view === 'active' ? 'page' : undefined}>{t.viewActive}</a></li>
      </ul>
    </nav>
  );

  if (view === 'active') {
    const result = await pageData(await gatewayQuery(MyActiveDrugsQuery, {}, session?.token));
    if (!result.ok) return <><h1>{t.drugsTitle}</h1>{tabs}{result.code === 'NOT_READY' ? <ComingSoon t={t} title={t.viewActive} /> : result.code === 'FORBIDDEN' ? <NotShownHere t={t} /> : <ErrorState t={t} failure={result} retryHref="/drugs?view=active" />}</>;
    const summary = result.data.me.medicationSummary;
    if (!summary) return <><h1>{t.drugsTitle}</h1>{tabs}<p className="notice">{t.activeNone}</p></>;
    return (
      <>
        <h1>{t.drugsTitle}</h1>
        {tabs}
        <h2>{t.activeAsOf(formatDate(summary.asOf, locale))}</h2>
        <InformationThrough through={summary.informationThrough} t={t} locale={locale} />
        <p>{t.activeCounts(summary.counts.activeDrugs, summary.counts.prescribingFacilities)}</p>
        {summary.activeDrugs.length === 0 ? <p className="notice">{t.activeNone}</p> : (
          <div className="card">
            {summary.activeDrugs.map((active) => (
              <DispensingEntry key={`${active.dispensing.date}-${active.dispensing.drugCode}-${active.dispensing.pharmacyCode ?? active.dispensing.prescribingFacilityCode}`} dispensing={active.dispensing} t={t} locale={locale}
                extra={<p className="muted" style={{ margin: 0 }}><span className="badge badge--info">{t.activeCoveredThrough(formatDate(active.coveredThrough, locale))}</span> {active.basis === 'UNTIMED_30_DAYS' ? t.activeUntimed : null}</p>}
              />
            ))}
          </div>
        )}
      </>
    );
  }

  const period = year === undefined ? {} : { from: `${year}-01-01`, to: `${year}-12-31` };
  const result = await pageData(await loadDispensings(session?.token, period));
  const filters = (
    <form className="filters" method="get" action="/drugs" role="search">
      <div className="field">
        <label htmlFor="q">{t.drugsSearch}</label>
        <input id="q" name="q" type="search" defaultValue={query} maxLength={50} />
      </div>
      <div className="field">
        <label htmlFor="year">{t.drugsYear}</label>
        <select id="year" name="year" defaultValue={year === undefined ? 'all' : String(year)}>
          <option value="all">{t.drugsAllYears}</option>
          {years.map((option) => <option key={option} value={option}>{t.drugsYearOption(option)}</option>)}
        </select>
      </div>
      <button type="submit" className="button">{t.drugsSearchButton}</button>
    </form>
  );
  if (!result.ok) return <><h1>{t.drugsTitle}</h1>{tabs}{result.code === 'NOT_READY' ? <ComingSoon t={t} title={t.drugsTitle} /> : result.code === 'FORBIDDEN' ? <NotShownHere t={t} /> : <ErrorState t={t} failure={result} retryHref="/drugs" />}</>;
  const shown = result.data.dispensings.filter((dispensing) => matchesSearch(dispensing, query));
  const months = groupByMonthAndPlace(shown, t);
  return (
    <>
      <h1>{t.drugsTitle}</h1>
      <p>{t.drugsLead}</p>
      <InformationThrough through={result.data.informationThrough} t={t} locale={locale} />
      {tabs}
      {filters}
      <p aria-live="polite" data-testid="dispensing-count">{t.drugsCount(shown.length)}</p>
      {result.data.truncated ? <p className="notice notice--warn">{t.drugsTruncated}</p> : null}
      {months.length === 0 ? <p className="notice">{t.drugsNone}</p> : months.map((month) => (
        <section key={month.month} className="month" aria-labelledby={`month-${month.month}`}>
          <h2 id={`month-${month.month}`}>{formatMonth(month.month, locale)}</h2>
          {month.places.map((place) => (
            <section key={place.place} className="group" aria-label={`${formatMonth(month.month, locale)} ${place.place}`}>
              <h3 style={{ margin: '0.25rem 0' }}>{place.place}</h3>
              {place.dispensings.map((dispensing, index) => (
                <DispensingEntry key={`${dispensing.date}-${dispensing.drugCode}-${index}`} dispensing={dispensing} t={t} locale={locale} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
