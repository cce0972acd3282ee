import type { InsurerChangeEvent } from '@onshi/kit';
import { date, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Everything this subgraph stores lives in its own schema (ADR 0004). */
export const qualificationsSchema = pgSchema('qualifications');

/** 保険者 (docs/domain.md "Identity without the My Number": 8 digits with check digit, 6 for 国保). */
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

/** A person. `id` is opaque: never the My Number, never the insured number (docs/architecture.md "Federation"). */
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
  /** 利用者証明用電子証明書の有効期限 (YYYY-MM-DD, JST); null when not known (services/cardCertificate.ts). */
  certificateExpiresOn: date('certificate_expires_on', { mode: 'string' }),
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
  /** 高齢受給者 (ages 70–74): ElderlyRecipientContributionRatio and its validity (docs/domain.md "Confirmation at the counter (資格確認)"). */
  elderlyRecipientContributionRatio: text('elderly_recipient_contribution_ratio'),
  elderlyRecipientValidStartDate: date('elderly_recipient_valid_start_date', { mode: 'string' }),
  elderlyRecipientValidEndDate: date('elderly_recipient_valid_end_date', { mode: 'string' }),
}, (t) => [
  index('qualifications_patient_date_idx').on(t.patientId, t.qualificationDate),
  uniqueIndex('qualifications_insured_number_idx').on(t.insurerNumber, t.insuredCardSymbol, t.insuredIdentificationNumber, t.insuredBranchNumber, t.qualificationDate),
]);

/**
 * One qualification confirmation at a counter (資格確認): which facility asked, how, when, and what it got.
 * Keyed by patient first (docs/scaling.md "Distribution plan (Citus-style, distributed by patient id)"); `patientId` is null only when no person
 * matched (validity 4 / 5), so those rows are visible to the facility's audit but to no patient.
 */
export const confirmations = qualificationsSchema.table('confirmations', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: text('patient_id'),
  facilityCode: text('facility_code').notNull(),
  /** CARD_FACE / CARD_PIN / CARD_VISUAL / INSURANCE_CARD */
  method: text('method').notNull(),
  /** ReferenceClassification: 1 My Number Card / 2 insurance-card information */
  referenceClassification: text('reference_classification').notNull(),
  /** QualificationValidity 1–5 */
  qualificationValidity: text('qualification_validity').notNull(),
  staffSubject: text('staff_subject').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  /** The coverage the confirmation answered, and the new one (validity 3) or the other open one (validity 5). */
  qualificationId: uuid('qualification_id'),
  newQualificationId: uuid('new_qualification_id'),
}, (t) => [
  index('confirmations_patient_at_idx').on(t.patientId, t.at),
  index('confirmations_patient_facility_at_idx').on(t.patientId, t.facilityCode, t.at),
  index('confirmations_facility_at_idx').on(t.facilityCode, t.at),
]);

/**
 * Transactional outbox of insurer-change events (docs/contracts.md contract 6): written in the same transaction as the
 * qualification change, delivered to checkups by the relay with retries (services/outbox.ts).
 */
export const insurerChangeOutbox = qualificationsSchema.table('insurer_change_outbox', {
  eventId: uuid('event_id').primaryKey().defaultRandom(),
  patientId: text('patient_id').notNull(),
  payload: jsonb('payload').$type<InsurerChangeEvent>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  /** Not before this time: backoff after a failure, or a claim by one relay replica. */
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  lastError: text('last_error'),
}, (t) => [index('insurer_change_outbox_pending_idx').on(t.deliveredAt, t.nextAttemptAt)]);

export const tables = { insurers, facilities, patients, cards, qualifications, confirmations, insurerChangeOutbox };
export type Tables = typeof tables;
