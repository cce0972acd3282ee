/**
 * Where the stand-ins of reader devices keep their keys on this machine (docs/architecture.md "The demo package"): the
 * demo readers' keys, generated at random when the demo is seeded — never derived from the public demo seed — in one
 * owner-only file (0600) under the data dir, and the keys of readers registered with `reader:register --out`. Read by
 * the portal's demo kiosk and the tests; the statement they sign is the platform's (readerStatement.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReaderKey } from '@onshi/platform/readerStatement';

export type ReaderKeyFile = Record<string, ReaderKey>;

export function demoReaderKeyPath(dataDir: string): string {
  return path.join(dataDir, 'consent', 'demo-reader-keys.json');
}

export function readDemoReaderKeys(dataDir: string): ReaderKeyFile {
  const file = demoReaderKeyPath(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReaderKeyFile) : {};
}

/** The demo reader of a facility, as the kiosk and the tests hold it. */
export function demoReaderKey(dataDir: string, facilityCode: string): ReaderKey {
  const key = readDemoReaderKeys(dataDir)[facilityCode];
  if (!key) throw new Error(`no demo card reader for facility ${facilityCode} in ${demoReaderKeyPath(dataDir)}`);
  return key;
}

/**
 * Where a reader registered by the operator (not a demo reader) keeps its key on this machine: one file per facility,
 * in the format `reader:register --out` writes. The demo kiosk plays this reader for a facility with no demo reader
 * (docs/operations.md "Taking a new facility into use", step 4).
 */
export function installedReaderKeyPath(dataDir: string, facilityCode: string): string {
  if (!/^\d{10}$/.test(facilityCode)) throw new Error(`not a facility code: ${facilityCode}`);
  return path.join(dataDir, 'consent', 'reader-keys', `${facilityCode}.json`);
}

export function installedReaderKey(dataDir: string, facilityCode: string): ReaderKey | undefined {
  if (!/^\d{10}$/.test(facilityCode)) return undefined;
  const file = installedReaderKeyPath(dataDir, facilityCode);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReaderKey) : undefined;
}
