/**
 * The card reader at the reception desk (docs/contracts.md contract 4), done for a pool of demo patients before the
 * reception scenario runs: the clinic's registered demo reader asks for a nonce, the patient's virtual card
 * signs it (face check, as most readers do), the reader signs its statement with the patient's answers, and
 * the verification token is kept. The load then measures what the clerk's system does per patient:
 * `confirmQualificationByCard(verificationToken)`. Tokens are valid 10 minutes, longer than one scale's
 * reception runs take.
 */
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { INTERNAL_SECRET_HEADER } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_HOSPITAL, type DemoPatient } from '@onshi/demo';
import { DEMO_CONSENTS_PATH } from '@onshi/consent/src/http/internalRoutes';
import type { TestSystem } from '../src/harness';

/** What the reader visit needs of a running system: the harness's, or a replicated one behind HAProxy (replicaBench.ts). */
export type ReaderSystem = Pick<TestSystem, 'graphql' | 'demo' | 'reader'>;

async function verify(system: ReaderSystem, patient: DemoPatient): Promise<string> {
  const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
  return (await readerVisit(call, system.demo, system.reader(DEMO_CLINIC.code), patient.cardSerial, { drug: true, checkup: true })).verificationToken;
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
export async function readerVerifications(system: ReaderSystem, token: string, patients: readonly DemoPatient[], parallel = 8): Promise<ReaderPool> {
  const pool: ReaderPool = { tokens: [], refused: 0 };
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < patients.length; i = next++) {
      const patient = patients[i];
      if (!patient) continue;
      const verificationToken = await verify(system, patient).catch(() => undefined);
      if (!verificationToken) {
        pool.refused += 1;
        continue;
      }
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
