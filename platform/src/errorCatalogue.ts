/**
 * The one error catalogue (docs/contracts.md "Error codes"): every `extensions.code` a service of ours sends, with
 * the HTTP status it carries when the error is the whole answer, whether a client may see it as it is (anything
 * else is masked to INTERNAL_SERVER_ERROR, errorMasking.ts), and its message in Japanese and English.
 *
 * A thrown error usually carries a message of its own naming the case (which card, how many seconds); the
 * catalogue's message is the general one: the default of the typed errors (errors.ts) and the words the portal
 * shows for the code. Browser-safe on purpose — no imports — so the portal reads it as `@onshi/platform/errors`.
 */
export interface ErrorCatalogueEntry {
  /** The HTTP status when the error is the whole answer (a refused upload, an internal route); GraphQL answers stay 200 unless noted in docs/api-guide.md. */
  status: number;
  /** Whether a client sees the code and message as they are; `false` codes are logged and masked. */
  clientVisible: boolean;
  ja: string;
  en: string;
}

export const ERROR_CATALOGUE = {
  BAD_USER_INPUT: { status: 400, clientVisible: true, ja: '入力内容が正しくありません', en: 'The input is not valid' },
  UNAUTHENTICATED: { status: 401, clientVisible: true, ja: 'ログインが必要です', en: 'Authentication required' },
  FORBIDDEN: { status: 403, clientVisible: true, ja: 'この操作は許可されていません', en: 'Not permitted for your role' },
  NOT_FOUND: { status: 404, clientVisible: true, ja: '該当するものがありません', en: 'Not found' },
  CONSENT_REQUIRED: { status: 403, clientVisible: true, ja: '本人の同意がありません', en: 'The patient has not consented for this visit' },
  /** Three wrong PINs: the card is locked until the municipality resets the PIN (docs/domain.md). */
  CARD_LOCKED: { status: 423, clientVisible: true, ja: '暗証番号が3回誤って入力されたためロックされています', en: 'The card is locked after 3 wrong PINs' },
  /** The card is lost, suspended, expired or not registered for insurance use: `extensions.reason` says which (errors.ts). */
  CARD_NOT_USABLE: { status: 403, clientVisible: true, ja: 'このマイナンバーカードは利用できません', en: 'This My Number Card cannot be used' },
  /** Failed staff logins from this source or for this account: wait `extensions.retryAfterMs`. */
  LOGIN_THROTTLED: { status: 429, clientVisible: true, ja: 'ログインの失敗が続いたため、しばらくしてから再度お試しください', en: 'Too many failed logins; try again later' },
  /** Too many requests, or too many disaster or emergency searches by one staff member or facility: wait `retry-after` / `extensions.retryAfterSeconds`. */
  RATE_LIMITED: { status: 429, clientVisible: true, ja: 'リクエストが多すぎます', en: 'Too many requests; retry later' },
  /** Password right, but this TOTP code was already used: wait for the next code (`extensions.retryAfterMs`). */
  TOTP_REUSED: { status: 429, clientVisible: true, ja: 'このワンタイムコードは使用済みです。次のコードを入力してください', en: 'This one-time code was already used; enter the next code' },
  /** A service this answer needs did not answer (a subgraph, the decision point, the shared store). */
  SERVICE_UNAVAILABLE: { status: 503, clientVisible: true, ja: 'ただいまサーバーに接続できません。時間をおいて、もう一度お試しください。', en: 'The server cannot be reached right now. Please try again in a little while.' },
  /** What every masked error becomes; thrown as such it is masked too (logged, never shown with its message). */
  INTERNAL_SERVER_ERROR: { status: 500, clientVisible: false, ja: 'システムエラーが発生しました', en: 'Internal server error' },
  /** The decision point's answer for a DV-blocked person whose rule hides the records (docs/domain.md "DV"): the kit answers it as CONSENT_REQUIRED or no rows, never sends it. */
  NO_RECORDS: { status: 403, clientVisible: false, ja: '表示できる情報がありません', en: 'No records can be shown' },
  // The protocol's own codes (Apollo Server and the gateway's request checks), shown to clients as they are.
  BAD_REQUEST: { status: 400, clientVisible: true, ja: 'リクエストの形式が正しくありません', en: 'The request is malformed' },
  PAYLOAD_TOO_LARGE: { status: 413, clientVisible: true, ja: 'リクエストが大きすぎます', en: 'Request body too large' },
  GRAPHQL_PARSE_FAILED: { status: 400, clientVisible: true, ja: 'クエリを解析できません', en: 'The query cannot be parsed' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, clientVisible: true, ja: 'クエリがスキーマに合いません', en: 'The query does not fit the schema' },
  PERSISTED_QUERY_NOT_FOUND: { status: 200, clientVisible: true, ja: '登録済みクエリが見つかりません', en: 'Persisted query not found' },
  OPERATION_RESOLUTION_FAILURE: { status: 400, clientVisible: true, ja: '実行する操作を特定できません', en: 'The operation to run cannot be determined' },
  /** A registered client (the portal) sent a document not registered at its build (docs/api-guide.md "Errors"). */
  UNTRUSTED_DOCUMENT: { status: 403, clientVisible: true, ja: '登録されていないクエリです', en: 'This document is not registered for this client' },
} as const satisfies Record<string, ErrorCatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

/** Codes that are safe to show to a client as they are; anything else is masked. */
export function isClientSafeCode(code: unknown): boolean {
  return isErrorCode(code) && ERROR_CATALOGUE[code].clientVisible;
}

/**
 * A message in the API's convention: English, then Japanese, one string, ` / ` between (docs/api-guide.md "Errors").
 * Every thrown message that carries both languages is built here, so the order and the separator are written once
 * (docs/architecture.md "Subgraph template"; tests/src/bilingual-messages.test.ts refuses one written by hand).
 */
export function bilingual(en: string, ja: string): string {
  return `${en} / ${ja}`;
}

/** The catalogue's message in the API's convention (`bilingual`). */
export function errorMessage(code: ErrorCode): string {
  const entry: ErrorCatalogueEntry = ERROR_CATALOGUE[code];
  return bilingual(entry.en, entry.ja);
}

/** The catalogue's message in one language, for a page that shows it (the portal). */
export function errorText(code: ErrorCode, locale: 'ja' | 'en'): string {
  return ERROR_CATALOGUE[code][locale];
}
