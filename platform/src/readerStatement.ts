/**
 * The card reader's side of docs/contracts.md contract 4 (docs/api-guide.md "Card readers"), in one place for both
 * sides: the statement a registered reader signs (its JWS `typ` and claims, which consent's verifier reads) and the
 * reader's key pair and signature, used by the stand-ins of a reader device — the portal's demo kiosk (server side), the
 * tests and `reader:register`. It imports no code of ours and no database code, so the portal and the demo package may
 * use it (docs/architecture.md "Packages").
 */
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

/** A reader's identity and private key, as the device (or its stand-in) holds them. */
export interface ReaderKey { readerId: string; facilityCode: string; privateJwk: JWK }

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
