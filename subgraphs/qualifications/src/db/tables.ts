import { date, index, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Everything this subgraph stores lives in its own schema (ADR 0004). */
export const qualificationsSchema = pgSchema('qualifications');

/** 保険者 (DOMAIN.md "Identity and numbers": 8 digits with check digit, 6 for 国保). */
export const insurers = qualificationsSchema.table('insurers', {
  number: text('number').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  prefecture: text('prefecture').notNull(),
});

/** 医療機関・薬局 (10-digit medical institution code; table code 1 医科 / 3 歯科 / 4 調剤). */
export const facilities = qualificationsSchema.table('facilities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  prefecture: text('prefecture').notNull(),
  address: text('address').notNull(),
});

/** A person. `id` is opaque: never the My Number, never the insured number (ARCHITECTURE.md "Federation"). */
export const patients = qualificationsSchema.table('patients', {
  id: text('id').primaryKey(),
  /** 紐付番号: the link between the card's certificate and the insured numbers. */
  linkageNumber: text('linkage_number').notNull().unique(),
  name: text('name').notNull(),
  nameKana: text('name_kana').notNull(),
  sex: text('sex').notNull(),
  birthdate: date('birthdate', { mode: 'string' }).notNull(),
  postNumber: text('post_number').notNull(),
  address: text('address').notNull(),
});

/** 利用者証明用電子証明書 of a My Number Card → 紐付番号. A card is usable only once registered for health insurance. */
export const cards = qualificationsSchema.table('cards', {
  serial: text('serial').primaryKey(),
  linkageNumber: text('linkage_number').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }),
  status: text('status').notNull().default('ACTIVE'),
}, (t) => [index('cards_linkage_idx').on(t.linkageNumber)]);

/** One coverage period (資格). "Who insured this person on date D" is one indexed range query. */
export const qualifications = qualificationsSchema.table('qualifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: text('patient_id').notNull(),
  insurerNumber: text('insurer_number').notNull(),
  insuredCardSymbol: text('insured_card_symbol').notNull(),
  insuredIdentificationNumber: text('insured_identification_number').notNull(),
  insuredBranchNumber: text('insured_branch_number').notNull(),
  personalFamilyClassification: text('personal_family_classification').notNull(),
  qualificationDate: date('qualification_date', { mode: 'string' }).notNull(),
  disqualificationDate: date('disqualification_date', { mode: 'string' }),
  insuredPartialContributionRatio: text('insured_partial_contribution_ratio').notNull(),
  limitApplicationCertificateClassificationFlag: text('limit_application_certificate_classification_flag'),
}, (t) => [
  index('qualifications_patient_date_idx').on(t.patientId, t.qualificationDate),
  uniqueIndex('qualifications_insured_number_idx').on(t.insurerNumber, t.insuredCardSymbol, t.insuredIdentificationNumber, t.insuredBranchNumber, t.qualificationDate),
]);

export const tables = { insurers, facilities, patients, cards, qualifications };
export type Tables = typeof tables;
