import type { FormRefusal } from '@/lib/adminForms';
import { messagesFor, type Locale } from '@/lib/messages';

/** A refused admin form: the API's reason in plain words, naming the field it pointed at; never a raw error text. */
export function refusalText(locale: Locale, refusal: Pick<FormRefusal, 'code' | 'field' | 'reason'>): string {
  const t = messagesFor(locale);
  if (refusal.code === 'FORBIDDEN') return t.errorForbidden;
  if (refusal.code === 'NOT_FOUND') return t.notFoundFacility;
  if (refusal.code === 'SERVICE_UNAVAILABLE') return t.errorUnavailable;
  if (refusal.code !== 'BAD_USER_INPUT') return t.errorGeneric;
  if (refusal.reason === 'DUPLICATE_FACILITY') return t.inputErrorDuplicateFacility;
  if (refusal.reason === 'DUPLICATE_INSURER') return t.inputErrorDuplicateInsurer;
  if (refusal.reason === 'INVALID_INSURER_NUMBER') return t.inputErrorInsurerNumber;
  if (refusal.reason === 'UNKNOWN_HOUBETSU') return t.inputErrorHoubetsu;
  if (refusal.reason === 'INSURER_KIND_MISMATCH') return t.inputErrorInsurerKind;
  if (refusal.reason === 'INSURER_PREFECTURE') return t.inputErrorInsurerPrefecture;
  if (refusal.reason === 'DUPLICATE_STAFF_ID') return t.inputErrorDuplicateStaff;
  if (refusal.reason === 'DUPLICATE_CLIENT_ID') return t.inputErrorDuplicateClientId;
  if (refusal.reason === 'EMPTY_SCOPES') return t.inputErrorEmptyScopes;
  return refusal.field ? t.inputErrorField(refusal.field) : t.inputErrorGeneric;
}

export function FormRefusalNotice({ locale, refusal }: { locale: Locale; refusal: Pick<FormRefusal, 'code' | 'field' | 'reason'> }) {
  return <p className="notice notice--error" role="alert" data-code={refusal.code}>{refusalText(locale, refusal)}</p>;
}
