import postgres from 'postgres';
import { ageOn } from '@onshi/kit';
import { coverageOn, type DemoPatient } from '@onshi/demo';
import { findItem } from '../../subgraphs/checkups/src/services/itemMaster';
import { allStandardItems, checkupFile, routineItems, type FileObservation } from './checkupFiles';
import { startTestSystem, type TestSystem } from './harness';

/** The API's CheckupValueType names for the item list's HL7 codes (docs/api-guide.md "Enums"). */
const VALUE_TYPE_NAMES: Record<string, string> = { PQ: 'QUANTITY', CO: 'ORDINAL', CD: 'CODED', ST: 'TEXT' };

/**
 * Checkup intake (docs/checkup-items.md), end to end through the gateway: real-format 特定健診情報ファイル are refused for every wrong result (with
 * the item, the line and the reason, the database left byte-identical), a file with every standard item is stored and
 * read back field by field, and a 広域連合's 後期高齢者健診 file of a 75+ member is accepted.
 */

const KOKUHO = '131011';
const IMPORT_CDA = 'mutation($xml: String!) { importCheckupCda(xml: $xml) { stored checkups { patientId fiscalYear itemCount } } }';
const READ = `query($id: ID!, $from: Int, $to: Int) { patient(id: $id) { checkups(fromYear: $from, toYear: $to) {
  fiscalYear program examinedOn facilityCode insurerNumber fasting
  items { code nameJa nameEn value text textEn answerCode valueType unit judgement } } } }`;

interface ReadItem { code: string; nameJa: string; value: number | null; text: string | null; textEn: string | null; answerCode: string | null; valueType: string; unit: string }
interface ReadCheckup { fiscalYear: number; program: string; examinedOn: string; facilityCode: string; insurerNumber: string; fasting: boolean; items: ReadItem[] }

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 60 });
}, 300_000);
afterAll(async () => {
  await system?.stop();
});

function member(insurerNumber: string, ages: (age: number) => boolean, skip = 0): DemoPatient {
  let skipped = 0;
  for (let index = 2; index < system.demo.patients; index += 1) {
    const patient = system.patient(index);
    if (coverageOn(patient, system.demo.asOf)?.insurerNumber !== insurerNumber) continue;
    if (!ages(ageOn(patient.birthdate, system.demo.asOf))) continue;
    if (skipped++ < skip) continue;
    return patient;
  }
  throw new Error(`no demo member of ${insurerNumber} of that age`);
}

async function read(account: string, patientId: string): Promise<ReadCheckup[]> {
  const response = await system.graphql<{ patient: { checkups: ReadCheckup[] } | null }>(READ, { id: patientId }, await system.token(account));
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.patient?.checkups ?? [];
}

/**
 * Everything the checkups subgraph stores: on PostgreSQL a digest of every row of its schema (byte-identical means
 * identical); on PGlite (single-process, no second connection) what the insurer reads back.
 */
async function fingerprint(patientId: string): Promise<string> {
  if (system.databaseUrl === undefined) return JSON.stringify(await read('insurer-kokuho', patientId));
  const sql = postgres(system.databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const tables = await sql<Array<{ name: string }>>`select table_name as name from information_schema.tables where table_schema = 'checkups' order by 1`;
    const digests: string[] = [];
    for (const { name } of tables) {
      const [row] = await sql.unsafe<Array<{ digest: string | null }>>(`select md5(string_agg(t::text, '|' order by t::text)) as digest from checkups."${name}" t`);
      digests.push(`${name}:${row?.digest ?? 'empty'}`);
    }
    return digests.join('\n');
  } finally {
    await sql.end();
  }
}

const replace = (observations: FileObservation[], code: string, change: Partial<FileObservation>): FileObservation[] =>
  observations.map((observation) => (observation.code === code ? { ...observation, ...change } : observation));

describe('a wrong file is refused with the item, the line and the reason; nothing is stored', () => {
  const examinedOn = '2026-06-12';
  const refusals: Array<[string, (patient: DemoPatient) => string, string, string | undefined]> = [
    ['a result coded outside JLAC10 (LOINC HbA1c)', (p) => checkupFile(p, { examinedOn }, replace(routineItems(), '3D046000001906202', { code: '4548-4', codeSystem: '2.16.840.1.113883.6.1' })), 'NOT_JLAC10', '4548-4'],
    ['HbA1c in IFCC mmol/mol (40 mmol/mol is not 40 %)', (p) => checkupFile(p, { examinedOn }, replace(routineItems(), '3D046000001906202', { value: '40', unit: 'mmol/mol' })), 'UNIT_MISMATCH', '3D046000001906202'],
    ['a quantity without a unit', (p) => checkupFile(p, { examinedOn }, replace(routineItems(), '3F077000002327101', { unit: undefined })), 'UNIT_MISMATCH', '3F077000002327101'],
    ['a systolic pressure of 900 mm[Hg]', (p) => checkupFile(p, { examinedOn }, replace(routineItems(), '9A755000000000001', { value: '900' })), 'IMPLAUSIBLE_VALUE', '9A755000000000001'],
    ['the same item twice', (p) => checkupFile(p, { examinedOn }, [...routineItems(), { code: '9A755000000000001', type: 'PQ', value: '150', unit: 'mm[Hg]' }]), 'DUPLICATE_ITEM', '9A755000000000001'],
    ['HbA1c by two methods', (p) => checkupFile(p, { examinedOn }, [...routineItems(), { code: '3D046000001920402', type: 'PQ', value: '5.6', unit: '%' }]), 'DUPLICATE_ITEM', '3D046000001920402'],
    ['an answer code the item does not define (喫煙 4)', (p) => checkupFile(p, { examinedOn }, replace(routineItems(), '9N736000000000011', { value: '4' })), 'UNKNOWN_ANSWER_CODE', '9N736000000000011'],
    ['an unknown JLAC10 code', (p) => checkupFile(p, { examinedOn }, [...routineItems(), { code: '9Z999999999999999', type: 'PQ', value: '1', unit: 'cm' }]), 'UNKNOWN_ITEM_CODE', '9Z999999999999999'],
    ['a person the insurer does not know', (p) => checkupFile(p, { examinedOn, number: '99999999' }, routineItems()), 'MISSING_PERSON', undefined],
    ['an examination in the future', (p) => checkupFile(p, { examinedOn: '2026-12-01', documentDate: '2026-11-20' }, routineItems()), 'FUTURE_DATE', undefined],
    ['a file dated in the future', (p) => checkupFile(p, { examinedOn, documentDate: '2027-01-05' }, routineItems()), 'FUTURE_DATE', undefined],
  ];

  test.each(refusals)('%s', async (_name, build, reason, item) => {
    const patient = member(KOKUHO, (age) => age >= 41 && age <= 73);
    const before = await fingerprint(patient.id);
    const xml = build(patient);
    const refused = await system.graphql(IMPORT_CDA, { xml }, await system.token('insurer-kokuho'));
    expect(refused.body.data?.importCheckupCda ?? null).toBeNull();
    const extensions = refused.body.errors?.[0]?.extensions ?? {};
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(refused.text).not.toMatch(/at .*\.ts:\d+/);
    if (item !== undefined) {
      expect(extensions.item).toBe(item);
      // The line the error names is the line of that observation in the file.
      const lines = xml.split('\n');
      const line = Number(extensions.line);
      expect(lines[line - 1]).toMatch(/<observation/);
      const observation = lines.slice(line - 1, line + 2).join('\n');
      expect(observation).toContain(`code="${item}"`);
      expect(refused.body.errors?.[0]?.message).toContain(`Line ${line}`);
    }
    expect(await fingerprint(patient.id)).toBe(before);
  });
});

describe('a file with every standard item is stored and read back field by field', () => {
  test('all items of the master (one per analyte), 健診機関 code, program and labels', async () => {
    const patient = member(KOKUHO, (age) => age >= 41 && age <= 73, 1);
    const observations = allStandardItems();
    const xml = checkupFile(patient, { examinedOn: '2025-09-03', facilityCode: '2711234560' }, observations);
    const stored = await system.graphql<{ importCheckupCda: { stored: number; checkups: Array<{ itemCount: number }> } }>(IMPORT_CDA, { xml }, await system.token('insurer-kokuho'));
    expect(stored.body.errors).toBeUndefined();
    expect(stored.body.data?.importCheckupCda.checkups[0]?.itemCount).toBe(observations.length);

    const [checkup] = (await read('insurer-kokuho', patient.id)).filter((entry) => entry.fiscalYear === 2025);
    expect(checkup).toMatchObject({ program: 'TOKUTEI_KENSHIN', examinedOn: '2025-09-03', facilityCode: '2711234560', insurerNumber: KOKUHO });
    expect(checkup?.items).toHaveLength(observations.length);
    for (const observation of observations) {
      const item = findItem(observation.code);
      const shown = checkup?.items.find((entry) => entry.code === observation.code);
      if (item === undefined || shown === undefined) throw new Error(`${observation.code} missing`);
      expect(shown).toMatchObject({ nameJa: item.nameJa, valueType: VALUE_TYPE_NAMES[item.valueType], answerCode: item.answers === undefined ? null : observation.value });
      if (item.kind === 'numeric') expect(shown).toMatchObject({ value: Number(observation.value), unit: item.unit, text: null, textEn: null });
      else if (item.kind === 'text') expect(shown).toMatchObject({ value: null, text: observation.value, textEn: null, unit: '' });
      else expect(shown).toMatchObject({ value: null, text: item.answers?.[observation.value], textEn: item.answersEn?.[observation.value], unit: '' });
    }
  });

  test('喫煙 answer 3 reads いいえ / No, 採血時間 2 makes the checkup fasting, UCUM units are mapped', async () => {
    const patient = member(KOKUHO, (age) => age >= 41 && age <= 73, 2);
    const xml = checkupFile(patient, { examinedOn: '2024-10-01' }, routineItems());
    const stored = await system.graphql(IMPORT_CDA, { xml }, await system.token('insurer-kokuho'));
    expect(stored.body.errors).toBeUndefined();
    const [checkup] = (await read('insurer-kokuho', patient.id)).filter((entry) => entry.fiscalYear === 2024);
    expect(checkup?.fasting).toBe(true);
    expect(checkup?.facilityCode).toBe('1311234567');
    expect(checkup?.items.find((entry) => entry.code === '9N736000000000011')).toMatchObject({ answerCode: '3', text: 'いいえ', textEn: 'No' });
    expect(checkup?.items.find((entry) => entry.code === '9A755000000000001')).toMatchObject({ value: 128, unit: 'mmHg' });
  });
});

describe('後期高齢者健診: a 広域連合 sends the files of its 75+ members', () => {
  test('the 広域連合 stores a 75+ member’s file; 国保 may not import a 75+ person as 特定健診', async () => {
    const elderly = member('39131008', (age) => age >= 76);
    const xml = checkupFile(elderly, { examinedOn: '2026-07-01' }, routineItems());
    const stored = await system.graphql(IMPORT_CDA, { xml }, await system.token('insurer-kouki'));
    expect(stored.body.errors).toBeUndefined();
    const [checkup] = (await read('insurer-kouki', elderly.id)).filter((entry) => entry.fiscalYear === 2026);
    expect(checkup).toMatchObject({ program: 'KOUKI_KENSHIN', insurerNumber: '39131008', examinedOn: '2026-07-01' });

    const foreign = await system.graphql(IMPORT_CDA, { xml }, await system.token('insurer-kokuho'));
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
