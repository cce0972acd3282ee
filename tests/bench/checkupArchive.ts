/**
 * The checkup exchange archive import, measured (docs/benchmarks.md "Checkup exchange archive"):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --tsconfig tsconfig.base.json tests/bench/checkupArchive.ts \
 *     [--patients 25000] [--files 1000,10000] [--database onshi_archive]
 *
 * Loads the demo world into a PostgreSQL database (kept by name and reused, as `pnpm bench --database`), starts the
 * system over it, builds archives of N real-format CDA files of 国保 members (one file per person and fiscal year, one
 * implausible file in the middle, plus index and summary files) and uploads each through the gateway's upload route
 * with the CLI's streaming client, sampling the checkups subgraph's resident memory (/proc/<pid>/status VmRSS) every
 * 100 ms. Flat memory: the peak over the baseline does not grow with N. PostgreSQL, so that the process's memory is
 * the import's and not an embedded database's.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ageOn } from '@onshi/kit';
import { coverageOn, type DemoPatient } from '@onshi/demo';
import { uploadArchive } from '../../subgraphs/checkups/src/cli/import-archive';
import { checkupFile, routineItems, type FileObservation } from '../src/checkupFiles';
import { startTestSystem } from '../src/harness';
import { writeZip, type ZipEntry } from '../src/zipFiles';
import { benchSecretKey, createDatabase, databaseExists, recordedLoad, recordLoad, seedDatabase, withDatabase } from './seed';

const KOKUHO = '131011';
const say = (line: string): void => void process.stdout.write(`${line}\n`);

function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { patients: { type: 'string', default: '25000' }, files: { type: 'string', default: '1000,10000' }, database: { type: 'string', default: 'onshi_archive' } } });
  const patients = Number(values.patients);
  const sizes = values.files.split(',').map(Number);
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('set DATABASE_URL (PostgreSQL): the measured memory must be the import’s, not an embedded database’s');
  // The harness would make a fresh database of its own from DATABASE_URL; this run brings a loaded one.
  delete process.env.DATABASE_URL;
  const name = `${values.database}_${patients}`;
  let databaseUrl = withDatabase(baseUrl, name);
  if (!(await databaseExists(baseUrl, name)) || (await recordedLoad(databaseUrl)) === undefined) {
    say(`loading ${patients} patients into ${name}…`);
    databaseUrl = await createDatabase(baseUrl, name);
    await recordLoad(databaseUrl, patients, await seedDatabase(databaseUrl, patients, benchSecretKey(name), say));
  }
  const system = await startTestSystem({ patients, env: { DATABASE_URL: databaseUrl, ONSHI_SECRET_KEY: benchSecretKey(name) } });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'onshi-archive-bench-'));
  try {
    const years: Array<{ patient: DemoPatient; fiscalYear: number }> = [];
    const wanted = Math.max(...sizes);
    for (let index = 2; index < patients && years.length < wanted; index += 1) {
      const patient = system.patient(index);
      if (coverageOn(patient, system.demo.asOf)?.insurerNumber !== KOKUHO) continue;
      for (const fiscalYear of [2022, 2023, 2024, 2025, 2026]) {
        const age = ageOn(patient.birthdate, `${fiscalYear + 1}-03-31`);
        if (age >= 40 && age <= 74 && years.length < wanted) years.push({ patient, fiscalYear });
      }
    }
    if (years.length < wanted) throw new Error(`only ${years.length} member-years of ${KOKUHO} among ${patients} patients; raise --patients`);
    const token = await system.token('insurer-kokuho');
    const pid = system.pid('checkups');
    if (pid === undefined) throw new Error('no checkups process');
    const rows: string[] = [];
    for (const size of sizes) {
      const middle = Math.floor(size / 2);
      const file = path.join(folder, `archive-${size}.zip`);
      function* entries(): Generator<ZipEntry> {
        yield { name: 'ix08_1310110001.xml', data: `<?xml version="1.0" encoding="UTF-8"?><index><count value="${size}"/></index>` };
        yield { name: 'cc08_1310110001.xml', data: '<?xml version="1.0" encoding="UTF-8"?><summary/>' };
        for (let index = 0; index < size; index += 1) {
          const { patient, fiscalYear } = years[index] as { patient: DemoPatient; fiscalYear: number };
          const coverage = coverageOn(patient, system.demo.asOf);
          const observations: FileObservation[] = index === middle ? routineItems().map((o) => (o.code === '9A755000000000001' ? { ...o, value: '900' } : o)) : routineItems();
          yield {
            name: `DATA/hc${String(index).padStart(5, '0')}.xml`,
            data: checkupFile(patient, { examinedOn: `${fiscalYear}-09-15`, insurerNumber: coverage?.insurerNumber, symbol: coverage?.insuredCardSymbol, number: coverage?.insuredIdentificationNumber }, observations),
          };
        }
      }
      writeZip(file, entries());
      const baseline = rssKiB(pid);
      let peak = baseline;
      const sampler = setInterval(() => { peak = Math.max(peak, rssKiB(pid)); }, 100);
      const atTenths: number[] = [];
      let decided = 0;
      const started = process.hrtime.bigint();
      const result = await uploadArchive(system.gatewayUrl, token, file, (line) => {
        if (line.type !== 'file') return;
        decided += 1;
        if (decided % Math.max(1, Math.floor((size + 2) / 10)) === 0) atTenths.push(rssKiB(pid));
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      peak = Math.max(peak, rssKiB(pid));
      const summary: Record<string, unknown> = result.summary ?? {};
      const mib = (kib: number) => (kib / 1024).toFixed(0);
      const row = `| ${size.toLocaleString('en')} | ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB | ${seconds.toFixed(1)} s | ${(size / seconds).toFixed(0)} | ${String(summary.stored)} / ${String(summary.refused)} | ${mib(baseline)} MiB | ${mib(peak)} MiB (+${mib(peak - baseline)}) | ${atTenths.map(mib).join(' · ')} |`;
      say(row);
      rows.push(row);
    }
    say(`\n${patients.toLocaleString('en')} patients on PostgreSQL, ${os.cpus().length} cores, Node ${process.version}\n`);
    say('| files | archive | time | files/s | stored / refused | RSS before | peak RSS | RSS at each tenth of the files (MiB) |');
    say('|---|---|---|---|---|---|---|---|');
    for (const row of rows) say(row);
  } finally {
    await system.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
