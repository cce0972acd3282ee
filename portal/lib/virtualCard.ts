/**
 * Stand-in for the card reader and the IC chip of a (virtual) My Number Card. A real card signs the
 * challenge inside the chip after the PIN check; in the demo the key pair is derived from DEMO_SEED and the
 * card serial exactly as the consent subgraph derives it (contract 1), so the same helper is reused, not copied.
 * The PIN is never checked here: it goes to the consent subgraph, which counts the tries.
 */
import { createVirtualCard, signChallenge } from '@onshi/consent/src/services/card';

const CARD_SERIAL = /^[A-Z0-9-]{4,40}$/;

export function isWellFormedCardSerial(serial: string): boolean {
  return CARD_SERIAL.test(serial);
}

export function signWithVirtualCard(cardSerial: string, challenge: string): string {
  const seed = process.env.DEMO_SEED ?? 'onshi';
  return signChallenge(createVirtualCard(`${seed}:card:${cardSerial}`).privateKey, challenge);
}
