/**
 * Restarting the demo is safe to repeat (README "Demo accounts": yamada "consented at the demo clinic today"): every
 * start makes sure yamada and the demo hospital's ward hold a fresh consent, but a start that finds one fresh enough
 * registers nothing (consent services/seed.ts refreshDemoConsent). Before, every start added two consents for her
 * and two thousand for the ward, so her 同意の記録 grew with each restart and held two open consents for one
 * facility and category, which a real registration never leaves (store/consents.ts revokeOpenConsents).
 */
import { DEMO_CLINIC, DEMO_HOSPITAL } from '@onshi/demo';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ patients: 4 });
});

afterAll(async () => {
  await system?.stop();
});

const CONSENTS = '{ me { consents { id facilityCode category registeredAt } } }';
type Consents = { me: { consents: Array<{ id: string; facilityCode: string; category: string; registeredAt: string }> } };

async function consentsOf(account: string) {
  const answer = await system.graphql<Consents>(CONSENTS, {}, await system.token(account));
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data?.me.consents ?? [];
}

const ids = (consents: Consents['me']['consents']) => consents.map((consent) => consent.id).sort();

test('restarting consent twice registers no second consent: yamada keeps one per category at the demo clinic, the ward patient one per category at the hospital', async () => {
  const yamada = await consentsOf('yamada');
  expect(yamada.filter((consent) => consent.facilityCode === DEMO_CLINIC.code).map((consent) => consent.category).sort()).toEqual(['CHECKUP', 'DRUG']);
  const ward = await consentsOf('patient-2');
  expect(ward.filter((consent) => consent.facilityCode === DEMO_HOSPITAL.code).map((consent) => consent.category).sort()).toEqual(['CHECKUP', 'DRUG']);

  await system.restartService('consent');
  await system.restartService('consent');

  expect(ids(await consentsOf('yamada'))).toEqual(ids(yamada));
  expect(ids(await consentsOf('patient-2'))).toEqual(ids(ward));
});
