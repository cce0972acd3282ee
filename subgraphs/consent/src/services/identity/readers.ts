/**
 * Card readers (顔認証付きカードリーダー) as registered devices of a facility, and the statements they sign
 * (the reader contract is docs/api-guide.md "Card readers"). A verification is a compact JWS
 * signed by the reader's own Ed25519 key over the card's signature of a nonce this service issued, the
 * card serial, the method and its result, and the consent answers the patient chose on the reader. Consent
 * is registered only from such a statement, once: a staff token can neither verify a card nor answer for
 * the patient. The facility's staff see the result (confirmation, consent flags) through the
 * verification token the statement yields.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { z } from 'zod';
import { bilingual, BadUserInputError, CARD_VERIFICATION_METHODS as READER_METHODS, ForbiddenError, NotFoundError, OnshiError, TOKEN_ISSUER, isValidFacilityCode, type Actor, type CardVerificationMethod as ReaderMethod, type Db } from '@onshi/kit';
import type { cardReaders, Tables } from '../../db/tables';
import { activeCardReaderById, cardReaderById, cardReadersOf, insertCardReader, updateCardReaderStatus } from '../../store/cardReaders';
import { insertReaderVerification } from '../../store/readerVerifications';
import { logCardDenial } from './cardDenials';
import type { Transaction } from '../policy/decisionPoint';
import { READER_STATEMENT_TYPE } from '@onshi/platform/readerStatement';
import { CHALLENGE_LIFETIME_MS } from './card';
import { authenticateCard, checkPin, openChallenge, requireUnlocked, requireUsableCard, type CardStatusLookup } from './logins';
import type { SigningKey } from './signing';
import { registerVisitConsent } from '../policy/visitConsent';

export const READER_STATUSES = ['ACTIVE', 'SUSPENDED', 'RETIRED'] as const;
export type ReaderStatus = (typeof READER_STATUSES)[number];
/** Audience of the verification token a statement yields (docs/contracts.md contract 4): never accepted as an access token. */
export const CARD_VERIFICATION_AUDIENCE = 'onshi-card-verification';
export const CARD_VERIFICATION_TTL_MS = 10 * 60 * 1000;
/** A reader's clock may run a little ahead of ours. */
const CLOCK_SKEW_MS = 30_000;

export type ReaderRow = typeof cardReaders.$inferSelect;

// ---------------------------------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------------------------------

/** Only an Ed25519 public key (no private part) is accepted as a reader key. */
export function parseReaderPublicKey(text: string): JWK {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw new BadUserInputError(bilingual('publicKeyJwk must be a JSON Web Key', 'JWK 形式の公開鍵を指定してください'), { field: 'publicKeyJwk' });
  }
  const parsed = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }).safeParse(jwk);
  if (!parsed.success || (typeof jwk === 'object' && jwk !== null && 'd' in jwk)) {
    throw new BadUserInputError('publicKeyJwk must be an Ed25519 public key ({"kty":"OKP","crv":"Ed25519","x":…}) without its private part', { field: 'publicKeyJwk' });
  }
  return { kty: 'OKP', crv: 'Ed25519', x: parsed.data.x };
}

export async function registerReader(db: Db<Tables> | Transaction, actor: Actor, facilityCode: string, publicKeyJwk: string, label: string | null, now: Date): Promise<ReaderRow> {
  if (!isValidFacilityCode(facilityCode)) throw new BadUserInputError('facilityCode is not a valid 医療機関コード (10 digits with check digit)', { field: 'facilityCode' });
  const key = parseReaderPublicKey(publicKeyJwk);
  if (label !== null && label.length > 100) throw new BadUserInputError('label has at most 100 characters', { field: 'label' });
  const row = await insertCardReader(db, {
    id: `rdr_${randomBytes(12).toString('base64url')}`, facilityCode, publicKey: JSON.stringify(key), status: 'ACTIVE', label, registeredBy: actor.subject, registeredAt: now,
  });
  if (!row) throw new OnshiError('SERVICE_UNAVAILABLE', 'The reader could not be registered');
  return row;
}

export async function setReaderStatus(db: Db<Tables> | Transaction, readerId: string, status: string, now: Date): Promise<ReaderRow> {
  if (!(READER_STATUSES as readonly string[]).includes(status)) throw new BadUserInputError(`status must be one of ${READER_STATUSES.join(', ')}`, { field: 'status' });
  const current = await cardReaderById(db, readerId);
  if (!current) throw new NotFoundError('No such card reader');
  // A retired reader's key is gone for good: it is never reactivated (register a new one).
  if (current.status === 'RETIRED' && status !== 'RETIRED') throw new BadUserInputError('A retired reader cannot be reactivated; register the device again', { field: 'status' });
  const row = await updateCardReaderStatus(db, readerId, status, now);
  return row ?? current;
}

export async function readersOf(db: Db<Tables>, facilityCode: string | null): Promise<ReaderRow[]> {
  return cardReadersOf(db, facilityCode);
}

const READER_NOT_ACTIVE = bilingual('This card reader is not registered or not active', 'このカードリーダーは登録されていないか、利用停止中です');

/** The reader a challenge is asked for must be registered and active (its id is not a secret; its key is). */
export async function activeReader(db: Db<Tables>, readerId: string): Promise<ReaderRow> {
  const reader = readerId.length <= 64 ? await activeCardReaderById(db, readerId) : undefined;
  if (!reader) throw new ForbiddenError(READER_NOT_ACTIVE, { reason: 'READER_NOT_ACTIVE' });
  return reader;
}

// ---------------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------------

const statementClaims = z.object({
  challengeId: z.string().min(1).max(2048),
  cardSerial: z.string().min(1).max(64),
  cardSignature: z.string().min(1).max(256),
  method: z.enum(READER_METHODS),
  /** FACE: `faceMatch` (the reader's own comparison with the card's photo); PIN: `pin`; VISUAL: `attestedBy` (staff ID). */
  result: z.object({ faceMatch: z.boolean().optional(), pin: z.string().max(16).optional(), attestedBy: z.string().min(1).max(64).optional() }).strict(),
  /** The patient's own answers on the reader; both questions must be answered. */
  consent: z.object({ drug: z.boolean(), checkup: z.boolean() }).strict(),
  iat: z.number().int(),
});
export type StatementClaims = z.infer<typeof statementClaims>;

const STATEMENT_INVALID = bilingual('The reader statement is not valid', 'カードリーダーの確認結果を検証できません');

/** Verifies the JWS with the key of the active reader it names (header `kid`). */
async function verifyStatement(db: Db<Tables>, statement: string, now: Date): Promise<{ reader: ReaderRow; claims: StatementClaims }> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(statement).kid;
  } catch {
    throw new BadUserInputError(STATEMENT_INVALID, { field: 'statement' });
  }
  if (!kid) throw new BadUserInputError(STATEMENT_INVALID, { field: 'statement' });
  const reader = await activeReader(db, kid);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(statement, await importJWK(JSON.parse(reader.publicKey) as JWK, 'EdDSA'), {
      algorithms: ['EdDSA'], typ: READER_STATEMENT_TYPE, requiredClaims: ['iat'], currentDate: now, clockTolerance: CLOCK_SKEW_MS / 1000, maxTokenAge: CHALLENGE_LIFETIME_MS / 1000,
    }));
  } catch {
    throw new BadUserInputError(STATEMENT_INVALID, { field: 'statement' });
  }
  const claims = statementClaims.safeParse(payload);
  if (!claims.success) throw new BadUserInputError(`${STATEMENT_INVALID}: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, { field: 'statement' });
  return { reader, claims: claims.data };
}

/** What each method needs in `result` (docs/domain.md "Confirmation at the counter (資格確認)": face, PIN, or visually by staff). */
function requireMethodResult(claims: StatementClaims): { attestedBy: string | null } {
  const { method, result } = claims;
  if (method === 'FACE') {
    if (result.faceMatch !== true) throw new BadUserInputError(bilingual('The face did not match the card', '顔認証ができませんでした'), { reason: 'FACE_NOT_MATCHED' });
    return { attestedBy: null };
  }
  if (method === 'PIN') {
    if (!result.pin) throw new BadUserInputError(bilingual('method PIN needs result.pin', '暗証番号を入力してください'), { field: 'statement' });
    return { attestedBy: null };
  }
  if (!result.attestedBy) throw new BadUserInputError(bilingual('method VISUAL needs result.attestedBy (the staff ID who checked)', '目視確認した職員を指定してください'), { field: 'statement' });
  return { attestedBy: result.attestedBy };
}

export interface ReaderResultData {
  verificationId: string;
  verificationToken: string;
  patientId: string;
  facilityCode: string;
  readerId: string;
  method: ReaderMethod;
  /** null: the card may be used; NOT_REGISTERED: verified by face for 初回登録 at the counter only, no consent registered. */
  cardStatus: 'USABLE' | 'NOT_REGISTERED';
  drugAnswer: boolean;
  checkupAnswer: boolean;
  consents: Awaited<ReturnType<typeof registerVisitConsent>>;
  expiresAt: string;
}

/**
 * Accepts a reader's statement: the reader's signature, the challenge it was issued for this
 * reader, the card's signature over it (before anything else about the card), the card's status, the
 * method's result (PIN checked here and counted, as at login), then — in one transaction with the record of
 * the verification — the patient's answers become consents. The challenge id is recorded as used and the
 * verification row is unique per challenge: a replayed statement registers nothing.
 */
export async function acceptReaderStatement(db: Db<Tables>, key: SigningKey, cardStatus: CardStatusLookup, statement: string, now: Date, requestId: string): Promise<ReaderResultData> {
  const { reader, claims } = await verifyStatement(db, statement, now);
  const opened = await openChallenge(key, claims.challengeId, 'READER', reader.id, now);
  if (opened.cardSerial !== claims.cardSerial) throw new BadUserInputError(bilingual('The statement names another card than its challenge', 'カードが一致しません'), { field: 'statement' });
  const readerActor = { subject: `reader:${reader.id}`, role: 'CARD_READER' as const, facilityCode: reader.facilityCode };
  const { card, unusable, attestedBy } = await logCardDenial(db, readerActor, requestId, now, async () => {
    const authenticated = await authenticateCard(db, opened, claims.cardSignature, now);
    requireUnlocked(authenticated);
    // 初回登録 at the counter needs a FACE verification of a card not registered yet (qualifications cards.ts).
    const status = await requireUsableCard(cardStatus, authenticated, { allowUnregistered: claims.method === 'FACE' });
    const method = requireMethodResult(claims);
    if (claims.method === 'PIN' && claims.result.pin) await checkPin(db, authenticated, claims.result.pin, now);
    return { card: authenticated, unusable: status.unusable, ...method };
  });
  const registrationOnly = unusable === 'NOT_REGISTERED';
  const { verificationId, consents } = await db.transaction(async (tx) => {
    const row = await insertReaderVerification(tx, {
      challengeId: opened.id, readerId: reader.id, facilityCode: reader.facilityCode, patientId: card.patientId, cardSerial: card.serial, method: claims.method, attestedBy,
      drugAnswer: claims.consent.drug, checkupAnswer: claims.consent.checkup, signedAt: new Date(claims.iat * 1000), verifiedAt: now,
    });
    if (!row) throw new BadUserInputError(bilingual('This verification was already used', 'この確認結果は使用済みです'), { field: 'statement' });
    const registered = registrationOnly ? [] : await registerVisitConsent(tx, card.patientId, reader.facilityCode, claims.method, { DRUG: claims.consent.drug, CHECKUP: claims.consent.checkup }, now, row.id);
    return { verificationId: row.id, consents: registered };
  });
  const expiresAt = new Date(now.getTime() + CARD_VERIFICATION_TTL_MS);
  const verificationToken = await new SignJWT({ facilityCode: reader.facilityCode, method: claims.method, cardSerial: card.serial, readerId: reader.id, verificationId })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER).setAudience(CARD_VERIFICATION_AUDIENCE).setSubject(card.patientId)
    .setIssuedAt(Math.floor(now.getTime() / 1000)).setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(verificationId)
    .sign(key.privateKey);
  return {
    verificationId, verificationToken, patientId: card.patientId, facilityCode: reader.facilityCode, readerId: reader.id, method: claims.method,
    cardStatus: registrationOnly ? 'NOT_REGISTERED' : 'USABLE', drugAnswer: claims.consent.drug, checkupAnswer: claims.consent.checkup, consents, expiresAt: expiresAt.toISOString(),
  };
}
