import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.stop();
});

describe('platform: federated query through the gateway', () => {
  test('a patient finds their own id through `me` and reads identity, insurance and access log', async () => {
    const token = await system.token('yamada');
    const result = await system.graphql<{ me: { id: string; name: string; currentQualification: { insurerNumber: string } } }>(
      '{ me { id name currentQualification { insurerNumber } accessLog { actorRole } } }', {}, token,
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.me).toMatchObject({ id: system.patient(0).id, name: '山田 太郎', currentQualification: { insurerNumber: '131011' } });
  });

  test('the demo doctor reads a patient by id (qualifications subgraph via the gateway)', async () => {
    const token = await system.token('clinic-doctor');
    const result = await system.graphql<{ patient: { name: string; qualifications: Array<{ insurerNumber: string }> } }>(
      'query($id: ID!) { patient(id: $id) { name qualifications { insurerNumber qualificationDate } } }', { id: system.patient(0).id }, token,
    );
    expect(result.body.errors).toBeUndefined();
    // 山田 太郎 changed insurer twice, but a facility sees only the coverage in force (his card verified at its reader
    // with a consent), never past insurers (docs/domain.md "What a facility may see at all").
    expect(result.body.data?.patient.qualifications.map((q) => q.insurerNumber)).toEqual(['131011']);
  });

  test('a field the role may not read is refused before any subgraph is called, and no data leaves', async () => {
    const token = await system.token('clinic-reception');
    const result = await system.graphql('query($id: ID!) { patient(id: $id) { name accessLog { at actorRole } } }', { id: system.patient(0).id }, token);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.extensions?.fields).toEqual(['Patient.accessLog']);
    expect(result.body.data ?? null).toBeNull();
    expect(result.text).not.toContain('山田');
  });

  test('without a token nothing is returned', async () => {
    const result = await system.graphql('query($id: ID!) { patient(id: $id) { name } }', { id: system.patient(0).id });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.text).not.toContain('山田');
  });

  test('a forged token is refused with UNAUTHENTICATED', async () => {
    const real = await system.token('clinic-doctor');
    const [header, payload] = real.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), role: 'ADMIN' })).toString('base64url')}.AAAA`;
    const result = await system.graphql('query($id: ID!) { patient(id: $id) { name } }', { id: system.patient(0).id }, forged);
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.text).not.toContain('山田');
  });

  test('health and readiness endpoints', async () => {
    const health = await fetch(`${system.gatewayUrl}/health`);
    expect(health.status).toBe(200);
    const ready = (await (await fetch(`${system.gatewayUrl}/ready`)).json()) as { status: string; checks: Record<string, boolean> };
    expect(ready).toMatchObject({ status: 'ready', checks: { qualifications: true, drugs: true, checkups: true, consent: true } });
  });
});
