/**
 * The API's closed vocabularies as GraphQL enums (docs/api-guide.md "Enums"). The values stay the internal strings
 * the services, the tokens and the access log already use (platform roles.ts), so only the schema changes: a client
 * sends and receives the enum names, and an unknown name is refused by validation (GRAPHQL_VALIDATION_FAILED)
 * before any resolver runs. Registered here, once, so that every subgraph that uses one declares it identically
 * (federation composes an enum used by several subgraphs only if their declarations agree).
 */
import { registerEnumType } from 'type-graphql';
import { CARD_VERIFICATION_METHODS, CATEGORIES, ROLES, type CardVerificationMethod, type Category, type Role } from '@onshi/platform/roles';

/** An enum object for type-graphql whose names are the vocabulary's values (`{ DOCTOR: 'DOCTOR', … }`). */
export function enumOfValues<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { readonly [K in T]: K };
}

export const RoleEnum = enumOfValues(ROLES);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'Who acts (docs/domain.md "Who takes part"): a patient, facility staff by licence, a PHR app, an insurer or the operator',
  valuesConfig: {
    PATIENT: { description: '患者 (card login)' },
    RECEPTION: { description: '受付 (facility staff without a licence to view drug or checkup information)' },
    DOCTOR: { description: '医師' },
    DENTIST: { description: '歯科医師' },
    PHARMACIST: { description: '薬剤師' },
    PHR_APP: { description: 'A PHR app acting under a patient\'s grant' },
    INSURER: { description: '保険者' },
    ADMIN: { description: '運用者 (支払基金・国保中央会)' },
  } satisfies Record<Role, { description: string }>,
});

export const DataCategoryEnum = enumOfValues(CATEGORIES);
registerEnumType(DataCategoryEnum, {
  name: 'DataCategory',
  description: 'A category of a person\'s data that consent, PHR grants and app scopes name (docs/access-policy.md)',
  valuesConfig: {
    QUALIFICATION: { description: '資格情報' },
    DRUG: { description: '薬剤情報' },
    CHECKUP: { description: '特定健診情報' },
    EXPENSES: { description: '医療費通知情報' },
  } satisfies Record<Category, { description: string }>,
});

export const ACCESS_DECISIONS = ['ALLOW', 'DENY'] as const;
export type AccessDecision = (typeof ACCESS_DECISIONS)[number];
export const AccessDecisionEnum = enumOfValues(ACCESS_DECISIONS);
registerEnumType(AccessDecisionEnum, {
  name: 'AccessDecision',
  description: 'What the decision point answered for one read (docs/access-policy.md)',
  valuesConfig: { ALLOW: { description: 'Provided' }, DENY: { description: 'Refused' } },
});

const CARD_VERIFICATION_METHOD_VALUES = {
  FACE: { description: '顔認証' },
  PIN: { description: '暗証番号' },
  VISUAL: { description: '目視確認 (a staff attestation, recorded as such)' },
} satisfies Record<CardVerificationMethod, { description: string }>;

export const CardVerificationMethodEnum = enumOfValues(CARD_VERIFICATION_METHODS);
registerEnumType(CardVerificationMethodEnum, {
  name: 'CardVerificationMethod',
  description: 'How the person at a facility\'s card reader was verified (docs/domain.md "Confirmation at the counter (資格確認)")',
  valuesConfig: CARD_VERIFICATION_METHOD_VALUES,
});

/** How a per-visit consent was given: at the reader by one of its methods, or seeded by the demo (demo mode only). */
export const CONSENT_METHODS = [...CARD_VERIFICATION_METHODS, 'DEMO'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const ConsentMethodEnum = enumOfValues(CONSENT_METHODS);
registerEnumType(ConsentMethodEnum, {
  name: 'ConsentMethod',
  description: 'How a per-visit consent was given at the facility\'s card reader',
  valuesConfig: {
    ...CARD_VERIFICATION_METHOD_VALUES,
    DEMO: { description: 'Seeded with the demo data (demo mode only; docs/operations.md "Demo and production")' },
  } satisfies Record<ConsentMethod, { description: string }>,
});

/**
 * Registers an enum whose names are readable words and whose values are the codes the services store and the real
 * system uses (`VALID` → '1'), each with its description, and returns the enum object for `@Field(() => …)`. A
 * client sees the names; the code ↔ name table for vendors is in docs/api-guide.md "Enums".
 */
export function registerCodeEnum<const V extends Record<string, { realCode: string; description: string }>>(
  name: string, description: string, values: V,
): { readonly [K in keyof V]: V[K]['realCode'] } {
  const entries = Object.entries(values);
  const enumObject = Object.fromEntries(entries.map(([key, value]) => [key, value.realCode])) as { readonly [K in keyof V]: V[K]['realCode'] };
  registerEnumType(enumObject, { name, description, valuesConfig: Object.fromEntries(entries.map(([key, value]) => [key, { description: value.description }])) as Partial<Record<keyof V, { description: string }>> });
  return enumObject;
}

/** registerCodeEnum for a vocabulary whose words are its values (`AS_BILLED` → 'AS_BILLED'). */
export function registerWordEnum<const W extends string>(name: string, description: string, values: { readonly [K in W]: string }): { readonly [K in W]: K } {
  const enumObject = enumOfValues(Object.keys(values) as W[]);
  registerEnumType(enumObject, { name, description, valuesConfig: Object.fromEntries(Object.entries<string>(values).map(([key, text]) => [key, { description: text }])) as Partial<Record<W, { description: string }>> });
  return enumObject;
}
