/**
 * Stand-ins for the hardware of the demo kiosk: the IC chip of a (virtual) My Number Card and the facility's
 * registered card reader. A real card signs the nonce inside the chip; in the demo the key pair is derived
 * from DEMO_SEED and the card serial by the demo package (`@onshi/demo` card.ts), the same derivation the consent seed
 * stored the public key from. The reader's key is the demo reader's random key from the data dir, or the key file of a reader the operator registered
 * (`@onshi/demo` readerKeys.ts), read on the server only; the statement it signs is the platform's readerStatement.ts.
 * The PIN is never checked here: it goes to the consent subgraph in the signed statement, which counts the tries.
 */
import path from 'node:path';
// The card file only (node:crypto): the package's index would bring the demo world and the kit into the bundle.
import { signWithDemoPatientCard } from '@onshi/demo/src/card';
import { signReaderStatement, type ReaderKey } from '@onshi/platform/readerStatement';
import { installedReaderKey, readDemoReaderKeys } from '@onshi/demo/src/readerKeys';

const CARD_SERIAL = /^[A-Z0-9-]{4,40}$/;

export function isWellFormedCardSerial(serial: string): boolean {
  return CARD_SERIAL.test(serial);
}

export function signWithVirtualCard(cardSerial: string, challenge: string): string {
  const seed = process.env.DEMO_SEED ?? 'onshi';
  return signWithDemoPatientCard(seed, cardSerial, challenge);
}

/** The data dir the system runs on (DATA_DIR, else the repository's `.data/`; the portal runs in portal/). */
function dataDir(): string {
  return process.env.DATA_DIR ?? path.join(process.cwd(), '..', '.data');
}

/** The facility's demo reader, else the key file of a reader the operator registered for it (the demo package's readerKeys.ts installedReaderKeyPath). */
export function demoReaderOf(facilityCode: string): ReaderKey | undefined {
  return readDemoReaderKeys(dataDir())[facilityCode] ?? installedReaderKey(dataDir(), facilityCode);
}

export { signReaderStatement };
