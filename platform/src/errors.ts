import { GraphQLError } from 'graphql';
import { bilingual, errorMessage, type ErrorCode } from './errorCatalogue';

/**
 * Typed errors with a stable `extensions.code` from the one catalogue (errorCatalogue.ts, docs/api-guide.md "Errors").
 * Clients switch on the code; the message is for people (English, with Japanese where a clerk reads it).
 */
export class OnshiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends OnshiError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, extensions);
  }
}
export class UnauthenticatedError extends OnshiError {
  constructor(message = errorMessage('UNAUTHENTICATED')) {
    super('UNAUTHENTICATED', message);
  }
}
export class ForbiddenError extends OnshiError {
  constructor(message = errorMessage('FORBIDDEN'), extensions: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, extensions);
  }
}
/**
 * "No such person": the one message for an id that names nobody, and for a DV-blocked person answered as nobody
 * (docs/domain.md "DV"). The same words as qualifications' own answer for an id it has no row for.
 */
export function patientNotFoundMessage(patientId: string): string {
  return bilingual(`No patient with id ${patientId}`, '該当する患者がいません');
}

export class NotFoundError extends OnshiError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}
/**
 * Why a My Number Card cannot be used: reported lost (紛失届), suspended, its certificate expired,
 * or never registered for health-insurance use (初回登録). The card status lives in qualifications; every
 * path that accepts a card (portal login, reader verification, consent, confirmation by card) refuses it
 * with this one code and the reason, and releases nothing.
 */
export const CARD_UNUSABLE_REASONS = ['LOST', 'SUSPENDED', 'EXPIRED', 'NOT_REGISTERED'] as const;
export type CardUnusableReason = (typeof CARD_UNUSABLE_REASONS)[number];

const CARD_UNUSABLE_MESSAGES: Record<CardUnusableReason, string> = {
  LOST: bilingual('This My Number Card was reported lost and is suspended; confirm with the insurance card or 資格確認書 instead', 'このマイナンバーカードは紛失届により利用停止中です。保険証または資格確認書で確認してください'),
  SUSPENDED: bilingual('This My Number Card is suspended', 'このマイナンバーカードは一時利用停止中です'),
  EXPIRED: bilingual('The certificate of this My Number Card has expired; renew it at your municipality', 'このマイナンバーカードの電子証明書は有効期限切れです。市区町村窓口で更新してください'),
  NOT_REGISTERED: bilingual('This My Number Card is not registered for health-insurance use yet; register it at the reader with face authentication', 'このマイナンバーカードは健康保険証としての利用登録（初回登録）がされていません。カードリーダーで顔認証により登録できます'),
};

export class CardNotUsableError extends OnshiError {
  constructor(reason: CardUnusableReason, extensions: Record<string, unknown> = {}) {
    super('CARD_NOT_USABLE', CARD_UNUSABLE_MESSAGES[reason], { ...extensions, reason });
  }
}

export class ConsentRequiredError extends OnshiError {
  constructor(message = errorMessage('CONSENT_REQUIRED'), extensions: Record<string, unknown> = {}) {
    super('CONSENT_REQUIRED', message, extensions);
  }
}
