import type { Metadata } from 'next';
import { ErrorState } from '@/components/States';
import { copayPercent, formatDate, japanDay } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { InsuranceHistoryQuery } from '@/lib/graphql/patient';
import { messages, pageTitle } from '@/lib/i18n';
import type { Messages } from '@/lib/messages';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('insuranceTitle');
}

/** A ratio code (`010`/`020`/`030`, docs/domain.md "Confirmation at the counter (資格確認)") as 1割/2割/3割, else as sent. */
function share(t: Messages, ratioCode: string): string {
  const percent = copayPercent(ratioCode);
  return percent === undefined ? ratioCode : t.copayPercent(percent);
}

/**
 * 健康保険証情報 as Mynaportal shows it: every coverage period the person has had, newest first, each with
 * 本人/家族, the period, the counter share, the 限度額適用認定証区分 (shown as its code: the category's ceiling
 * depends on age and income and is the insurer's to state) and the 高齢受給者 share where one applies.
 */
export default async function InsurancePage() {
  const { locale, t } = await messages();
  const session = await currentSession();
  const result = await pageData(await gatewayQuery(InsuranceHistoryQuery, {}, session?.token));
  if (!result.ok) return <><h1>{t.insuranceTitle}</h1><ErrorState t={t} failure={result} retryHref="/insurance" /></>;
  const today = japanDay(new Date().toISOString());
  const periods = result.data.me.qualifications;
  return (
    <>
      <h1>{t.insuranceTitle}</h1>
      <p>{t.insuranceLead}</p>
      {periods.length === 0 ? <p className="notice">{t.insuranceNone}</p> : (
        <ol className="stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t.insuranceHistory} data-testid="coverage-history">
          {periods.map((period) => {
            const inForce = period.qualificationDate <= today && (period.disqualificationDate === null || period.disqualificationDate === undefined || period.disqualificationDate > today);
            const from = formatDate(period.qualificationDate, locale);
            const ended = period.disqualificationDate ? formatDate(period.disqualificationDate, locale) : undefined;
            const headingId = `coverage-${period.id}`;
            return (
              <li key={period.id}>
                <section className="card" aria-labelledby={headingId} data-in-force={inForce ? 'true' : 'false'}>
                  <h2 id={headingId} style={{ marginTop: 0 }}>
                    {period.insurerName} <span className={inForce ? 'badge badge--ok' : 'badge'}>{inForce ? t.insuranceCurrent : t.insuranceEnded}</span>
                  </h2>
                  <dl className="facts">
                    <dt>{t.insurerNumber}</dt><dd>{period.insurerNumber}</dd>
                    <dt>{t.insuranceMember}</dt><dd>{period.personalFamilyClassification === '1' ? t.insuranceMemberSelf : period.personalFamilyClassification === '2' ? t.insuranceMemberFamily : period.personalFamilyClassification}</dd>
                    <dt>{t.insurancePeriod}</dt><dd>{ended ? t.insuranceFromTo(from, ended) : t.insuranceSince(from)}</dd>
                    <dt>{t.copay}</dt><dd>{share(t, period.insuredPartialContributionRatio)}</dd>
                    <dt>{t.insuranceLimit}</dt><dd>{period.limitApplicationCertificateClassificationFlag ?? t.insuranceLimitNone}</dd>
                    {period.elderlyRecipientContributionRatio ? (
                      <><dt>{t.insuranceElderly}</dt><dd>{t.insuranceElderlyValid(share(t, period.elderlyRecipientContributionRatio), formatDate(period.elderlyRecipientValidStartDate ?? period.qualificationDate, locale), period.elderlyRecipientValidEndDate ? formatDate(period.elderlyRecipientValidEndDate, locale) : '')}</dd></>
                    ) : null}
                  </dl>
                  {period.limitApplicationCertificateClassificationFlag ? <p className="muted" style={{ marginBottom: 0 }}>{t.insuranceLimitHelp}</p> : null}
                </section>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
