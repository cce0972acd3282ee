/**
 * The card reader's side of docs/contracts.md contract 4 (docs/api-guide.md "Card readers"): its key pair and the signed
 * statement. Used by the stand-ins of a reader device — the portal's demo kiosk (server side), the tests and
 * `reader:register` — and kept free of database code so the portal can import it.
 *
 * Demo readers (demoReaders.ts) get key pairs generated at random when the demo is seeded — never derived
 * from the public demo seed — written to one owner-only file (0600) under the data dir.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** JWS `typ` of a reader statement, so no other token of ours can pass for one. */
export const READER_STATEMENT_TYPE = 'onshi-reader-statement+jwt';

/** What a reader signs (validated on the server by readers.ts `statementClaims`). */
export interface ReaderStatementClaims {
  /** The challenge id of startReaderVerification, issued for this reader. */
  challengeId: string;
  cardSerial: string;
  /** The card's signature over the challenge (base64url Ed25519). */
  cardSignature: string;
  method: 'FACE' | 'PIN' | 'VISUAL';
  /** FACE: `{ faceMatch: true }`; PIN: `{ pin }`; VISUAL: `{ attestedBy: staffId }`. */
  result: { faceMatch?: boolean; pin?: string; attestedBy?: string };
  /** The patient's own answers on the reader: both must be given. */
  consent: { drug: boolean; checkup: boolean };
}

export interface ReaderKey { readerId: string; facilityCode: string; privateJwk: JWK }
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

/** A fresh Ed25519 key pair for a reader: the private JWK (kept by the device) and the public JWK (registered). */
export async function newReaderKeyPair(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const { d: _private, ...publicJwk } = privateJwk;
  return { privateJwk, publicJwk };
}

/** Signs a statement (compact JWS, EdDSA, `kid` = reader id, `iat` = now). */
export async function signReaderStatement(reader: ReaderKey, claims: ReaderStatementClaims, now = new Date()): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: reader.readerId, typ: READER_STATEMENT_TYPE })
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .sign(await importJWK(reader.privateJwk, 'EdDSA'));
}
