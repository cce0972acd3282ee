import { bilingual, INTERNAL_SECRET_HEADER, KNOWN_PATIENTS_PATH, OnshiError, postToService } from '@onshi/kit';

const TIMEOUT_MS = 10_000;
/** The route's bound per call; a batch holds at most 5,000 claims (claimIngest.ts). */
const IDS_PER_CALL = 5_000;

/**
 * Asks consent which patient ids exist. Fails closed: without an answer the batch is not stored (SERVICE_UNAVAILABLE),
 * because storing claims of unknown people is what the check prevents.
 */
export function knownPatientsClient(consentUrl: string, internalSecret: string) {
  return async (patientIds: readonly string[]): Promise<ReadonlySet<string>> => {
    const known = new Set<string>();
    for (let start = 0; start < patientIds.length; start += IDS_PER_CALL) {
      const response = await postToService(new URL(KNOWN_PATIENTS_PATH, consentUrl), {
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: internalSecret },
        body: JSON.stringify({ patientIds: patientIds.slice(start, start + IDS_PER_CALL) }),
        timeoutMs: TIMEOUT_MS,
      }).catch(() => undefined);
      const body = response?.ok ? ((await response.json()) as { known?: unknown }) : undefined;
      if (!Array.isArray(body?.known)) {
        throw new OnshiError('SERVICE_UNAVAILABLE', bilingual('Patients could not be checked; nothing was stored', '患者の確認ができないため取り込みませんでした'), { service: 'consent' });
      }
      for (const id of body.known) if (typeof id === 'string') known.add(id);
    }
    return known;
  };
}
