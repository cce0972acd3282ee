/**
 * Logout ends the access token at once (docs/operations.md "Replicas and shared state"), not when it expires up
 * to 15 minutes later; a revoked PHR grant reads nothing at once — here without Redis, the embedded default: the consent
 * subgraph holds the revocation list and the gateway and the other subgraphs ask it on every request. The same
 * through Redis across replicas: replicas-shared-state.test.ts.
 */
import { loginDemoAccount, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ patients: 4 });
});

afterAll(async () => {
  await system?.stop();
});

const call: GraphQLCall = async (query, variables, bearer) => (await system.graphql(query, variables, bearer)).body;
const ME = '{ me { id name phrGrants { id appId active } } }';

describe('ended sessions end their access tokens at once (no Redis)', () => {
  test('a logged-out access token is refused at once, having been accepted (and its verification cached) just before', async () => {
    const session = await loginDemoAccount(call, system.demo, 'yamada');
    // Verified (and cached) by the gateway and the subgraphs before the logout.
    const before = await system.graphql<{ me: { id: string; name: string } }>(ME, {}, session.accessToken);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.me.id).toBe(system.patient(0).id);

    const logout = await system.graphql<{ logout: boolean }>('mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken }, session.accessToken);
    expect(logout.body.data?.logout).toBe(true);

    const after = await system.graphql(ME, {}, session.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.body.data ?? null).toBeNull();
    expect(after.text).not.toContain(system.patient(0).name);
    // Another session of the same person is untouched.
    const other = await loginDemoAccount(call, system.demo, 'yamada');
    expect((await system.graphql<{ me: { id: string } }>(ME, {}, other.accessToken)).body.data?.me.id).toBe(system.patient(0).id);
  });

  test('a logout outlives a restart of consent: the revocation list is kept in its database, not only in memory', async () => {
    const session = await loginDemoAccount(call, system.demo, 'yamada');
    expect((await system.graphql(ME, {}, session.accessToken)).body.errors).toBeUndefined();
    const logout = await system.graphql<{ logout: boolean }>('mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken }, session.accessToken);
    expect(logout.body.data?.logout).toBe(true);

    await system.restartService('consent');
    // Still within the token's 15 minutes, and signed by a key consent still trusts: only the stored list refuses it.
    const after = await system.graphql(ME, {}, session.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.body.data ?? null).toBeNull();
    expect(after.text).not.toContain(system.patient(0).name);
    // The restarted consent serves a fresh session of the same person.
    const other = await loginDemoAccount(call, system.demo, 'yamada');
    expect((await system.graphql<{ me: { id: string } }>(ME, {}, other.accessToken)).body.data?.me.id).toBe(system.patient(0).id);
  });

  test('logging out without the access token still revokes the refresh token, and a forged revocation question is refused as malformed', async () => {
    const session = await loginDemoAccount(call, system.demo, 'sato');
    const logout = await system.graphql<{ logout: boolean }>('mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken });
    expect(logout.body.data?.logout).toBe(true);
    const refreshed = await system.graphql('mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }', { r: session.refreshToken });
    expect(refreshed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const malformed = await fetch(`${system.urls.consent}/internal/revocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: 'everything' }) });
    expect(malformed.status).toBe(400);
  });

  test("revoking a PHR grant: the app reads nothing at once (answered as any grant that no longer exists), its refresh is refused, the patient's session goes on", async () => {
    const patient = await loginDemoAccount(call, system.demo, 'yamada');
    const app = await loginDemoAccount(call, system.demo, 'phr-demo');
    const READ = 'query($id: ID!) { patient(id: $id) { id dispensings(first: 5) { edges { node { drugName } } } } }';
    const before = await system.graphql(READ, { id: system.patient(0).id }, app.accessToken);
    expect(before.body.errors).toBeUndefined();
    const grants = await system.graphql<{ me: { phrGrants: Array<{ id: string; appId: string; active: boolean }> } }>(ME, {}, patient.accessToken);
    const grant = grants.body.data?.me.phrGrants.find((g) => g.appId === 'phr-demo' && g.active);
    expect(grant).toBeDefined();

    const revoked = await system.graphql('mutation($g: ID!) { revokePhrAccess(grantId: $g) { id } }', { g: grant?.id }, patient.accessToken);
    expect(revoked.body.errors).toBeUndefined();

    // The token still authenticates (a DV-blocked person's grant must answer the same: docs/access-policy.md), but
    // from this moment the person is, for the app, an id it was never granted: nothing leaves.
    const after = await system.graphql<{ patient: { dispensings: unknown } | null }>(READ, { id: system.patient(0).id }, app.accessToken);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(after.body.data?.patient ?? null).toBeNull();
    expect(after.text).not.toContain('drugName":"');
    const refresh = await system.graphql('mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }', { r: app.refreshToken });
    expect(refresh.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refresh.text).not.toContain('eyJ');
    // The patient's own session is not ended by revoking the app's grant.
    expect((await system.graphql(ME, {}, patient.accessToken)).body.errors).toBeUndefined();
  });
});
