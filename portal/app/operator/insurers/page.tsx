import type { Metadata } from 'next';
import { ErrorState } from '@/components/States';
import { formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { InsurersQuery } from '@/lib/graphql/insurers';
import { isInsurerKind } from '@/lib/insurerKinds';
import { messages, pageTitle } from '@/lib/i18n';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';
import { RegisterInsurerForm } from './RegisterInsurerForm';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperatorInsurers');
}

/** The API's page limit for insurers (consent PAGE_MAX). */
const SHOWN = 200;

/**
 * Registering an insurer (docs/operations.md "Registering an insurer"): the operator registers the insurer and its
 * first operator account; the registered insurers, newest first (the demo insurers included).
 */
export default async function OperatorInsurersPage() {
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const result = await pageData(await gatewayQuery(InsurersQuery, { first: SHOWN }, session.token), '/staff/login');
  const kindLabel = (kind: string) => (isInsurerKind(kind) ? t[`insurerKind${kind}`] : kind);
  return (
    <>
      <h1>{t.insurersTitle}</h1>
      <p>{t.insurersLead}</p>
      <RegisterInsurerForm locale={locale} />
      <h2 id="insurers-title">{t.insurersListTitle}</h2>
      {!result.ok ? <ErrorState t={t} failure={result} retryHref="/operator/insurers" />
      : result.data.insurers.length === 0 ? <p className="notice">{t.insurersNone}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="insurers-title">
          <table className="table--cards" data-testid="insurers-table">
            <thead>
              <tr>
                <th scope="col">{t.insurerNumberField}</th><th scope="col">{t.insurerNameField}</th><th scope="col">{t.insurerKindField}</th>
                <th scope="col">{t.insurerPrefectureColumn}</th><th scope="col">{t.facilityRegisteredAt}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.insurers.map((insurer) => (
                <tr key={insurer.number} data-number={insurer.number}>
                  <td data-label={t.insurerNumberField}>{insurer.number}</td>
                  <th scope="row" data-label={t.insurerNameField}>{insurer.name}</th>
                  <td data-label={t.insurerKindField}>{kindLabel(insurer.kind)}</td>
                  <td data-label={t.insurerPrefectureColumn}>{insurer.prefecture}</td>
                  <td data-label={t.facilityRegisteredAt}>{formatDateTime(insurer.registeredAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
