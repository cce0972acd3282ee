/**
 * The demo's virtual My Number Card (マイナンバーカード): the card holder's side of a card login, for the demo seed,
 * the portal's kiosk, the demo CLIs and the tests. The server's side (verification, PIN, challenges) is consent's
 * `services/identity/card.ts`.
 *
 * The real card signs with the private key of its user certificate (利用者証明用電子証明書) inside the IC chip after
 * the PIN or face check; here the key is derived deterministically from a seed so demo accounts are reproducible.
 * Node's crypto only: the portal's server bundle imports this file.
 */
import { KeyObject, createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';

/** ASN.1 prefix of a PKCS#8 PrivateKeyInfo for Ed25519 (RFC 8410 §7); the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface VirtualCard {
  /** Stays with the card holder (portal demo, tests); the server keeps only the public key. */
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** `{ kty: 'OKP', crv: 'Ed25519', x }` — what the server stores for the certificate. */
  publicKeyJwk: JsonWebKey;
  /** SubjectPublicKeyInfo DER, base64 — the same key in the form a certificate carries. */
  publicKeySpki: string;
  /** Stand-in for the user-certificate serial (利用者証明用電子証明書シリアル番号): 16 upper-case hex digits. */
  certificateSerial: string;
}

function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * Deterministic virtual card: the Ed25519 seed is sha256(seedMaterial), so a demo account's card is the
 * same on every run. The serial is derived from the public key, so it names exactly this key pair (a
 * reissued card = new seed material = new serial, as with a real reissued certificate).
 */
function virtualCardSeed(seedMaterial: string): Buffer {
  return sha256(`onshi-virtual-card:${seedMaterial}`);
}

function virtualCardPrivateKey(seedMaterial: string): KeyObject {
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, virtualCardSeed(seedMaterial)]), format: 'der', type: 'pkcs8' });
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Node requires `x` in an OKP JWK but derives a private key's public half from `d` alone; checked once below. */
const UNREAD_PUBLIC_X = Buffer.alloc(32).toString('base64url');
let fastDerivationChecked = false;

function publicKeySpkiFromSeed(seed: Buffer): string {
  const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: UNREAD_PUBLIC_X }, format: 'jwk' });
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x;
  if (typeof x !== 'string') throw new Error('Ed25519 public key export without x');
  return Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(x, 'base64url')]).toString('base64');
}

/**
 * Only the public key (SPKI DER, base64) of a virtual card: what the server stores, for seeding the cards of up to
 * 10⁶ demo patients. OpenSSL 3's PKCS#8 decoder costs about 6 ms a key (10⁶ cards: well over an hour of CPU);
 * importing the same seed as a JWK costs about a tenth of that. The first call of a process checks that both ways
 * give the same key, so a Node that read the JWK differently would stop the seed instead of storing wrong keys.
 */
export function virtualCardPublicKeySpki(seedMaterial: string): string {
  const spki = publicKeySpkiFromSeed(virtualCardSeed(seedMaterial));
  if (!fastDerivationChecked) {
    const reference = createPublicKey(virtualCardPrivateKey(seedMaterial)).export({ format: 'der', type: 'spki' }).toString('base64');
    if (reference !== spki) throw new Error('virtual card key derivation disagrees with PKCS#8: refusing to seed wrong keys');
    fastDerivationChecked = true;
  }
  return spki;
}

/**
 * The seed material of a demo patient's virtual card, the one formula for it: the key pair is derived from the public
 * DEMO_SEED and the card serial, so the consent seed (which stores the public key), the portal's kiosk, the demo CLIs
 * and the tests hold the same card without sharing a file (docs/architecture.md "The demo package").
 */
export function demoCardSeedMaterial(demoSeed: string, cardSerial: string): string {
  return `${demoSeed}:card:${cardSerial}`;
}

/** The virtual card of a demo patient (DemoPatient.cardSerial) in the demo world of `demoSeed`. */
export function demoPatientCard(demoSeed: string, cardSerial: string): VirtualCard {
  return createVirtualCard(demoCardSeedMaterial(demoSeed, cardSerial));
}

/** Only the public key of a demo patient's card: what the consent seed stores for each of up to 10⁶ demo cards. */
export function demoPatientCardSpki(demoSeed: string, cardSerial: string): string {
  return virtualCardPublicKeySpki(demoCardSeedMaterial(demoSeed, cardSerial));
}

export function createVirtualCard(seedMaterial: string): VirtualCard {
  const privateKey = virtualCardPrivateKey(seedMaterial);
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    privateKey,
    publicKey,
    publicKeyJwk: publicKey.export({ format: 'jwk' }),
    publicKeySpki: spki.toString('base64'),
    certificateSerial: sha256(spki).subarray(0, 8).toString('hex').toUpperCase(),
  };
}

/** The card signs the challenge text (UTF-8); the signature travels as base64url. */
export function signChallenge(privateKey: KeyObject, challenge: string): string {
  return sign(null, Buffer.from(challenge, 'utf8'), privateKey).toString('base64url');
}

/** What a demo patient's card answers to a login or kiosk challenge: the portal's kiosk, the demo CLIs and the tests. */
export function signWithDemoPatientCard(demoSeed: string, cardSerial: string, challenge: string): string {
  return signChallenge(demoPatientCard(demoSeed, cardSerial).privateKey, challenge);
}
