/**
 * Card status, one source of truth: whether a My Number Card may be used at all lives in the
 * qualifications subgraph (its `cards` table: 初回登録 date and status, next to the 紐付番号). The consent
 * subgraph — which holds the card's public key and PIN counter for logins and reader verifications — asks
 * qualifications through this internal call every time a card is used, and never keeps a copy, so a card
 * reported lost is refused on the next use everywhere. No answer → the card is refused (fail closed).
 */
import { z } from 'zod';
import { bilingual, CARD_UNUSABLE_REASONS, OnshiError, postToService, CARD_STATUS_PATH, DEMO_CARD_LIFECYCLE_PATH, INTERNAL_SECRET_HEADER } from '@onshi/platform';

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
  const unavailable = () => new OnshiError('SERVICE_UNAVAILABLE', bilingual('The card status could not be checked; try again', 'カードの状態を確認できません。しばらくしてからお試しください'));
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

/**
 * Demo mode only (docs/operations.md "Demo: card lifecycle"): the operator, standing in for J-LIS, looks up a
 * demo card by its serial or its holder and suspends it (一時停止) or expires it (有効期限切れ). Qualifications owns the
 * card's status (above); consent decides who may ask and keeps the admin record.
 */
export const DEMO_CARD_ACTIONS = ['SUSPEND', 'EXPIRE'] as const;
/**
 * A card's status in qualifications' cards table: ACTIVE by default, LOST when the holder reports it
 * (reportCardLost), SUSPENDED or EXPIRED by the demo's stand-in for J-LIS. Nothing else writes it.
 */
export const CARD_STATUSES = ['ACTIVE', 'LOST', 'SUSPENDED', 'EXPIRED'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];
export type DemoCardAction = (typeof DEMO_CARD_ACTIONS)[number];
export const demoCardLifecycleRequest = z.object({
  cardSerial: z.string().min(1).max(64).optional(),
  patientId: z.string().min(1).max(64).optional(),
  action: z.enum(DEMO_CARD_ACTIONS).optional(),
}).refine((r) => (r.cardSerial === undefined) !== (r.patientId === undefined), 'exactly one of cardSerial, patientId');
export const demoCardAnswer = z.object({
  cardSerial: z.string(), patientId: z.string(), status: z.enum(CARD_STATUSES), certificateExpiresOn: z.string().nullable(),
  /** null when the card may be used for confirmation today. */
  unusable: z.enum(CARD_UNUSABLE_REASONS).nullable(),
});
export type DemoCardAnswer = z.infer<typeof demoCardAnswer>;

/** Asks qualifications' demo route; null when no such card (or holder) exists. Throws SERVICE_UNAVAILABLE when it cannot tell. */
export async function demoCardLifecycle(options: CardStatusClientOptions, request: z.infer<typeof demoCardLifecycleRequest>): Promise<DemoCardAnswer | null> {
  const unavailable = () => new OnshiError('SERVICE_UNAVAILABLE', bilingual('The card could not be reached; nothing was changed, try again', 'カードの状態を変更できませんでした'));
  try {
    const response = await postToService(new URL(DEMO_CARD_LIFECYCLE_PATH, options.qualificationsUrl), {
      headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.internalSecret, ...(options.requestId ? { 'x-request-id': options.requestId } : {}) },
      body: JSON.stringify(request),
      timeoutMs: 5_000,
    });
    if (response.status === 404) return null;
    if (!response.ok) throw unavailable();
    const parsed = demoCardAnswer.safeParse(await response.json());
    if (!parsed.success) throw unavailable();
    return parsed.data;
  } catch (error) {
    if (error instanceof OnshiError) throw error;
    throw unavailable();
  }
}
