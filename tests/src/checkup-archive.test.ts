import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ageOn } from '@onshi/kit';
import { coverageOn, type DemoPatient } from '@onshi/demo';
import { checkupFile, routineItems, type FileObservation } from './checkupFiles';
import { startTestSystem, type TestSystem } from './harness';
import { writeZip, type ZipEntry } from './zipFiles';

/**
 * Checkup exchange archives (docs/api-guide.md "Checkup exchange archives"), end to end through the gateway's upload
 * route: only the insurer of record imports, authenticated as for GraphQL; path tricks and decompression bombs refuse
 * the archive before anything is read; each file is stored whole or refused with its reason and line, the batch going
 * on; the report can be downloaded by that insurer only. Attackers first.
 */

const KOKUHO = '131011';
const READ = `query($id: ID!) { patient(id: $id) { checkups { fiscalYear examinedOn facilityCode items { code value } } } }`;

interface FileLine { type: 'file'; seq: number; name: string; outcome: string; reason: string | null; item: string | null; line: number | null; patientId: string | null; fiscalYear: number | null }
interface SummaryLine { type: 'summary'; importId: string; status: string; files: number; stored: number; refused: number; index: number; report: string }
interface Upload { status: number; requestId: string | null; text: string; files: FileLine[]; summary?: SummaryLine; error?: { message: string; extensions: Record<string, unknown> } }

let system: TestSystem;
let folder: string;
beforeAll(async () => {
  // This suite uploads more archives within a minute than the gateway's per-insurer upload limit allows (its own
  // test is in gateway-limits.test.ts): the limit is raised here so each case is judged on its archive alone.
  system = await startTestSystem({ patients: 60, gatewayEnv: { UPLOAD_RATE_LIMIT_REQUESTS: '1000' } });
  folder = mkdtempSync(path.join(os.tmpdir(), 'onshi-archive-test-'));
}, 300_000);
afterAll(async () => {
  await system?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

let zips = 0;
function zipOf(entries: Iterable<ZipEntry>): Buffer {
  const file = path.join(folder, `a${(zips += 1)}.zip`);
  writeZip(file, entries);
  return readFileSync(file);
}

async function upload(body: Buffer, token?: string): Promise<Upload> {
  const response = await fetch(`${system.gatewayUrl}/uploads/checkup-archive`, {
    method: 'POST',
    headers: { 'content-type': 'application/zip', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body,
  });
  const text = await response.text();
  const result: Upload = { status: response.status, requestId: response.headers.get('x-request-id'), text, files: [] };
  if (response.headers.get('content-type')?.includes('ndjson')) {
    for (const line of text.trim().split('\n')) {
      const parsed = JSON.parse(line) as FileLine | SummaryLine | { type: 'start' };
      if (parsed.type === 'file') result.files.push(parsed);
      if (parsed.type === 'summary') result.summary = parsed;
    }
  } else {
    result.error = (JSON.parse(text) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> }).errors[0];
  }
  return result;
}

/** Kokuho's members with a fiscal year in which they are of 特定健診 age (40–74 at its end), with their current numbers. */
function memberYears(count: number): Array<{ patient: DemoPatient; fiscalYear: number }> {
  const found: Array<{ patient: DemoPatient; fiscalYear: number }> = [];
  for (let index = 2; index < system.demo.patients && found.length < count; index += 1) {
    const patient = system.patient(index);
    if (coverageOn(patient, system.demo.asOf)?.insurerNumber !== KOKUHO) continue;
    for (const fiscalYear of [2022, 2023, 2024, 2025, 2026]) {
      const age = ageOn(patient.birthdate, `${fiscalYear + 1}-03-31`);
      if (age >= 40 && age <= 74 && found.length < count) found.push({ patient, fiscalYear });
    }
  }
  return found;
}

function fileOf(patient: DemoPatient, fiscalYear: number, observations: FileObservation[] = routineItems()): string {
  const coverage = coverageOn(patient, system.demo.asOf);
  return checkupFile(patient, {
    examinedOn: `${fiscalYear}-09-15`, insurerNumber: coverage?.insurerNumber, symbol: coverage?.insuredCardSymbol, number: coverage?.insuredIdentificationNumber,
    facilityCode: '1319876543',
  }, observations);
}

async function checkupsOf(patientId: string): Promise<Array<{ fiscalYear: number; examinedOn: string; facilityCode: string; items: Array<{ code: string; value: number | null }> }>> {
  const response = await system.graphql<{ patient: { checkups: Array<{ fiscalYear: number; examinedOn: string; facilityCode: string; items: Array<{ code: string; value: number | null }> }> } }>(READ, { id: patientId }, await system.token('insurer-kokuho'));
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.patient.checkups ?? [];
}

/** The service logs a refused access under the gateway's request id (written just before the answer; the pipe may lag). */
async function expectLogged(requestId: string | null): Promise<void> {
  const pattern = new RegExp(`"requestId":"${requestId ?? 'none'}"[^\\n]*checkup archive access refused`);
  for (let attempt = 0; attempt < 20 && !pattern.test(system.output()); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(system.output()).toMatch(pattern);
}

const sbp900 = (): FileObservation[] => routineItems().map((o) => (o.code === '9A755000000000001' ? { ...o, value: '900' } : o));

describe('who may upload: the insurer of record only, its token verified as for GraphQL', () => {
  let archive: Buffer;
  let target: { patient: DemoPatient; fiscalYear: number };
  beforeAll(async () => {
    [target] = memberYears(1) as [{ patient: DemoPatient; fiscalYear: number }];
    archive = zipOf([{ name: 'DATA/hc0001.xml', data: fileOf(target.patient, target.fiscalYear, sbp900().map((o) => (o.code === '9A755000000000001' ? { ...o, value: '131' } : o))) }]);
  });

  const refusedCallers: Array<[string, () => Promise<string | undefined>, number, string]> = [
    ['no token', async () => undefined, 401, 'UNAUTHENTICATED'],
    ['a forged token (kyokai’s token rewritten to kokuho, signature broken)', async () => {
      const [header, payload] = (await system.token('insurer-kyokai')).split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
      return `${header}.${Buffer.from(JSON.stringify({ ...claims, insurerNumber: KOKUHO })).toString('base64url')}.AAAA`;
    }, 401, 'UNAUTHENTICATED'],
    ['a patient', () => system.token('yamada'), 403, 'FORBIDDEN'],
    ['facility staff (a doctor)', () => system.token('clinic-doctor'), 403, 'FORBIDDEN'],
    ['an operator', () => system.token('admin'), 403, 'FORBIDDEN'],
  ];

  test.each(refusedCallers)('%s is refused before the archive is read, logged, nothing stored', async (_name, token, status, code) => {
    const before = JSON.stringify(await checkupsOf(target.patient.id));
    const refused = await upload(archive, await token());
    expect(refused.status).toBe(status);
    expect(refused.error?.extensions.code).toBe(code);
    expect(refused.text).not.toMatch(/at .*\.ts:\d+/);
    expect(refused.files).toEqual([]);
    // The refusal is in the checkups service's log under the gateway's request id.
    expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expectLogged(refused.requestId);
    expect(JSON.stringify(await checkupsOf(target.patient.id))).toBe(before);
  });

  test('another insurer: every file is refused as not its member, nothing stored, and it cannot read the report', async () => {
    const before = JSON.stringify(await checkupsOf(target.patient.id));
    const other = await upload(archive, await system.token('insurer-kyokai'));
    expect(other.status).toBe(200);
    expect(other.summary).toMatchObject({ status: 'DONE', files: 1, stored: 0, refused: 1 });
    expect(other.files[0]).toMatchObject({ name: 'DATA/hc0001.xml', outcome: 'REFUSED', reason: 'NOT_YOUR_MEMBER', patientId: null });
    expect(JSON.stringify(await checkupsOf(target.patient.id))).toBe(before);

    // Kokuho stores it; kyokai asking for kokuho's report gets "no such import", and the attempt is logged.
    const own = await upload(archive, await system.token('insurer-kokuho'));
    expect(own.summary).toMatchObject({ stored: 1, refused: 0 });
    const foreign = await fetch(`${system.gatewayUrl}${own.summary?.report ?? ''}`, { headers: { authorization: `Bearer ${await system.token('insurer-kyokai')}` } });
    expect(foreign.status).toBe(404);
    const foreignText = await foreign.text();
    expect(foreignText).not.toContain(target.patient.id);
    await expectLogged(foreign.headers.get('x-request-id'));
    const noToken = await fetch(`${system.gatewayUrl}${own.summary?.report ?? ''}`);
    expect(noToken.status).toBe(401);
    expect(await noToken.text()).not.toContain(target.patient.id);
  });
});

describe('archives that attack the reader are refused as a whole, before any file is read', () => {
  const bombs: Array<[string, () => ZipEntry[], string]> = [
    ['a deflate bomb (1.4 MB of zeros in about 1.4 kB)', () => [{ name: 'hc-bomb.xml', data: Buffer.alloc(1_400_000) }], 'COMPRESSION_RATIO'],
    ['an entry that unpacks past the per-file limit', () => [{ name: 'hc-big.xml', data: Buffer.alloc(2_000_000, 'a') }], 'ENTRY_TOO_LARGE'],
    ['an entry whose header declares 4 GB', () => [{ name: 'hc-lie.xml', data: 'x', declaredSize: 0xffff_fff0 }], 'ENTRY_TOO_LARGE'],
    ['more entries than the limit (20,001)', () => Array.from({ length: 20_001 }, (_, i) => ({ name: `e${i}.xml`, data: '<a/>', method: 'store' as const })), 'TOO_MANY_ENTRIES'],
    ['a name climbing out with ../', () => [{ name: 'DATA/../../etc/cron.d/evil.xml', data: '<a/>' }], 'PATH_TRICK'],
    ['an absolute name', () => [{ name: '/etc/evil.xml', data: '<a/>' }], 'PATH_TRICK'],
    ['a Windows drive name', () => [{ name: 'C:/evil.xml', data: '<a/>' }], 'PATH_TRICK'],
    ['a backslashed name', () => [{ name: 'DATA\\..\\evil.xml', data: '<a/>' }], 'PATH_TRICK'],
    ['not a ZIP at all', () => [], 'NOT_A_ZIP'],
  ];

  test.each(bombs)('%s', async (_name, entries, reason) => {
    const [good] = memberYears(1) as [{ patient: DemoPatient; fiscalYear: number }];
    const before = JSON.stringify(await checkupsOf(good.patient.id));
    const list = entries();
    // A good file first: the refusal must leave it unstored too (the whole archive is refused).
    const body = reason === 'NOT_A_ZIP' ? Buffer.from('PK\u0003\u0004 this is not an archive') : zipOf([{ name: 'hc-good.xml', data: fileOf(good.patient, good.fiscalYear) }, ...list]);
    const refused = await upload(body, await system.token('insurer-kokuho'));
    expect(refused.status).toBe(422);
    expect(refused.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(refused.error?.message).toMatch(/\/ /);
    expect(refused.text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.stringify(await checkupsOf(good.patient.id))).toBe(before);
  });
});

describe('each file whole or refused with its reason and line; the batch goes on; the report is downloadable', () => {
  test('DOCTYPE / XXE inside the archive is refused for that file only', async () => {
    const [good, evil] = memberYears(2) as [{ patient: DemoPatient; fiscalYear: number }, { patient: DemoPatient; fiscalYear: number }];
    const xxe = fileOf(evil.patient, evil.fiscalYear).replace('<ClinicalDocument', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<ClinicalDocument');
    const evilBefore = JSON.stringify(await checkupsOf(evil.patient.id));
    const result = await upload(zipOf([
      { name: 'ix08_0000000001.xml', data: '<?xml version="1.0"?><!DOCTYPE i [<!ENTITY a "aaaa">]><index>&a;</index>' },
      { name: 'DATA/hc-xxe.xml', data: xxe },
      { name: 'DATA/hc-good.xml', data: fileOf(good.patient, good.fiscalYear) },
    ]), await system.token('insurer-kokuho'));
    expect(result.status).toBe(200);
    expect(result.files.map((f) => [f.name, f.outcome, f.reason])).toEqual([
      ['ix08_0000000001.xml', 'REFUSED', 'MALFORMED_XML'],
      ['DATA/hc-xxe.xml', 'REFUSED', 'MALFORMED_XML'],
      ['DATA/hc-good.xml', 'STORED', null],
    ]);
    expect(result.text).not.toContain('root:');
    if (good.patient.id !== evil.patient.id) expect(JSON.stringify(await checkupsOf(evil.patient.id))).toBe(evilBefore);
    expect((await checkupsOf(good.patient.id)).find((c) => c.fiscalYear === good.fiscalYear)).toMatchObject({ examinedOn: `${good.fiscalYear}-09-15`, facilityCode: '1319876543' });
  });

  test('many files with a bad one in the middle: all others stored, the bad one refused with item and line, the report matches', async () => {
    const years = memberYears(10_000);
    expect(years.length).toBeGreaterThan(20);
    const middle = Math.floor(years.length / 2);
    const entries: ZipEntry[] = [
      { name: 'ix08_1310110001.xml', data: '<?xml version="1.0" encoding="UTF-8"?><index><count value="' + years.length + '"/></index>' },
      { name: 'cc08_1310110001.xml', data: '<?xml version="1.0" encoding="UTF-8"?><summary/>' },
      { name: 'DATA/', data: '', method: 'store' },
      ...years.map(({ patient, fiscalYear }, index) => ({ name: `DATA/hc${String(index).padStart(5, '0')}.xml`, data: fileOf(patient, fiscalYear, index === middle ? sbp900() : routineItems()) })),
    ];
    const bad = years[middle] as { patient: DemoPatient; fiscalYear: number };
    const badBefore = (await checkupsOf(bad.patient.id)).find((c) => c.fiscalYear === bad.fiscalYear);
    const result = await upload(zipOf(entries), await system.token('insurer-kokuho'));
    expect(result.status).toBe(200);
    expect(result.summary).toMatchObject({ status: 'DONE', files: years.length + 2, stored: years.length - 1, refused: 1, index: 2 });
    expect(result.files).toHaveLength(years.length + 2);
    const refused = result.files.filter((f) => f.outcome === 'REFUSED');
    expect(refused).toEqual([expect.objectContaining({ name: `DATA/hc${String(middle).padStart(5, '0')}.xml`, reason: 'IMPLAUSIBLE_VALUE', item: '9A755000000000001' })]);
    const badFile = fileOf(bad.patient, bad.fiscalYear, sbp900()).split('\n');
    expect(badFile[(refused[0]?.line ?? 0) - 1]).toMatch(/<observation/);
    // The bad file's examination is untouched; the others read back with this archive's facility and values.
    expect((await checkupsOf(bad.patient.id)).find((c) => c.fiscalYear === bad.fiscalYear)).toEqual(badBefore);
    const last = years[years.length - 1] as { patient: DemoPatient; fiscalYear: number };
    const stored = (await checkupsOf(last.patient.id)).find((c) => c.fiscalYear === last.fiscalYear);
    expect(stored).toMatchObject({ examinedOn: `${last.fiscalYear}-09-15`, facilityCode: '1319876543' });
    expect(stored?.items.find((i) => i.code === '9A755000000000001')?.value).toBe(128);

    const report = await fetch(`${system.gatewayUrl}${result.summary?.report ?? ''}`, { headers: { authorization: `Bearer ${await system.token('insurer-kokuho')}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    expect(report.headers.get('x-archive-stored')).toBe(String(years.length - 1));
    const rows = (await report.text()).trim().split('\n');
    expect(rows[0]).toBe('seq,name,outcome,reason,item,line,patient_id,fiscal_year,message');
    expect(rows).toHaveLength(years.length + 3);
    expect(rows.filter((row) => row.includes(',REFUSED,'))).toEqual([expect.stringContaining(`DATA/hc${String(middle).padStart(5, '0')}.xml,REFUSED,IMPLAUSIBLE_VALUE,9A755000000000001,${refused[0]?.line}`)]);
  });

  test('a second file of the same person and year in one archive is refused, the first kept', async () => {
    const [one] = memberYears(1) as [{ patient: DemoPatient; fiscalYear: number }];
    const result = await upload(zipOf([
      { name: 'a.xml', data: fileOf(one.patient, one.fiscalYear) },
      { name: 'b.xml', data: fileOf(one.patient, one.fiscalYear, routineItems().map((o) => (o.code === '9A755000000000001' ? { ...o, value: '150' } : o))) },
    ]), await system.token('insurer-kokuho'));
    expect(result.files.map((f) => [f.name, f.outcome, f.reason])).toEqual([['a.xml', 'STORED', null], ['b.xml', 'REFUSED', 'DUPLICATE_CHECKUP']]);
    expect((await checkupsOf(one.patient.id)).find((c) => c.fiscalYear === one.fiscalYear)?.items.find((i) => i.code === '9A755000000000001')?.value).toBe(128);
  });

  test('the gateway’s GraphQL body limit is unchanged for everyone else', async () => {
    const big = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'authorization': `Bearer ${await system.token('insurer-kokuho')}` },
      body: JSON.stringify({ query: 'mutation($xml: String!) { importCheckupCda(xml: $xml) { stored } }', variables: { xml: 'x'.repeat(300_000) } }),
    });
    expect(big.status).toBe(413);
  });
});
