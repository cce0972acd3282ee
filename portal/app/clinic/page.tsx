import type { Metadata } from 'next';
import { formatDate, formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { ClinicPatientQuery } from '@/lib/graphql/facility';
import { messages } from '@/lib/i18n';
import { roleLabel } from '@/lib/labels';
import { currentSession } from '@/lib/session';
import { recentPatients } from '@/lib/staff';

export const metadata: Metadata = { title: '職員画面' };

/** How many of this terminal's recent patients the overview loads (one small query each). */
const OVERVIEW_SIZE = 10;

export default async function ClinicPage() {
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const ids = (await recentPatients()).slice(0, OVERVIEW_SIZE);
  const patients = await Promise.all(ids.map(async (id) => ({ id, result: await gatewayQuery(ClinicPatientQuery, { id }, session.token) })));
  const facilityCode = session.claims.facilityCode ?? '';
  return (
    <>
      <h1>{t.clinicTitle}</h1>
      <p>{t.clinicFacility(facilityCode)} ・ {t.clinicRole}：{roleLabel(t, session.claims.role)}</p>
      {session.claims.role === 'RECEPTION' ? <p className="notice">{t.clinicReceptionNote}</p> : <p>{t.clinicLead}</p>}
      <p><a className="button" href="/reader">{t.clinicReader}</a></p>
      <h2>{t.clinicConfirmations}</h2>
      {patients.length === 0 ? <p className="notice">{t.clinicNoConfirmations}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.clinicConfirmations}>
          <table>
            <thead><tr><th scope="col">{t.clinicPatient}</th><th scope="col">{t.patientBirthdate}</th><th scope="col">{t.confirmValidity}</th><th scope="col">{t.confirmedAt}</th><th scope="col"><span className="visually-hidden">{t.clinicOpen}</span></th></tr></thead>
            <tbody>
              {patients.map(({ id, result }) => {
                if (!result.ok) return <tr key={id}><td colSpan={5}>{t.clinicPatientNotFound}</td></tr>;
                const patient = result.data.patient;
                const latest = patient.confirmations.find((confirmation) => confirmation.facilityCode === facilityCode);
                return (
                  <tr key={id}>
                    <th scope="row">{patient.name}<br /><span className="muted" style={{ fontWeight: 400 }}>{patient.nameKana}</span></th>
                    <td>{formatDate(patient.birthdate, locale)}</td>
                    <td>{latest ? <span className={`badge ${latest.qualificationValidity === '1' ? 'badge--ok' : 'badge--alert'}`}>{(t as unknown as Record<string, string>)[`validity${latest.qualificationValidity}`] ?? latest.qualificationValidity}</span> : '—'}</td>
                    <td>{latest ? formatDateTime(latest.at, locale) : '—'}</td>
                    <td><a className="button button--quiet" href={`/clinic/patients/${encodeURIComponent(id)}`}>{t.clinicOpen}</a></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
