import { setAccessLogFault, startTestSystem, type TestSystem } from './harness';

/**
 * "Audit writes fail closed: if the access log can't be written, data is not released" (developers'
 * standards; docs/architecture.md "Who may see what: three layers", layer 3). The fault is injected through a demo-mode-only internal route.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.stop();
});

const setFault = async (enabled: boolean) => expect(await setAccessLogFault(system, enabled)).toBe(200);

const DRUGS = 'query($id: ID!) { patient(id: $id) { name medicationSummary { activeDrugs { dispensing { drugName } } } checkups { fiscalYear } } }';

test('when the access log cannot be written, no patient data leaves the server, and nothing half-written remains', async () => {
  const doctor = await system.token('clinic-doctor');
  const yamada = await system.token('yamada');
  const before = await system.graphql<{ patient: { name: string; medicationSummary: { activeDrugs: Array<{ dispensing: { drugName: string } }> } } }>(DRUGS, { id: system.patient(0).id }, doctor);
  const drugNames = before.body.data?.patient.medicationSummary.activeDrugs.map((a) => a.dispensing.drugName) ?? [];
  expect(drugNames.length).toBeGreaterThan(0);

  await setFault(true);
  try {
    const requestId = `fail-closed-${Date.now()}`;
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${doctor}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: DRUGS, variables: { id: system.patient(0).id } }),
    });
    const text = await response.text();
    const gatewayRequestId = response.headers.get('x-request-id') ?? '';
    expect(gatewayRequestId).not.toBe('');
    expect(text).toContain('SERVICE_UNAVAILABLE');
    expect(text).not.toContain('山田');
    for (const name of drugNames) expect(text).not.toContain(name);
    const own = await system.graphql('{ me { name } }', {}, yamada);
    expect(own.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(own.text).not.toContain('山田');

    await setFault(false);
    const log = await system.graphql<{ me: { accessLog: Array<{ requestId: string }> } }>('{ me { accessLog(first: 100) { requestId } } }', {}, yamada);
    expect(log.body.errors).toBeUndefined();
    expect(log.body.data?.me.accessLog.map((e) => e.requestId)).not.toContain(gatewayRequestId);
  } finally {
    await setFault(false);
  }
  const after = await system.graphql(DRUGS, { id: system.patient(0).id }, doctor);
  expect(after.body.errors).toBeUndefined();
});
