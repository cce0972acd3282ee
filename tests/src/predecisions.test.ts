import { randomUUID } from 'node:crypto';
import { ASK_ALONG_HEADER, signAskAlong, signPredecisions, verifyPredecisions, PREDECISION_LIFETIME_MS, PREDECISIONS_EXTENSION, PREDECISIONS_HEADER, type Decision } from '@onshi/platform';
import { loginDemoAccount, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { routeCalls, startTestSystem, type TestSystem } from './harness';

/**
 * One decision call per request (docs/access-policy.md "One decision call per request"): the gateway asks the plain
 * questions of a query once and signs the answers for the subgraphs. Attacked here as an integrator or an intruder on
 * the services' network would: a client's own header through the gateway, and headers sent straight to a subgraph that
 * were forged, meant for another caller or another request, or too old. Each is ignored: the subgraph asks the
 * decision point itself, the answer is refused, nothing of the person leaves, and the refusal is in her access log.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.stop();
});

const DASHBOARD = '{ me { name currentQualification { insurerNumber } medicationSummary { activeDrugs { dispensing { drugName } } } checkups { fiscalYear } } }';
const DOCTOR_VISIT = 'query($id: ID!) { patient(id: $id) { name currentQualification { insurerNumber } medicationSummary { activeDrugs { dispensing { drugName } } } checkups { fiscalYear } } }';
const DRUGS_ENTITIES = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Patient { dispensings(first: 5) { edges { node { drugName } } } } } }';

type LogEntry = { actorRole: string; category: string; decision: string; requestId: string };

async function decisionCalls(): Promise<number> {
  return (await routeCalls(system.urls.consent))['POST /internal/decisions'] ?? 0;
}

async function post(url: string, query: string, variables: Record<string, unknown>, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, requestId: response.headers.get('x-request-id') ?? '', body: JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> } };
}

async function yamadaLog(requestId: string): Promise<LogEntry[]> {
  const answer = await system.graphql<{ me: { accessLog: LogEntry[] } }>('{ me { accessLog(first: 100, includeOwnViews: true) { actorRole category decision requestId } } }', {}, await system.token('yamada'));
  return (answer.body.data?.me.accessLog ?? []).filter((entry) => entry.requestId === requestId);
}

/** yamada's drug names as her own dashboard shows them: none of them may appear in a refused answer. */
let yamadaDrugs: string[] = [];

describe('one decision call per query, through the gateway', () => {
  test("the patient's dashboard: one decision call for her three categories, one entry each in her log, as before", async () => {
    const yamada = await system.token('yamada');
    const before = await decisionCalls();
    const answer = await post(`${system.gatewayUrl}/graphql`, DASHBOARD, {}, yamada);
    expect(await decisionCalls()).toBe(before + 1);
    expect(answer.body.errors).toBeUndefined();
    const me = answer.body.data?.me as { name: string; medicationSummary: { activeDrugs: Array<{ dispensing: { drugName: string } }> } };
    expect(me.name).toBe(system.patient(0).name);
    yamadaDrugs = me.medicationSummary.activeDrugs.map((drug) => drug.dispensing.drugName);
    expect(yamadaDrugs.length).toBeGreaterThan(0);
    const entries = await yamadaLog(answer.requestId);
    expect(entries.map((e) => `${e.category} ${e.decision}`).sort()).toEqual(['CHECKUP ALLOW', 'DRUG ALLOW', 'QUALIFICATION ALLOW']);
  });

  test('a field left out by @include(if: false) is not asked about and leaves no entry', async () => {
    const query = 'query($with: Boolean!) { me { name medicationSummary @include(if: $with) { activeDrugs { dispensing { drugName } } } } }';
    const answer = await post(`${system.gatewayUrl}/graphql`, query, { with: false }, await system.token('yamada'));
    expect(answer.body.errors).toBeUndefined();
    expect((await yamadaLog(answer.requestId)).map((e) => e.category)).toEqual(['QUALIFICATION']);
  });

  test('the same operation asked again with the other value: each request follows its own @include variable (the gateway builds the operation once per document)', async () => {
    const query = 'query IncludeByVariable($with: Boolean!) { me { name medicationSummary @include(if: $with) { activeDrugs { dispensing { drugName } } } } }';
    const yamada = await system.token('yamada');
    for (const include of [true, false, true, false]) {
      const answer = await post(`${system.gatewayUrl}/graphql`, query, { with: include }, yamada);
      expect(answer.body.errors).toBeUndefined();
      const me = (answer.body.data as { me: Record<string, unknown> }).me;
      expect('medicationSummary' in me).toBe(include);
      expect((await yamadaLog(answer.requestId)).map((e) => e.category).sort()).toEqual(include ? ['DRUG', 'QUALIFICATION'] : ['QUALIFICATION']);
    }
  });

  test("a doctor's visit: her fields' questions asked along with her qualification question (which carries the confirmation here), one call; one entry per category", async () => {
    const doctor = await system.token('clinic-doctor');
    const before = await decisionCalls();
    const answer = await post(`${system.gatewayUrl}/graphql`, DOCTOR_VISIT, { id: system.patient(0).id }, doctor);
    expect(answer.body.errors).toBeUndefined();
    expect(await decisionCalls()).toBe(before + 1);
    const entries = await yamadaLog(answer.requestId);
    expect(entries.map((e) => `${e.actorRole} ${e.category} ${e.decision}`).sort()).toEqual(['DOCTOR CHECKUP ALLOW', 'DOCTOR DRUG ALLOW', 'DOCTOR QUALIFICATION ALLOW']);
    // The signed answers travel subgraph → gateway → subgraph only.
    expect(answer.text).not.toContain(PREDECISIONS_EXTENSION);
  });

  test("a doctor whose facility never confirmed her: refused as nobody, her fields' questions neither decided nor logged, nothing of hers leaves", async () => {
    const stranger = system.patient(7);
    const doctor = await system.token('dental-dentist');
    const answer = await post(`${system.gatewayUrl}/graphql`, DOCTOR_VISIT.replace('query(', 'query Refused('), { id: stranger.id }, doctor);
    expect(answer.body.data?.patient ?? null).toBeNull();
    expect(answer.body.errors?.length ?? 0).toBeGreaterThan(0);
    expect(answer.text).not.toContain(stranger.name);
    expect(answer.text).not.toContain(PREDECISIONS_EXTENSION);
    const operator = await system.token('admin');
    const log = await system.graphql<{ accessLogSearch: LogEntry[] }>(
      'query($p: ID!) { accessLogSearch(patientId: $p, first: 200) { actorRole category decision requestId } }', { p: stranger.id }, operator);
    const entries = (log.body.data?.accessLogSearch ?? []).filter((entry) => entry.requestId === answer.requestId);
    expect(entries.map((e) => `${e.actorRole} ${e.category} ${e.decision}`)).toEqual(['DENTIST QUALIFICATION DENY']);
  });

  test("a client's own ask-along header, signed with the services' secret, never passes the gateway: nothing more asked, nothing more logged", async () => {
    const doctor = await system.token('clinic-doctor');
    const clientRequestId = `asked-along-${randomUUID()}`;
    const yamadaId = system.patient(0).id;
    const header = signAskAlong([{ patientId: yamadaId, category: 'CHECKUP' }, { patientId: yamadaId, category: 'DRUG' }], 'qualifications', { requestId: clientRequestId, token: doctor }, system.internalSecret);
    const answer = await post(`${system.gatewayUrl}/graphql`, 'query($id: ID!) { patient(id: $id) { name } }', { id: yamadaId }, doctor, { [ASK_ALONG_HEADER]: header, 'x-request-id': clientRequestId });
    expect(answer.body.errors).toBeUndefined();
    expect((await yamadaLog(answer.requestId)).map((e) => `${e.actorRole} ${e.category} ${e.decision}`)).toEqual(['DOCTOR QUALIFICATION ALLOW']);
  });

  test('variables the executor refuses ask nothing ahead and leave no entry; a default value is the one used', async () => {
    const query = 'query($with: Boolean = false) { me { name medicationSummary @include(if: $with) { activeDrugs { dispensing { drugName } } } } }';
    const yamada = await system.token('yamada');
    const before = await decisionCalls();
    const refused = await post(`${system.gatewayUrl}/graphql`, query, { with: 'yes' }, yamada);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.text).not.toContain(system.patient(0).name);
    expect(await decisionCalls()).toBe(before);
    expect(await yamadaLog(refused.requestId)).toEqual([]);
    const defaulted = await post(`${system.gatewayUrl}/graphql`, query, {}, yamada);
    expect(defaulted.body.errors).toBeUndefined();
    expect((await yamadaLog(defaulted.requestId)).map((e) => e.category)).toEqual(['QUALIFICATION']);
  });

  test("another patient's header of allows, signed with the services' own secret, never passes the gateway: refused, nothing of hers, logged", async () => {
    const sato = await system.token('sato');
    const yamadaId = system.patient(0).id;
    const clientRequestId = `forged-${randomUUID()}`;
    const allows: Decision[] = (['QUALIFICATION', 'DRUG', 'CHECKUP'] as const).map((category) => ({ patientId: yamadaId, category, allow: true, reason: 'SELF', special: false, rule: 'patient-self' }));
    const forged = signPredecisions(allows, { requestId: clientRequestId, token: sato }, system.internalSecret);
    const answer = await post(`${system.gatewayUrl}/graphql`, DOCTOR_VISIT, { id: yamadaId }, sato, { [PREDECISIONS_HEADER]: forged, 'x-request-id': clientRequestId });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.text).not.toContain(system.patient(0).name);
    for (const drug of yamadaDrugs) expect(answer.text).not.toContain(drug);
    // Exactly what qualifications' own question logged before: her fields' questions, asked after the refused one, are
    // neither decided nor logged (no subgraph would have asked them).
    expect((await yamadaLog(answer.requestId)).map((e) => `${e.actorRole} ${e.category} ${e.decision}`)).toEqual(['PATIENT QUALIFICATION DENY']);
  });
});

describe('a header sent straight to a subgraph is taken only as the gateway signed it: for this request and this caller, fresh', () => {
  const drugsUrl = () => `${system.urls.drugs}/graphql`;
  const yamadaAllow = (): Decision[] => [{ patientId: system.patient(0).id, category: 'DRUG', allow: true, reason: 'SELF', special: false, rule: 'patient-self' }];
  const reps = () => ({ reps: [{ __typename: 'Patient', id: system.patient(0).id }] });

  async function expectIgnored(header: (binding: { requestId: string; sato: string; yamada: string }) => string): Promise<void> {
    const sato = await system.token('sato');
    const yamada = await system.token('yamada');
    const requestId = `direct-${randomUUID()}`;
    const answer = await post(drugsUrl(), DRUGS_ENTITIES, reps(), sato, { [PREDECISIONS_HEADER]: header({ requestId, sato, yamada }), 'x-request-id': requestId });
    expect(answer.body.errors?.length ?? 0).toBeGreaterThan(0);
    expect(answer.text).not.toContain('drugName":"');
    for (const drug of yamadaDrugs) expect(answer.text).not.toContain(drug);
    // The subgraph asked the decision point itself, which refused and logged it under the request sent.
    const entries = await yamadaLog(requestId);
    expect(entries.map((e) => `${e.actorRole} ${e.category} ${e.decision}`)).toEqual(['PATIENT DRUG DENY']);
  }

  test('signed with a guessed secret: ignored', async () => {
    await expectIgnored(({ requestId, sato }) => signPredecisions(yamadaAllow(), { requestId, token: sato }, 'a-guessed-secret'));
  });
  test("signed for another caller (her own token's allow, replayed with another token): ignored", async () => {
    await expectIgnored(({ requestId, yamada }) => signPredecisions(yamadaAllow(), { requestId, token: yamada }, system.internalSecret));
  });
  test('signed for another request (a captured header replayed): ignored', async () => {
    await expectIgnored(({ sato }) => signPredecisions(yamadaAllow(), { requestId: `earlier-${randomUUID()}`, token: sato }, system.internalSecret));
  });
  test('older than its lifetime: ignored', async () => {
    await expectIgnored(({ requestId, sato }) => signPredecisions(yamadaAllow(), { requestId, token: sato }, system.internalSecret, Date.now() - PREDECISION_LIFETIME_MS - 1_000));
  });
  test("what the check rests on: only the services' shared secret signs a header a subgraph takes (docs/access-policy.md)", async () => {
    const sato = await system.token('sato');
    const requestId = `signed-${randomUUID()}`;
    const header = signPredecisions(yamadaAllow(), { requestId, token: sato }, system.internalSecret);
    const before = await decisionCalls();
    const answer = await post(drugsUrl(), DRUGS_ENTITIES, reps(), sato, { [PREDECISIONS_HEADER]: header, 'x-request-id': requestId });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.text).toContain('drugName');
    expect(await decisionCalls()).toBe(before);
  });
});

describe('questions asked along, sent straight to qualifications: taken only as the gateway signed them, for qualifications, this request and caller', () => {
  const PATIENT_NAME = 'query($id: ID!) { patient(id: $id) { name } }';
  async function askAlongDirect(sign: (binding: { requestId: string; doctor: string }) => string) {
    const doctor = await system.token('clinic-doctor');
    const requestId = `along-${randomUUID()}`;
    const before = await decisionCalls();
    const answer = await post(`${system.urls.qualifications}/graphql`, PATIENT_NAME, { id: system.patient(0).id }, doctor, { [ASK_ALONG_HEADER]: sign({ requestId, doctor }), 'x-request-id': requestId });
    const calls = (await decisionCalls()) - before;
    expect(answer.body.errors).toBeUndefined();
    return { answer, requestId, doctor, calls, entries: (await yamadaLog(requestId)).map((e) => `${e.actorRole} ${e.category} ${e.decision}`).sort() };
  }
  const drugQuestion = () => [{ patientId: system.patient(0).id, category: 'DRUG' as const }];

  test('signed for another subgraph, another request, or with a guessed secret: ignored, only her own question decided and logged', async () => {
    for (const sign of [
      ({ requestId, doctor }: { requestId: string; doctor: string }) => signAskAlong(drugQuestion(), 'drugs', { requestId, token: doctor }, system.internalSecret),
      ({ doctor }: { requestId: string; doctor: string }) => signAskAlong(drugQuestion(), 'qualifications', { requestId: `earlier-${randomUUID()}`, token: doctor }, system.internalSecret),
      ({ requestId, doctor }: { requestId: string; doctor: string }) => signAskAlong(drugQuestion(), 'qualifications', { requestId, token: doctor }, 'a-guessed-secret-a-guessed-secret'),
    ]) {
      const { answer, calls, entries } = await askAlongDirect(sign);
      expect(calls).toBe(1);
      expect(answer.text).not.toContain(PREDECISIONS_EXTENSION);
      expect(entries).toEqual(['DOCTOR QUALIFICATION ALLOW']);
    }
  });

  test('signed as the gateway signs it: asked in the same call, logged once, answered signed for this request and caller only', async () => {
    const { answer, requestId, doctor, calls, entries } = await askAlongDirect(({ requestId, doctor }) => signAskAlong(drugQuestion(), 'qualifications', { requestId, token: doctor }, system.internalSecret));
    expect(calls).toBe(1);
    expect(entries).toEqual(['DOCTOR DRUG ALLOW', 'DOCTOR QUALIFICATION ALLOW']);
    const signed = (answer.body as { extensions?: Record<string, unknown> }).extensions?.[PREDECISIONS_EXTENSION];
    expect(typeof signed).toBe('string');
    expect(verifyPredecisions(signed as string, { requestId, token: doctor }, system.internalSecret)?.map((d) => `${d.category} ${d.allow}`)).toEqual(['DRUG true']);
    expect(verifyPredecisions(signed as string, { requestId: `other-${randomUUID()}`, token: doctor }, system.internalSecret)).toBeUndefined();
  });
});

describe('a header is no proof that the token is live unless an answer of it is used', () => {
  test('after logout, a signed header does not carry a request that reads none of its answers past the ended-token check', async () => {
    const call: GraphQLCall = async (query, variables, bearer) => (await system.graphql(query, variables, bearer)).body;
    const session = await loginDemoAccount(call, system.demo, 'yamada');
    const requestId = `replayed-${randomUUID()}`;
    const header = signPredecisions([{ patientId: system.patient(0).id, category: 'DRUG', allow: true, reason: 'SELF', special: false, rule: 'patient-self' }], { requestId, token: session.accessToken }, system.internalSecret);
    expect((await system.graphql<{ logout: boolean }>('mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken }, session.accessToken)).body.data?.logout).toBe(true);
    const replay = { [PREDECISIONS_HEADER]: header, 'x-request-id': requestId };
    const master = await post(`${system.urls.drugs}/graphql`, '{ drugCount: __typename }', {}, session.accessToken, replay);
    expect(master.status).toBe(401);
    expect(master.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(master.body.data ?? null).toBeNull();
    const mutation = await post(`${system.urls.qualifications}/graphql`, 'mutation($serial: String!) { reportCardLost(cardSerial: $serial) { __typename } }', { serial: system.patient(0).cardSerial }, session.accessToken, replay);
    expect(mutation.status).toBe(401);
    expect(mutation.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    // No side effect: her card still logs in.
    const again = await loginDemoAccount(call, system.demo, 'yamada');
    expect((await system.graphql<{ me: { id: string } }>('{ me { id } }', {}, again.accessToken)).body.data?.me.id).toBe(system.patient(0).id);
  });
});
