import { bilingual, BadUserInputError, CardNotUsableError, ForbiddenError, NotFoundError, type Actor, type Db } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { cardWithHolder, markCardRegistered, setCardStatus, type CardRow } from '../store/cards';
import type { CardVerification } from './cardVerification';
import { certificateStandingOn, graceEndsOn } from './cardCertificate';
import { cardUnusableReason } from './confirmation';

/** What the holder (and the API) sees of a card on `today`: registration, status and the certificate's standing. */
export function cardView(card: CardRow, today: string) {
  return {
    cardSerial: card.serial, registeredAt: card.registeredAt?.toISOString() ?? null, status: card.status,
    certificateExpiresOn: card.certificateExpiresOn, certificateStanding: certificateStandingOn(card.certificateExpiresOn, today),
    certificateGraceEndsOn: card.certificateExpiresOn === null ? null : graceEndsOn(card.certificateExpiresOn),
  };
}

const UNKNOWN_CARD = bilingual('This My Number Card is not known to the system', 'このマイナンバーカードは登録されていません');

async function markRegistered(db: Db<Tables>, card: CardRow): Promise<CardRow> {
  if (card.registeredAt) return card; // registering twice is harmless: keep the first date
  return (await markCardRegistered(db, card.serial)) ?? card;
}

/** Registering is the one use of a card not yet registered; any other reason refuses it (cardUnusableReason). */
function refuseUnusable(card: CardRow, field: string, today: string): void {
  const unusable = cardUnusableReason(card, today);
  if (unusable && unusable !== 'NOT_REGISTERED') throw new CardNotUsableError(unusable, { field });
}

/**
 * 初回登録 in the portal (seed: 利用者において初回登録処理): the patient registers their own card. Someone
 * else's card answers like an unknown one, so the call cannot probe which serials exist.
 */
export async function registerOwnCard(db: Db<Tables>, actor: Actor, rawSerial: string, today: string): Promise<CardRow> {
  const serial = rawSerial.trim();
  const found = await cardWithHolder(db, serial);
  if (!found || found.patientId !== actor.patientId) throw new NotFoundError(UNKNOWN_CARD);
  refuseUnusable(found.card, 'cardSerial', today);
  return markRegistered(db, found.card);
}

/**
 * 初回登録 at the counter: only after face authentication at the facility's reader (seed: 医療機関等の窓口に
 * おける本人確認（顔認証方式）による登録処理). PIN or visual checks do not register a card.
 */
export async function registerCardAtCounter(db: Db<Tables>, actor: Actor, verification: CardVerification, today: string): Promise<CardRow> {
  if (!actor.facilityCode || verification.facilityCode !== actor.facilityCode) throw new ForbiddenError(bilingual('This card verification belongs to another facility', 'このカードリーダーの確認結果は他の医療機関のものです'));
  if (verification.method !== 'FACE') throw new BadUserInputError(bilingual('Registration at the counter needs face authentication at the reader', '窓口での初回登録は顔認証で行ってください'), { field: 'verificationToken' });
  const found = await cardWithHolder(db, verification.cardSerial);
  if (!found || found.patientId !== verification.patientId) throw new NotFoundError(UNKNOWN_CARD);
  refuseUnusable(found.card, 'verificationToken', today);
  return markRegistered(db, found.card);
}

/** 一時利用停止: the holder (or the operator) reports the card lost; it can no longer be used to confirm. */
export async function reportLost(db: Db<Tables>, actor: Actor, rawSerial: string): Promise<CardRow> {
  const serial = rawSerial.trim();
  const found = await cardWithHolder(db, serial);
  const allowed = found !== null && (actor.role === 'ADMIN' || found.patientId === actor.patientId);
  if (!found || !allowed) throw new NotFoundError(UNKNOWN_CARD);
  return (await setCardStatus(db, serial, 'LOST')) ?? found.card;
}
