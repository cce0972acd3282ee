/**
 * Card status, one source of truth (issue 15): whether a My Number Card may be used at all lives in the
 * qualifications subgraph (its `cards` table: 初回登録 date and status, next to the 紐付番号). The consent
 * subgraph — which holds the card's public key and PIN counter for logins and reader verifications — asks
 * qualifications through this internal call every time a card is used, and never keeps a copy, so a card
 * reported lost is refused on the next use everywhere. No answer → the card is refused (fail closed).
 */
import { z } from 'zod';
import { CARD_UNUSABLE_REASONS, OnshiError } from './errors';
import { postToService } from './serviceClient';
import { CARD_STATUS_PATH, INTERNAL_SECRET_HEADER } from './contracts';


export const cardStatusRequest = z.object({ cardSerial: z.string().min(1).max(64) });
export const cardStatusAnswer = z.object({
  /** false: qualifications knows no such card (the caller answers as for a bad signature). */
  known: z.boolean(),
  /** The holder, when known: callers check it matches their own record of the card. */
  patientId: z.string().nullable(),
  /** null when the card may be used. */
  unusable: z.enum(CARD_UNUSABLE_REASONS).nullable(),
});
export type CardStatusAnswer = z.infer<typeof cardStatusAnswer>;

export interface CardStatusClientOptions { qualificationsUrl: string; internalSecret: string; requestId?: string }

/** Asks qualifications whether this card may be used now. Throws SERVICE_UNAVAILABLE when it cannot tell. */
export async function fetchCardStatus(options: CardStatusClientOptions, cardSerial: string): Promise<CardStatusAnswer> {
  const unavailable = () => new OnshiError('SERVICE_UNAVAILABLE', 'The card status could not be checked; try again / カードの状態を確認できません。しばらくしてからお試しください');
  try {
    const response = await postToService(new URL(CARD_STATUS_PATH, options.qualificationsUrl), {
      headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.internalSecret, ...(options.requestId ? { 'x-request-id': options.requestId } : {}) },
      body: JSON.stringify({ cardSerial }),
      timeoutMs: 3_000,
    });
    if (!response.ok) throw unavailable();
    const parsed = cardStatusAnswer.safeParse(await response.json());
    if (!parsed.success) throw unavailable();
    return parsed.data;
  } catch (error) {
    if (error instanceof OnshiError) throw error;
    throw unavailable();
  }
}

