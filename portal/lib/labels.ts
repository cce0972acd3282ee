import type { AccessLogActorRole, AccessLogCategory, ConsentFlag, DataCategory as Category, QualificationValidity, ReferenceClassification } from './graphql/generated/graphql';
import type { Messages } from './messages';

/**
 * The categories a patient can grant a PHR app (docs/domain.md "PHR apps"): the API's categories; medical expenses only when
 * chosen explicitly (docs/access-policy.md `expenses.phr`). The compiler keeps the list equal to the API's.
 */
export const GRANTABLE_CATEGORIES = ['QUALIFICATION', 'DRUG', 'CHECKUP', 'EXPENSES'] as const satisfies readonly Category[];
const everyCategoryGrantable: Exclude<Category, (typeof GRANTABLE_CATEGORIES)[number]> extends never ? true : never = true;
void everyCategoryGrantable;

function lookup(t: Messages, key: string): string | undefined {
  const value = (t as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** A data category or any other word an access-log entry is about (DataCategory's words are AccessLogCategory's). */
export function categoryLabel(t: Messages, category: AccessLogCategory): string {
  return lookup(t, `category${category}`) ?? category;
}

/** A role or the card reader or portal login the access log names (Role's words are AccessLogActorRole's). */
export function roleLabel(t: Messages, role: AccessLogActorRole): string {
  return lookup(t, `role${role}`) ?? role;
}

export function reasonLabel(t: Messages, reason: string): string {
  return lookup(t, `reason${reason}`) ?? t.reasonOther(reason);
}

export function decisionLabel(t: Messages, decision: string): string {
  return lookup(t, `decision${decision}`) ?? decision;
}

/** The confirmation interface's enums (docs/api-guide.md "Enums"): one message per value, checked by the compiler. */
export function validityLabel(t: Messages, validity: QualificationValidity): string {
  return t[`validity${validity}`];
}

export function consentFlagLabel(t: Messages, flag: ConsentFlag): string {
  return t[`consentFlag${flag}`];
}

export function referenceClassLabel(t: Messages, reference: ReferenceClassification): string {
  return t[`referenceClass${reference}`];
}

/** A facility (the API's Facility entity) by name when the master knows it, else by its 医療機関コード. */
export function facilityLabel(t: Messages, facility: { code: string; name: string | null } | null | undefined): string {
  if (!facility) return t.noFacility;
  return facility.name ?? t.facilityCodeLabel(facility.code);
}
