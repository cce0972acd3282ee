import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Pager } from '@/components/Pager';
import { ErrorState } from '@/components/States';
import { formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { OnboardedFacilitiesQuery } from '@/lib/graphql/onboarding';
import { messages, pageTitle } from '@/lib/i18n';
import { pageData } from '@/lib/pageData';
import { prefectureName, prefectureOptions } from '@/lib/prefectures';
import { currentSession } from '@/lib/session';
import { RegisterFacilityForm } from './RegisterFacilityForm';
import { facilityKindLabel } from '@/lib/facilityKind';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperatorFacilities');
}

/** Facilities per page: ten cards still fit a few screens of a phone (as the access log's page). */
const PER_PAGE = 10;

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * Taking a new facility into use, step 1 (docs/operations.md): the operator registers the facility and its
 * administrator; the registered facilities, newest first, found by name, code or prefecture a page at a time (the API
 * pages and searches: consent onboardedFacilities), each with its readers and change history one click away.
 */
export default async function OperatorFacilitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const search = single(params.q).trim().slice(0, 100);
  const prefectures = prefectureOptions(locale);
  const prefecture = prefectures.some(([code]) => code === single(params.prefecture)) ? single(params.prefecture) : '';
  const requested = Math.max(1, Math.floor(Number(single(params.page)) || 1));
  const result = await pageData(await gatewayQuery(OnboardedFacilitiesQuery, { first: PER_PAGE, offset: (requested - 1) * PER_PAGE, search: search || null, prefecture: prefecture || null }, session.token), '/staff/login');
  const total = result.ok ? result.data.onboardedFacilityCount : 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(requested, pages);
  const shown = result.ok ? result.data.onboardedFacilities : [];
  const pageHref = (target: number) => `/operator/facilities?${new URLSearchParams({ ...(search ? { q: search } : {}), ...(prefecture ? { prefecture } : {}), page: String(target) }).toString()}#facilities-title`;
  // A page past the last (the list shrank, or a typed URL): the last page.
  if (result.ok && total > 0 && requested > pages) redirect(pageHref(pages));
  return (
    <>
      <h1>{t.facilitiesTitle}</h1>
      <p>{t.facilitiesLead}</p>
      <RegisterFacilityForm locale={locale} />
      <h2 id="facilities-title">{t.facilitiesListTitle}</h2>
      <form className="filters" method="get" action="/operator/facilities#facilities-title" role="search" aria-labelledby="facilities-title" data-testid="facility-search">
        <div className="field">
          <label htmlFor="facility-q">{t.facilitySearchField}</label>
          <input id="facility-q" name="q" type="search" defaultValue={search} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="facility-prefecture">{t.facilitySearchPrefecture}</label>
          <select id="facility-prefecture" name="prefecture" defaultValue={prefecture}>
            <option value="">{t.facilitySearchAllPrefectures}</option>
            {prefectures.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </div>
        <button type="submit" className="button">{t.facilitySearchButton}</button>
        {search || prefecture ? <a className="button button--quiet" href="/operator/facilities#facilities-title">{t.facilitySearchClear}</a> : null}
      </form>
      {!result.ok ? <ErrorState t={t} failure={result} retryHref="/operator/facilities" /> : (
        <>
          <p aria-live="polite" data-testid="facilities-summary" data-total={total}>
            {search || prefecture || total > 0 ? t.facilitiesFound(total, (page - 1) * PER_PAGE + 1, (page - 1) * PER_PAGE + shown.length) : t.facilitiesNone}
          </p>
          {shown.length === 0 ? null : (
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="facilities-title">
              <table className="table--cards" data-testid="facilities-table">
                <thead>
                  <tr>
                    <th scope="col">{t.facilityCodeField}</th><th scope="col">{t.facilityNameField}</th><th scope="col">{t.facilityKindField}</th>
                    <th scope="col">{t.facilitySearchPrefecture}</th><th scope="col">{t.facilityRegisteredAt}</th><th scope="col"><span className="visually-hidden">{t.facilityOpen}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((facility) => (
                    <tr key={facility.code} data-code={facility.code}>
                      <td data-label={t.facilityCodeField}>{facility.code}</td>
                      <th scope="row" data-label={t.facilityNameField}>{facility.name}</th>
                      <td data-label={t.facilityKindField}>{facilityKindLabel(facility, t)}</td>
                      <td data-label={t.facilitySearchPrefecture}>{prefectureName(facility.prefecture, locale)}</td>
                      <td data-label={t.facilityRegisteredAt}>{formatDateTime(facility.registeredAt, locale)}</td>
                      <td data-label={t.facilityOpen}><a href={`/operator/facilities/${facility.code}`} aria-label={`${facility.name} ${t.facilityOpen}`}>{t.facilityOpen}</a></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager t={t} page={page} pages={pages} href={pageHref} testId="facilities-pager" />
        </>
      )}
    </>
  );
}
