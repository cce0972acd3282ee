/**
 * Demo: card lifecycle (docs/operations.md "Demo: card lifecycle"). The operator, standing in for J-LIS,
 * suspends or expires a demo My Number Card; the next confirmation with it through the gateway is refused with the
 * reason. Anyone else is refused, logged, and nothing changes. (Outside demo mode: services/demoCards.test.ts.)
 */
import { DEMO_STAFF } from '@onshi/demo';
import { DEMO_CARD_LIFECYCLE_PATH, INTERNAL_SECRET_HEADER } from '@onshi/kit';
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 12 });
});
afterAll(async () => {
  await system?.stop();
});

const CARD = 'cardSerial patientId status certificateExpiresOn unusable';
const SET = `mutation($s: String!, $a: String!) { setDemoCardStatus(cardSerial: $s, action: $a) { ${CARD} } }`;
const LOOKUP = `query($s: String, $p: String) { demoCard(cardSerial: $s, patientId: $p) { ${CARD} } }`;
interface DemoCard { cardSerial: string; patientId: string; status: string; certificateExpiresOn: string | null; unusable: string | null }
interface LogRow { actorRole: string; category: string; decision: string; reason: string }

async function readCard(cardSerial: string): Promise<string> {
  const facilityCode = DEMO_STAFF.find((staff) => staff.account === 'clinic-reception')?.facilityCode ?? '';
  const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
  return (await readerVisit(call, system.demo, system.reader(facilityCode), cardSerial, { drug: true, checkup: true }, { method: 'FACE' })).verificationToken;
}
async function confirm(token: string) {
  return system.graphql<{ confirmQualificationByCard: { patientId: string } }>('mutation($t: String!) { confirmQualificationByCard(verificationToken: $t) { patientId name } }', { t: token }, await system.token('clinic-reception'));
}
async function nationLog(): Promise<LogRow[]> {
  const result = await system.graphql<{ accessLogSearch: LogRow[] }>('query { accessLogSearch(patientId: "nation", first: 500) { actorRole category decision reason } }', {}, await system.token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}

describe('demo card lifecycle', () => {
  test('the operator looks a card up by holder or serial', async () => {
    const patient = system.patient(2);
    const byHolder = await system.graphql<{ demoCard: DemoCard }>(LOOKUP, { p: patient.id }, await system.token('admin'));
    expect(byHolder.body.errors).toBeUndefined();
    expect(byHolder.body.data?.demoCard).toMatchObject({ cardSerial: patient.cardSerial, patientId: patient.id, status: 'ACTIVE', unusable: null });
    const bySerial = await system.graphql<{ demoCard: DemoCard }>(LOOKUP, { s: patient.cardSerial }, await system.token('admin'));
    expect(bySerial.body.data?.demoCard).toEqual(byHolder.body.data?.demoCard);
    const both = await system.graphql(LOOKUP, { s: patient.cardSerial, p: patient.id }, await system.token('admin'));
    expect(both.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const unknown = await system.graphql(LOOKUP, { s: 'NO-SUCH-CARD' }, await system.token('admin'));
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('suspended by the operator: the next confirmation is refused, saying why, and the change is logged', async () => {
    const patient = system.patient(3);
    const token = await readCard(patient.cardSerial);
    const suspended = await system.graphql<{ setDemoCardStatus: DemoCard }>(SET, { s: patient.cardSerial, a: 'SUSPEND' }, await system.token('admin'));
    expect(suspended.body.errors).toBeUndefined();
    expect(suspended.body.data?.setDemoCardStatus).toMatchObject({ cardSerial: patient.cardSerial, status: 'SUSPENDED', unusable: 'SUSPENDED' });
    const refused = await confirm(token);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'SUSPENDED' });
    expect(refused.body.errors?.[0]?.message).toContain('一時利用停止');
    expect(refused.text).not.toContain(patient.name);
    // The reader refuses the card too (consent asks qualifications at every use, kit cardStatus.ts).
    expect(await readCard(patient.cardSerial).catch((error: unknown) => String(error))).toContain('CARD_NOT_USABLE');
    expect(await nationLog()).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: 'ADMIN', category: 'ADMINISTRATION', decision: 'ALLOW', reason: 'DEMO_SUSPEND_CARD' })]));
  });

  test('expired by the operator: the next confirmation is refused as expired', async () => {
    const patient = system.patient(4);
    const token = await readCard(patient.cardSerial);
    const expired = await system.graphql<{ setDemoCardStatus: DemoCard }>(SET, { s: patient.cardSerial, a: 'EXPIRE' }, await system.token('admin'));
    expect(expired.body.data?.setDemoCardStatus).toMatchObject({ status: 'EXPIRED', unusable: 'EXPIRED' });
    const refused = await confirm(token);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'EXPIRED' });
    expect(refused.body.errors?.[0]?.message).toContain('有効期限切れ');
    expect(refused.text).not.toContain(patient.name);
    expect(await nationLog()).toEqual(expect.arrayContaining([expect.objectContaining({ decision: 'ALLOW', reason: 'DEMO_EXPIRE_CARD' })]));
  });

  test.each(['yamada', 'clinic-reception', 'clinic-doctor'])('%s is refused and logged; the card is unchanged and still confirms', async (account) => {
    const patient = system.patient(6);
    for (const action of ['SUSPEND', 'EXPIRE', 'BOGUS']) {
      const result = await system.graphql(SET, { s: patient.cardSerial, a: action }, await system.token(account));
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
      expect(result.body.data ?? null).toBeNull();
    }
    const look = await system.graphql(LOOKUP, { s: patient.cardSerial }, await system.token(account));
    expect(look.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(look.text).not.toContain(patient.id);
    expect(await nationLog()).toEqual(expect.arrayContaining([
      expect.objectContaining({ category: 'ADMINISTRATION', decision: 'DENY', reason: 'DEMO_SUSPEND_CARD:NOT_OPERATOR' }),
      expect.objectContaining({ category: 'ADMINISTRATION', decision: 'DENY', reason: 'DEMO_EXPIRE_CARD:NOT_OPERATOR' }),
      expect.objectContaining({ category: 'ADMINISTRATION', decision: 'DENY', reason: 'VIEW_DEMO_CARD:NOT_OPERATOR' }),
    ]));
    const card = await system.graphql<{ demoCard: DemoCard }>(LOOKUP, { s: patient.cardSerial }, await system.token('admin'));
    expect(card.body.data?.demoCard).toMatchObject({ status: 'ACTIVE', unusable: null });
    const confirmed = await confirm(await readCard(patient.cardSerial));
    expect(confirmed.body.data?.confirmQualificationByCard.patientId).toBe(patient.id);
  });

  test('a change half done — qualifications changed the card, consent\'s record rolled back — converges when the operator repeats it', async () => {
    const patient = system.patient(8);
    const suspensions = async () => (await nationLog()).filter((row) => row.decision === 'ALLOW' && row.reason === 'DEMO_SUSPEND_CARD').length;
    const recorded = await suspensions();
    // The first attempt's last step reached qualifications, then consent's transaction failed (services/demoCards.ts).
    const halfDone = await fetch(new URL(DEMO_CARD_LIFECYCLE_PATH, system.urls.qualifications), {
      method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: system.internalSecret }, body: JSON.stringify({ cardSerial: patient.cardSerial, action: 'SUSPEND' }),
    });
    expect(halfDone.status).toBe(200);
    expect(await suspensions()).toBe(recorded);
    const again = await system.graphql<{ setDemoCardStatus: DemoCard }>(SET, { s: patient.cardSerial, a: 'SUSPEND' }, await system.token('admin'));
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.setDemoCardStatus).toMatchObject({ status: 'SUSPENDED', unusable: 'SUSPENDED' });
    expect(await suspensions()).toBe(recorded + 1);
  });

  test('a bad action from the operator: BAD_USER_INPUT, nothing changed', async () => {
    const patient = system.patient(7);
    const result = await system.graphql(SET, { s: patient.cardSerial, a: 'DESTROY' }, await system.token('admin'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'action' });
    const card = await system.graphql<{ demoCard: DemoCard }>(LOOKUP, { s: patient.cardSerial }, await system.token('admin'));
    expect(card.body.data?.demoCard.status).toBe('ACTIVE');
  });
});
