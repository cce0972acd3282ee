/**
 * The card reader at the reception desk (contract 4), done for a pool of demo patients before the
 * reception scenario runs: start a verification for the patient's card, sign the challenge with the
 * patient's virtual card (face check, as most readers do), keep the verification token. The load then
 * measures what the clerk's system does per patient: `confirmQualificationByCard(verificationToken)`.
 * Tokens are valid 10 minutes, longer than one scale's reception runs take.
 */
import { createVirtualCard, signChallenge } from '@onshi/consent/src/services/card';
import { demoCardSeedMaterial } from '@onshi/consent/src/services/seed';
import { DEMO_HOSPITAL, INTERNAL_SECRET_HEADER, type DemoPatient } from '@onshi/kit';
import { DEMO_CONSENTS_PATH } from '@onshi/consent/src/services/internalRoutes';
import type { TestSystem } from '../src/harness';

const START = 'mutation($cardSerial: String!) { startReaderVerification(cardSerial: $cardSerial) { challengeId challenge } }';
const COMPLETE = 'mutation($challengeId: ID!, $signature: String!) { completeReaderVerification(challengeId: $challengeId, method: "FACE", signature: $signature) { verificationToken } }';

async function verify(system: TestSystem, token: string, patient: DemoPatient): Promise<string> {
  const started = await system.graphql<{ startReaderVerification: { challengeId: string; challenge: string } }>(START, { cardSerial: patient.cardSerial }, token);
  const challenge = started.body.data?.startReaderVerification;
  if (!challenge) throw new Error(`startReaderVerification failed for ${patient.cardSerial}: ${started.text.slice(0, 300)}`);
  const card = createVirtualCard(demoCardSeedMaterial(system.demo.seed, patient.cardSerial));
  const completed = await system.graphql<{ completeReaderVerification: { verificationToken: string } }>(
    COMPLETE, { challengeId: challenge.challengeId, signature: signChallenge(card.privateKey, challenge.challenge) }, token,
  );
  const verificationToken = completed.body.data?.completeReaderVerification.verificationToken;
  if (!verificationToken) throw new Error(`completeReaderVerification failed for ${patient.cardSerial}: ${completed.text.slice(0, 300)}`);
  return verificationToken;
}

const CONFIRM = 'mutation($verificationToken: String!) { confirmQualificationByCard(verificationToken: $verificationToken) { qualificationValidity } }';

export interface ReaderPool {
  /** Verification tokens whose card confirmation answers without an error. */
  tokens: string[];
  /**
   * Patients left out because their card confirmation is refused — the demo world leaves some cards
   * unregistered for health-insurance use (初回登録) on purpose — with one refusal as the reason.
   */
  refused: number;
  firstRefusal?: string;
}

/** Verification tokens for `patients`, a few readers at a time, each tried once at the counter. */
export async function readerVerifications(system: TestSystem, token: string, patients: readonly DemoPatient[], parallel = 8): Promise<ReaderPool> {
  const pool: ReaderPool = { tokens: [], refused: 0 };
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < patients.length; i = next++) {
      const patient = patients[i];
      if (!patient) continue;
      const verificationToken = await verify(system, token, patient);
      const confirmed = await system.graphql(CONFIRM, { verificationToken }, token);
      if (confirmed.status === 200 && !confirmed.body.errors) {
        pool.tokens.push(verificationToken);
      } else {
        pool.refused += 1;
        pool.firstRefusal ??= confirmed.text.slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, reader));
  return pool;
}

/**
 * The demo hospital's consents (drug and checkup information, 24 hours) for the doctor scenario's patients,
 * through consent's demo-only route: the demo seed gives the hospital a ward of its first 1,000 patients
 * only, and the pool is spread over the whole demo world.
 */
export async function hospitalConsents(system: TestSystem, patients: readonly DemoPatient[], parallel = 8): Promise<void> {
  const registeredAt = new Date().toISOString();
  const requests = patients.flatMap((patient) => (['DRUG', 'CHECKUP'] as const).map((category) => ({ patientId: patient.id, facilityCode: DEMO_HOSPITAL.code, category, registeredAt })));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const response = await fetch(`${system.urls.consent}${DEMO_CONSENTS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: system.internalSecret },
        body: JSON.stringify(requests[i]),
      });
      if (response.status !== 200) throw new Error(`demo consent refused (${response.status}): ${(await response.text()).slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
