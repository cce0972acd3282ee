import type { Metadata } from 'next';
import { ErrorState } from '@/components/States';
import { formatDate, formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { ClinicTodayQuery } from '@/lib/graphql/facility';
import type { ConsentFlag } from '@/lib/graphql/generated/graphql';
import { messages, pageTitle } from '@/lib/i18n';
import { consentFlagLabel, roleLabel, validityLabel } from '@/lib/labels';
import type { Messages } from '@/lib/messages';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleClinic');
}

/** A consent flag in words, with the time it has left (valid 24 h from the reader, docs/domain.md "Consent (同意) — the core rule"). */
function ConsentState({ t, label, flag, expiresAt, now }: { t: Messages; label: string; flag: ConsentFlag; expiresAt: string | null; now: number }) {
  const words = consentFlagLabel(t, flag);
  const leftMs = expiresAt ? Date.parse(expiresAt) - now : 0;
  const minutes = Math.max(0, Math.floor(leftMs / 60_000));
  return (
    <>
      <dt>{label}</dt>
      <dd><span className={`badge ${flag === 'CONSENTED' ? 'badge--ok' : 'badge--muted'}`}>{words}</span>{flag === 'CONSENTED' && expiresAt ? <> <span className="muted">{t.clinicConsentLeft(Math.floor(minutes / 60), minutes % 60)}</span></> : null}</dd>
    </>
  );
}

export default async function ClinicPage() {
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  // One list for the whole facility, from the API: every staff PC sees whom reception confirmed today.
  const today = await pageData(await gatewayQuery(ClinicTodayQuery, {}, session.token), '/staff/login');
  const now = Date.now();
  const facilityCode = session.claims.facilityCode ?? '';
  return (
    <>
      <h1>{t.clinicTitle}</h1>
      <p>{t.clinicFacility(facilityCode)} ・ {t.labelled(t.clinicRole, roleLabel(t, session.claims.role))}</p>
      {session.claims.role === 'RECEPTION' ? <p className="notice">{t.clinicReceptionNote}</p> : <p>{t.clinicLead}</p>}
      <p><a className="button" href="/reader">{t.clinicReader}</a> <a className="button button--quiet" href="/clinic/special">{t.clinicSpecial}</a>
        {/* A facility administrator is a reception account (docs/operations.md step 2); the page itself asks the API. */}
        {session.claims.role === 'RECEPTION' ? <>{' '}<a className="button button--quiet" href="/clinic/admin">{t.clinicAdminLink}</a></> : null}
      </p>
      <h2 id="today-title">{t.clinicToday}</h2>
      <p className="muted">{t.clinicTodayLead}</p>
      {!today.ok ? <ErrorState t={t} failure={today} retryHref="/clinic" /> : today.data.confirmationsAtMyFacilityToday.length === 0 ? <p className="notice">{t.clinicNoConfirmations}</p> : (
        <ul className="cards" aria-labelledby="today-title" style={{ listStyle: 'none', padding: 0, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 28rem), 1fr))' }}>
          {today.data.confirmationsAtMyFacilityToday.map((row) => (
            <li key={row.patientId} className="card" data-testid="today-row" style={{ marginBottom: 0 }}>
              <p style={{ margin: 0 }}><strong style={{ fontSize: '1.15rem' }}>{row.name}</strong><br /><span className="muted">{row.nameKana}</span></p>
              <dl className="facts">
                <dt>{t.patientBirthdate}</dt><dd>{formatDate(row.birthdate, locale)}</dd>
                <dt>{t.confirmedAt}</dt><dd>{formatDateTime(row.confirmedAt, locale)}</dd>
                <dt>{t.confirmValidity}</dt><dd><span className={`badge ${row.qualificationValidity === 'VALID' ? 'badge--ok' : 'badge--alert'}`}>{validityLabel(t, row.qualificationValidity)}</span></dd>
                <ConsentState t={t} label={t.consentFlagDrug} flag={row.drugInfoConsentFlag} expiresAt={row.drugConsentExpiresAt} now={now} />
                <ConsentState t={t} label={t.consentFlagCheckup} flag={row.checkupInfoConsentFlag} expiresAt={row.checkupConsentExpiresAt} now={now} />
              </dl>
              <a className="button button--quiet" href={`/clinic/patients/${encodeURIComponent(row.patientId)}`} aria-label={`${row.name} ${t.clinicOpen}`}>{t.clinicOpen}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
