'use server';
import { redirect } from 'next/navigation';
import { gatewayMutation, gatewayQuery } from '@/lib/gateway';
import { DisasterSearchQuery, RecordDisasterConsentMutation, RecordDisasterExemptionMutation, StartEmergencyAccessMutation } from '@/lib/graphql/facility';
import { currentSession } from '@/lib/session';

/**
 * Disaster mode and emergency access from /clinic/special (docs/domain.md "Disaster", "Emergency access"). Every
 * rule is the API's: these actions pass the form on and show the answer's code; the step after a disaster hit
 * (consent or exemption) is in the page's address, and nothing is read before it is recorded.
 */
const SPECIAL = '/clinic/special';

function text(formData: FormData, name: string): string {
  return String(formData.get(name) ?? '').trim();
}

async function token(): Promise<string> {
  const session = await currentSession();
  if (!session) redirect(`/staff/login?next=${SPECIAL}`);
  return session.token;
}

export async function disasterSearchAction(formData: FormData): Promise<void> {
  const result = await gatewayQuery(DisasterSearchQuery, {
    name: text(formData, 'name'), birthdate: text(formData, 'birthdate'), sex: text(formData, 'sex'), insurerNameOrAddress: text(formData, 'insurerNameOrAddress'),
  }, await token());
  if (!result.ok) redirect(`${SPECIAL}?error=${encodeURIComponent(result.code)}`);
  redirect(`${SPECIAL}?identified=${encodeURIComponent(result.data.disasterSearch.patient.id)}`);
}

export async function recordDisasterBasisAction(formData: FormData): Promise<void> {
  const patientId = text(formData, 'patientId');
  const reason = text(formData, 'reason');
  const exemption = text(formData, 'basis') === 'EXEMPTION';
  if (!exemption && formData.get('attest') !== 'yes') redirect(`${SPECIAL}?identified=${encodeURIComponent(patientId)}&error=BAD_USER_INPUT`);
  const result = exemption
    ? await gatewayMutation(RecordDisasterExemptionMutation, { patientId, reason }, await token())
    : await gatewayMutation(RecordDisasterConsentMutation, { patientId }, await token());
  if (!result.ok) redirect(`${SPECIAL}?identified=${encodeURIComponent(patientId)}&error=${encodeURIComponent(result.code)}`);
  redirect(`/clinic/patients/${encodeURIComponent(patientId)}`);
}

export async function startEmergencyAccessAction(formData: FormData): Promise<void> {
  const cardSerial = text(formData, 'cardSerial');
  const byFields = cardSerial === '';
  const field = (name: string) => (byFields ? text(formData, name) : null);
  const result = await gatewayMutation(StartEmergencyAccessMutation, {
    reason: text(formData, 'reason'), cardSerial: byFields ? null : cardSerial,
    name: field('name'), birthdate: field('birthdate'), sex: field('sex'), insurerNameOrAddress: field('insurerNameOrAddress'),
  }, await token());
  if (!result.ok) redirect(`${SPECIAL}?error=${encodeURIComponent(result.code)}#emergency`);
  redirect(`/clinic/patients/${encodeURIComponent(result.data.startEmergencyAccess.patient.id)}`);
}
