import type { Metadata } from 'next';
import { CheckupsView } from '@/components/CheckupsView';
import { LatestCheckupView, MedicationSummaryView } from '@/components/ClinicianSummary';
import { DispensingEntry } from '@/components/DispensingEntry';
import { InformationThrough } from '@/components/InformationThrough';
import { ErrorState } from '@/components/States';
import { groupByMonthAndPlace } from '@/lib/drugs';
import { copayPercent, formatDate, formatDateTime, formatMonth } from '@/lib/format';
import { gatewayQuery, type GatewayFailure } from '@/lib/gateway';
import { ClinicPatientCheckupsQuery, ClinicPatientDrugsQuery, ClinicPatientQuery } from '@/lib/graphql/facility';
import { messages, pageTitle } from '@/lib/i18n';
import type { Messages } from '@/lib/messages';
import { validityLabel } from '@/lib/labels';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';
import { staffCapabilities } from '@/lib/staff';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleClinicPatient');
}

/**
 * The newest dispensings a clinician sees first; older ones a page at a time behind a link (the clinician
 * summary answers "what is she taking" — the full 5-year list made the page 400 KB and its server time 600+ ms).
 */
const CLINIC_DRUG_PAGE = 20;

/** A cursor is the API's own opaque string: anything longer than this is not one (the API checks the rest). */
const MAX_CURSOR_LENGTH = 200;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The clear state when the patient has not consented for this visit (or the consent lapsed): no data, a next step. */
function ConsentRequired({ t, failure, section }: { t: Messages; failure: GatewayFailure; section: string }) {
  if (failure.code !== 'CONSENT_REQUIRED' && failure.code !== 'FORBIDDEN') return <ErrorState t={t} failure={failure} retryHref="/clinic" />;
  return (
    <section className="state" data-state="consent-required" aria-label={section}>
      <h3 style={{ marginTop: 0 }}>{t.consentRequiredTitle}</h3>
      <p>{t.consentRequiredBody}</p>
      <a className="button" href="/reader">{t.clinicReader}</a>
    </section>
  );
}

export default async function ClinicPatientPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const after = single(query.after)?.slice(0, MAX_CURSOR_LENGTH) || null;
  const charts = single(query.charts) === '1';
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const role = session.claims.role;
  // Data the caller may never see is never requested, so it cannot reach the page, its payload or its scripts;
  // what that is comes from the API's access policy, not from a copy here. Only the data reads wait for that answer:
  // the identity read starts with it, and the data reads start together the moment it is in (one round
  // of gateway calls after the small capabilities one, not two rounds).
  const identityRead = gatewayQuery(ClinicPatientQuery, { id }, session.token);
  const may = await staffCapabilities(session.token);
  const [identity, drugs, checkups] = await Promise.all([
    identityRead,
    may.drugs ? gatewayQuery(ClinicPatientDrugsQuery, { id, first: CLINIC_DRUG_PAGE, after }, session.token) : undefined,
    may.checkups ? gatewayQuery(ClinicPatientCheckupsQuery, { id }, session.token) : undefined,
  ]);
  const result = await pageData(identity, '/staff/login');
  // Staff read a person only as the answer to a confirmation at their facility (docs/domain.md "What a facility may
  // see at all"): any other id is NOT_FOUND, and the next step is the confirmation itself.
  if (!result.ok && result.code === 'NOT_FOUND') {
    return (
      <>
        <h1>{t.clinicPatient}</h1>
        <section className="state" data-state="not-confirmed-here">
          <h2 style={{ marginTop: 0 }}>{t.notConfirmedHereTitle}</h2>
          <p>{t.notConfirmedHereBody}</p>
          <a className="button" href="/reader">{t.clinicReader}</a>
        </section>
        <p><a href="/clinic">{t.clinicBack}</a></p>
      </>
    );
  }
  if (!result.ok) return <><h1>{t.clinicPatient}</h1><ErrorState t={t} failure={result} retryHref={`/clinic/patients/${encodeURIComponent(id)}`} /><p><a href="/clinic">{t.clinicBack}</a></p></>;
  const patient = result.data.patient;
  const ratio = patient.currentQualification ? copayPercent(patient.currentQualification.insuredPartialContributionRatio) : undefined;
  // This page with its two view choices (an older page of dispensings, the checkup charts), and a place to land.
  const selfHref = (view: { after?: string | null; charts?: boolean }, anchor: string) => {
    const search = new URLSearchParams();
    if (view.after) search.set('after', view.after);
    if (view.charts) search.set('charts', '1');
    return `/clinic/patients/${encodeURIComponent(id)}${search.size > 0 ? `?${search.toString()}` : ''}#${anchor}`;
  };
  const here = patient.confirmations.filter((confirmation) => confirmation.facilityCode === session.claims.facilityCode);
  return (
    <>
      <p><a href="/clinic">{t.clinicBack}</a></p>
      {/* Before any data: the API says whether these reads rest on disaster mode or emergency access (docs/domain.md "Disaster"). */}
      {patient.specialAccessHere ? <p className="notice notice--warn" role="alert" data-testid="special-viewing" data-kind={patient.specialAccessHere.kind}><strong>{t.specialViewing(patient.specialAccessHere.kind)}</strong></p> : null}
      <h1>{patient.name}<span className="muted" style={{ fontSize: '1rem', fontWeight: 400 }}>{t.paren(patient.nameKana)}</span></h1>
      <section className="card" aria-labelledby="qualification-title">
        <h2 id="qualification-title" style={{ marginTop: 0 }}>{t.clinicConfirmations}</h2>
        <dl className="facts">
          <dt>{t.patientBirthdate}</dt><dd>{formatDate(patient.birthdate, locale)}</dd>
          <dt>{t.patientSex}</dt><dd>{patient.sex === '1' ? t.sex1 : patient.sex === '2' ? t.sex2 : patient.sex}</dd>
          {patient.currentQualification ? (
            <><dt>{t.insurerName}</dt><dd>{patient.currentQualification.insurerName}{t.paren(patient.currentQualification.insurerNumber)}</dd>
              <dt>{t.copay}</dt><dd>{ratio === undefined ? '—' : t.copayPercent(ratio)}</dd>
            </>
          ) : <><dt>{t.confirmValidity}</dt><dd>{t.noInsurance}</dd></>}
          {here[0] ? <><dt>{t.confirmedAt}</dt><dd>{formatDateTime(here[0].at, locale)}{t.paren(validityLabel(t, here[0].qualificationValidity))}</dd></> : null}
        </dl>
      </section>
      {role === 'RECEPTION' ? <p className="notice">{t.clinicReceptionNote}</p> : null}
      {/* Without consent the summary stays out: the sections below say "同意が必要です" once per category. */}
      {drugs?.ok || checkups?.ok ? (
        <section className="card" aria-labelledby="clinic-summary-title" data-testid="clinician-summary">
          <h2 id="clinic-summary-title" style={{ marginTop: 0 }}>{t.clinicSummary}</h2>
          {drugs?.ok ? (drugs.data.patient.medicationSummary ? <MedicationSummaryView summary={drugs.data.patient.medicationSummary} t={t} locale={locale} /> : <p>{t.drugsNone}</p>) : null}
          {checkups?.ok ? <LatestCheckupView checkups={checkups.data.patient.checkups ?? []} t={t} locale={locale} /> : null}
          <p style={{ marginBottom: 0 }}>{t.labelled(t.clinicDetails, '')}{drugs ? <a href="#clinic-drugs-title">{t.clinicDrugs}</a> : null}{drugs && checkups ? ' ・ ' : null}{checkups ? <a href="#clinic-checkups-title">{t.clinicCheckups}</a> : null}</p>
        </section>
      ) : null}
      {drugs ? (
        <section aria-labelledby="clinic-drugs-title">
          <h2 id="clinic-drugs-title">{t.clinicDrugs}</h2>
          {drugs.ok ? <InformationThrough through={drugs.data.patient.dispensings?.informationThrough} t={t} locale={locale} /> : null}
          {!drugs.ok ? <ConsentRequired t={t} failure={drugs} section={t.clinicDrugs} /> : !drugs.data.patient.dispensings || drugs.data.patient.dispensings.edges.length === 0 ? <p className="notice">{t.drugsNone}</p> : (
            groupByMonthAndPlace((drugs.data.patient.dispensings?.edges ?? []).map((edge) => edge.node), t).map((month) => (
              <section key={month.month} className="month" aria-label={formatMonth(month.month, locale)}>
                <h3>{formatMonth(month.month, locale)}</h3>
                {month.places.map((place) => (
                  <div key={place.place} className="group">
                    <h4 style={{ margin: '0.25rem 0' }}>{place.place}</h4>
                    {place.dispensings.map((dispensing, index) => <DispensingEntry key={`${dispensing.date}-${dispensing.drugCode}-${index}`} dispensing={dispensing} t={t} locale={locale} />)}
                  </div>
                ))}
              </section>
            ))
          )}
          {drugs.ok && drugs.data.patient.dispensings ? (
            <p data-testid="dispensing-pages">
              {t.clinicDrugsRecent(CLINIC_DRUG_PAGE)}{' '}
              {after ? <><a href={selfHref({ charts }, 'clinic-drugs-title')}>{t.clinicDrugsNewest}</a>{' '}</> : null}
              {drugs.data.patient.dispensings.pageInfo.hasNextPage && drugs.data.patient.dispensings.pageInfo.endCursor
                ? <a data-testid="dispensing-more" href={selfHref({ after: drugs.data.patient.dispensings.pageInfo.endCursor, charts }, 'clinic-drugs-title')}>{t.clinicDrugsMore}</a> : null}
            </p>
          ) : null}
        </section>
      ) : null}
      {checkups ? (
        <section aria-labelledby="clinic-checkups-title">
          <h2 id="clinic-checkups-title">{t.clinicCheckups}</h2>
          {!checkups.ok ? <ConsentRequired t={t} failure={checkups} section={t.clinicCheckups} /> : !checkups.data.patient.checkups || checkups.data.patient.checkups.length === 0 ? <p className="notice">{t.checkupsNone}</p> : <CheckupsView checkups={checkups.data.patient.checkups} t={t} locale={locale} headingLevel={3} {...(charts ? {} : { chartsHref: selfHref({ after, charts: true }, 'checkup-charts-title') })} />}
        </section>
      ) : null}
    </>
  );
}
