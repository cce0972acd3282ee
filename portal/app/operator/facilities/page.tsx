import type { Metadata } from 'next';
import { ErrorState } from '@/components/States';
import { formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { OnboardedFacilitiesQuery } from '@/lib/graphql/onboarding';
import { messages, pageTitle } from '@/lib/i18n';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';
import { RegisterFacilityForm } from './RegisterFacilityForm';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperatorFacilities');
}

/** The API's page limit for onboardedFacilities (consent PAGE_MAX). */
const SHOWN = 200;

/**
 * Taking a new facility into use, step 1 (docs/operations.md): the operator registers the facility and its
 * administrator; the registered facilities, newest first, each with its readers and change history one click away.
 */
export default async function OperatorFacilitiesPage() {
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const result = await pageData(await gatewayQuery(OnboardedFacilitiesQuery, { first: SHOWN }, session.token), '/staff/login');
  return (
    <>
      <h1>{t.facilitiesTitle}</h1>
      <p>{t.facilitiesLead}</p>
      <RegisterFacilityForm locale={locale} />
      <h2 id="facilities-title">{t.facilitiesListTitle}</h2>
      {!result.ok ? <ErrorState t={t} failure={result} retryHref="/operator/facilities" />
        : result.data.onboardedFacilities.length === 0 ? <p className="notice">{t.facilitiesNone}</p> : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="facilities-title">
            <table className="table--cards" data-testid="facilities-table">
              <thead>
                <tr>
                  <th scope="col">{t.facilityCodeField}</th><th scope="col">{t.facilityNameField}</th><th scope="col">{t.facilityKindField}</th>
                  <th scope="col">{t.facilityRegisteredAt}</th><th scope="col"><span className="visually-hidden">{t.facilityOpen}</span></th>
                </tr>
              </thead>
              <tbody>
                {result.data.onboardedFacilities.map((facility) => (
                  <tr key={facility.code} data-code={facility.code}>
                    <td data-label={t.facilityCodeField}>{facility.code}</td>
                    <th scope="row" data-label={t.facilityNameField}>{facility.name}</th>
                    <td data-label={t.facilityKindField}>{t[`kind${facility.kind as 'MEDICAL' | 'DENTAL' | 'PHARMACY'}`] ?? facility.kind}・{facility.hospital ? t.facilityHospital : t.facilityClinic}</td>
                    <td data-label={t.facilityRegisteredAt}>{formatDateTime(facility.registeredAt, locale)}</td>
                    <td data-label={t.facilityOpen}><a href={`/operator/facilities/${facility.code}`} aria-label={`${facility.name} ${t.facilityOpen}`}>{t.facilityOpen}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </>
  );
}
