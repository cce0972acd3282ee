import type { Metadata } from 'next';
import { disasterSearchAction, recordDisasterBasisAction, startEmergencyAccessAction } from '@/app/actions/special';
import { gatewayQuery } from '@/lib/gateway';
import { SpecialCapabilitiesQuery } from '@/lib/graphql/facility';
import { messages, pageTitle } from '@/lib/i18n';
import type { Messages } from '@/lib/messages';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleSpecial');
}
export const dynamic = 'force-dynamic';

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function errorText(t: Messages, code: string): string {
  const known = { NOT_FOUND: t.specialErrorNOT_FOUND, BAD_USER_INPUT: t.specialErrorBAD_USER_INPUT, FORBIDDEN: t.specialErrorFORBIDDEN, RATE_LIMITED: t.specialErrorRATE_LIMITED } as Record<string, string>;
  return known[code] ?? t.specialErrorOther;
}

/** The four fields of seed 2-1(3), shared by the disaster search and emergency access without a card. */
function FourFields({ t, prefix, required }: { t: Messages; prefix: string; required: boolean }) {
  return (
    <>
      <div className="field"><label htmlFor={`${prefix}-name`}>{t.fieldName}</label><input id={`${prefix}-name`} name="name" required={required} autoComplete="off" /></div>
      <div className="field"><label htmlFor={`${prefix}-birthdate`}>{t.patientBirthdate}</label><input id={`${prefix}-birthdate`} name="birthdate" type="date" required={required} /></div>
      <div className="field"><label htmlFor={`${prefix}-sex`}>{t.patientSex}</label>
        <select id={`${prefix}-sex`} name="sex" required={required} defaultValue=""><option value="" disabled>—</option><option value="1">{t.sex1}</option><option value="2">{t.sex2}</option></select>
      </div>
      <div className="field"><label htmlFor={`${prefix}-fourth`}>{t.fieldInsurerOrAddress}</label><input id={`${prefix}-fourth`} name="insurerNameOrAddress" required={required} autoComplete="off" /></div>
    </>
  );
}

/**
 * Special operations at a facility (docs/domain.md "Disaster", "Emergency access"): the warning comes first, before
 * any result; a disaster hit shows only the consent/exemption step (no data); emergency access asks for a reason.
 * Which sections appear is the API's answer (capabilities: conditions DISASTER_IDENTIFIED, EMERGENCY_OPENED).
 */
export default async function SpecialPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const answer = await gatewayQuery(SpecialCapabilitiesQuery, {}, session.token);
  const conditions = new Set(answer.ok ? answer.data.capabilities.flatMap((capability) => capability.conditions) : []);
  const disasters = answer.ok ? answer.data.activeDisasters : [];
  const identified = single(params.identified);
  const error = single(params.error);
  return (
    <>
      <p><a href="/clinic">{t.clinicBack}</a></p>
      <h1>{t.specialTitle}</h1>
      <p className="notice notice--warn" role="alert" data-testid="special-warning"><strong>{t.specialWarning}</strong></p>
      {error ? <p className="notice notice--error" role="status">{errorText(t, error)}</p> : null}
      {conditions.has('DISASTER_IDENTIFIED') ? (
        <section className="card" aria-labelledby="disaster-title">
          <h2 id="disaster-title" style={{ marginTop: 0 }}>{t.disasterTitle}</h2>
          {disasters.length === 0 ? <p className="notice">{t.disasterNone}</p> : <p className="muted">{disasters.map((d) => d.name).join('・')}</p>}
          {identified ? (
            <div data-testid="disaster-step">
              <p className="notice">{t.disasterIdentified}</p>
              <form action={recordDisasterBasisAction} className="card">
                <input type="hidden" name="patientId" value={identified} />
                <input type="hidden" name="basis" value="CONSENT" />
                <label><input type="checkbox" name="attest" value="yes" required /> {t.disasterConsentAttest}</label>
                <p><button type="submit" className="button">{t.disasterRecordConsent}</button></p>
              </form>
              <form action={recordDisasterBasisAction} className="card">
                <input type="hidden" name="patientId" value={identified} />
                <input type="hidden" name="basis" value="EXEMPTION" />
                <p style={{ marginTop: 0 }}><strong>{t.disasterExemptionTitle}</strong></p>
                <div className="field"><label htmlFor="exemption-reason">{t.fieldReason}</label><textarea id="exemption-reason" name="reason" required maxLength={500} rows={3} /></div>
                <p><button type="submit" className="button button--quiet">{t.disasterRecordExemption}</button></p>
              </form>
            </div>
          ) : (
            <form action={disasterSearchAction}>
              <p>{t.disasterLead}</p>
              <FourFields t={t} prefix="disaster" required />
              <button type="submit" className="button">{t.specialSearch}</button>
            </form>
          )}
        </section>
      ) : null}
      {conditions.has('EMERGENCY_OPENED') ? (
        <section className="card" id="emergency" aria-labelledby="emergency-title">
          <h2 id="emergency-title" style={{ marginTop: 0 }}>{t.emergencyTitle}</h2>
          <p>{t.emergencyLead}</p>
          <form action={startEmergencyAccessAction}>
            <div className="field"><label htmlFor="emergency-card">{t.fieldCardSerial}</label><input id="emergency-card" name="cardSerial" autoComplete="off" /></div>
            <FourFields t={t} prefix="emergency" required={false} />
            <div className="field"><label htmlFor="emergency-reason">{t.fieldReason}</label><textarea id="emergency-reason" name="reason" required maxLength={500} rows={3} /></div>
            <button type="submit" className="button">{t.emergencyStart}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
