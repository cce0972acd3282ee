import { GraphQLError } from 'graphql';

/**
 * Typed errors with a stable `extensions.code` (ARCHITECTURE.md "Conventions": medplum-style typed errors).
 * Clients switch on the code; the message is for people (English, with Japanese where a clerk reads it).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONSENT_REQUIRED'
  | 'CARD_LOCKED'
  /** Failed staff logins from this source or for this account: wait `extensions.retryAfterMs` (loginThrottle.ts). */
  | 'LOGIN_THROTTLED'
  /** Password right, but this TOTP code was already used: wait for the next code (`extensions.retryAfterMs`). */
  | 'TOTP_REUSED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

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
  constructor(message = 'Authentication required / ログインが必要です') {
    super('UNAUTHENTICATED', message);
  }
}
export class ForbiddenError extends OnshiError {
  constructor(message = 'Not permitted for your role / この操作は許可されていません', extensions: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, extensions);
  }
}
export class NotFoundError extends OnshiError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}
export class ConsentRequiredError extends OnshiError {
  constructor(message = 'The patient has not consented for this visit / 本人の同意がありません', extensions: Record<string, unknown> = {}) {
    super('CONSENT_REQUIRED', message, extensions);
  }
}

/** Codes that are safe to show to a client as they are; anything else is masked. */
const CLIENT_CODES = new Set<string>([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONSENT_REQUIRED', 'CARD_LOCKED',
  'LOGIN_THROTTLED', 'TOTP_REUSED', 'SERVICE_UNAVAILABLE', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'RATE_LIMITED', 'UNTRUSTED_DOCUMENT',
]);

export function isClientSafeCode(code: unknown): boolean {
  return typeof code === 'string' && CLIENT_CODES.has(code);
}
