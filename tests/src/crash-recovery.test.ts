/**
 * Durability of the embedded default: each subgraph is killed with SIGKILL while it writes and
 * started again on its port. It starts (its stale lock taken over), every write it acknowledged before the
 * kill is there, and the access log verifies. Embedded PGlite only (docs/operations.md "Stopping, crashes
 * and durability").
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INTERNAL_SECRET_HEADER } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_PHARMACY } from '@onshi/demo';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';
import { startTestSystem, type TestSystem } from './harness';
import { probeCount, runCommand } from './dataSafety';

let workDir: string;
let system: TestSystem | undefined;
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'onshi-crash-'));
});
afterAll(async () => {
  await system?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

const tablet = loadDrugMaster().entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');

/**
 * Runs `write` from 3 workers until the service is killed: the kill comes once 6 writes were acknowledged,
 * so it lands while writes are in flight. Returns what was acknowledged; a write that failed is one the
 * kill interrupted (never acknowledged), so it may or may not be stored.
 */
async function writeUntilKilled<T>(running: TestSystem, service: 'consent' | 'drugs' | 'checkups' | 'qualifications', write: (n: number) => Promise<T | undefined>): Promise<T[]> {
  const acknowledged: T[] = [];
  let killed = false;
  let next = 0;
  let kill: Promise<void> | undefined;
  const worker = async () => {
    while (!killed) {
      const result = await write(next++).catch(() => undefined);
      if (result === undefined) {
        if (killed) return;
        throw new Error(`a ${service} write failed before the kill`);
      }
      if (!killed) acknowledged.push(result);
      if (acknowledged.length >= 6 && !kill) {
        killed = true;
        kill = running.killService(service);
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  await kill;
  return acknowledged;
}

const post = async (url: string, secret: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: secret }, body: JSON.stringify(body) });

test('SIGKILL of each subgraph during writes: it starts again, every acknowledged write is there, the access log verifies', async () => {
  const dataDir = path.join(workDir, 'data');
  system = await startTestSystem({ patients: 12, dataDir, internalSecret: randomBytes(32).toString('base64url'), env: { DATABASE_URL: '' } });
  const running = system;
  const yamada = running.patient(0);
  const doctor = await running.token('clinic-doctor');
  const reception = await running.token('clinic-reception');

  // Baselines that only this test adds to: confirmations at the clinic (read with qualifications stopped).
  await running.stopService('qualifications');
  const confirmationsBefore = await probeCount(dataDir, 'qualifications', `select count(*)::int as n from qualifications.confirmations where facility_code = '${DEMO_CLINIC.code}'`);
  await running.restartService('qualifications');
  const entriesOf = async () => {
    const result = await runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], dataDir);
    if (result.code !== 0) throw new Error(`audit:verify: ${result.stdout}${result.stderr}`);
    return Number(/OK: (\d+) entries/.exec(result.stdout)?.[1]);
  };
  const entriesBefore = await entriesOf();

  // consent: each decision request writes three access-log entries before it answers.
  const decisions = await writeUntilKilled(running, 'consent', async () => {
    const response = await fetch(`${running.urls.consent}/internal/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: running.internalSecret, 'authorization': `Bearer ${doctor}` },
      body: JSON.stringify({ requests: [{ patientId: yamada.id, category: 'DRUG' }, { patientId: yamada.id, category: 'CHECKUP' }, { patientId: yamada.id, category: 'QUALIFICATION' }] }),
    });
    return response.status === 200 ? 3 : undefined;
  });
  await running.restartService('consent');
  expect(await entriesOf()).toBeGreaterThanOrEqual(entriesBefore + decisions.length * 3);

  // drugs: one claim batch per write, through the service's ingest operation.
  const batches = await writeUntilKilled(running, 'drugs', async (n) => {
    const response = await post(`${running.urls.drugs}/internal/operations/ingest-claims`, running.internalSecret, [{
      claimKind: 'PHARMACY', claimNumber: `CRASH-${n}`, patientId: yamada.id, facilityCode: DEMO_PHARMACY.code, prescribingFacilityCode: DEMO_CLINIC.code, insurerNumber: '01130012',
      serviceMonth: '2026-11', totalPoints: 250, patientShareYen: 750,
      items: [{ date: '2026-11-20', drugCode: tablet?.drugCode, quantity: 28, unit: '錠', usage: '１日１回朝食後', days: 28, inOut: 'OUT' }],
    }]);
    if (response.status !== 200) return undefined;
    return ((await response.json()) as { result: { batchId: string } }).result.batchId;
  });
  await running.restartService('drugs');

  // checkups: one recorded insurer change per write (docs/contracts.md contract 6).
  const events = await writeUntilKilled(running, 'checkups', async (n) => {
    const eventId = `crash-${randomUUID()}`;
    const response = await post(`${running.urls.checkups}/internal/insurer-changes`, running.internalSecret, {
      eventId, patientId: `pt_crash_${n}`, fromInsurerNumber: '131011', toInsurerNumber: '01130012', effectiveDate: '2026-11-01',
    });
    return response.status === 200 ? eventId : undefined;
  });
  await running.restartService('checkups');

  // qualifications: one confirmation by insurance-card numbers per write, through the gateway.
  const confirmations = await writeUntilKilled(running, 'qualifications', async () => {
    const result = await running.graphql<{ confirmQualificationByInsuranceCard: { qualificationValidity: string } }>(
      'mutation($b: String!) { confirmQualificationByInsuranceCard(insurerNumber: "131011", insuredCardSymbol: "", insuredIdentificationNumber: "00712345", insuredBranchNumber: "00", birthdate: $b) { qualificationValidity } }',
      { b: yamada.birthdate }, reception,
    );
    return result.body.data?.confirmQualificationByInsuranceCard ? 1 : undefined;
  });
  await running.restartService('qualifications');

  // Every restarted subgraph serves again through the gateway.
  const read = await running.graphql('query($id: ID!) { patient(id: $id) { currentQualification { insurerNumber } medicationSummary { polypharmacy } } }', { id: yamada.id }, doctor);
  expect(read.body.errors).toBeUndefined();
  await running.stop();
  system = undefined;

  for (const written of [decisions, batches, events, confirmations]) expect(written.length).toBeGreaterThanOrEqual(6);
  const quoted = (values: string[]) => values.map((value) => `'${value.replace(/[^0-9a-zA-Z_-]/g, '')}'`).join(', ');
  const storedBatches = await probeCount(dataDir, 'drugs', `select count(distinct batch_id)::int as n from drugs.claims where batch_id in (${quoted(batches)})`);
  expect(storedBatches).toBe(batches.length);
  const storedEvents = await probeCount(dataDir, 'checkups', `select count(*)::int as n from checkups.insurer_transfers where event_id in (${quoted(events)})`);
  expect(storedEvents).toBe(events.length);
  const confirmationsAfter = await probeCount(dataDir, 'qualifications', `select count(*)::int as n from qualifications.confirmations where facility_code = '${DEMO_CLINIC.code}'`);
  expect(confirmationsAfter - confirmationsBefore).toBeGreaterThanOrEqual(confirmations.length);
  // The chain of every access-log partition verifies after the crashes (the system stopped: opened directly).
  const verified = await runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], dataDir);
  expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('audit:verify OK') });
}, 1_500_000);
