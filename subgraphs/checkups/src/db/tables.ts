import { boolean, date, doublePrecision, index, integer, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Everything this subgraph stores lives in its own schema (ADR 0004). */
export const checkupsSchema = pgSchema('checkups');

/**
 * The 特定健診 item master (docs/domain.md "Specific health checkups (特定健診)"; the MHLW standard item list, docs/checkup-items.md),
 * loaded from data/checkup-items.csv at start-up. Validation and judgements use services/itemMaster.ts; this table lets
 * SQL users and reports join names, units, answer labels and thresholds.
 */
export const checkupItems = checkupsSchema.table('checkup_items', {
  code: text('code').primaryKey(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  kind: text('kind').notNull(),
  direction: text('direction'),
  guidanceThreshold: doublePrecision('guidance_threshold'),
  seeDoctorThreshold: doublePrecision('see_doctor_threshold'),
  /** Only where the sex changes the threshold (waist: men 85 / women 90 cm). */
  guidanceThresholdMale: doublePrecision('guidance_threshold_male'),
  guidanceThresholdFemale: doublePrecision('guidance_threshold_female'),
  /** HL7 value type in the file: PQ, CO, CD or ST. */
  valueType: text('value_type').notNull().default('PQ'),
  /** What is measured, shared by the method variants of one test (HBA1C). */
  analyte: text('analyte').notNull().default(''),
  /** Coded items: answer code → label, in Japanese and English. */
  answers: jsonb('answers').$type<Record<string, string>>(),
  answersEn: jsonb('answers_en').$type<Record<string, string>>(),
  plausibleMin: doublePrecision('plausible_min'),
  plausibleMax: doublePrecision('plausible_max'),
});

/**
 * One 特定健診 per person per fiscal year (docs/domain.md "Specific health checkups (特定健診)": yearly, kept 5 years). Keyed by patient_id first so the
 * table can be distributed by patient (docs/scaling.md "Distribution plan (Citus-style, distributed by patient id)").
 */
export const checkups = checkupsSchema.table('checkups', {
  patientId: text('patient_id').notNull(),
  fiscalYear: integer('fiscal_year').notNull(),
  examinedOn: date('examined_on', { mode: 'string' }).notNull(),
  /** 健診機関 (10-digit code) that examined the person. */
  facilityCode: text('facility_code').notNull(),
  /** The insurer that commissioned the checkup (the one in force on examinedOn). */
  insurerNumber: text('insurer_number').notNull(),
  /** 'M' | 'F': the waist threshold and 階層化 step 1 depend on it; this subgraph does not own identity. */
  sex: text('sex').notNull(),
  /** Age at the end of the fiscal year (年度末年齢), which 特定保健指導 uses for the 65–74 rule. */
  ageAtFiscalYearEnd: integer('age_at_fiscal_year_end').notNull(),
  /** Blood drawn fasting (selects the TG cut-off of 階層化: 150 fasting / 175 non-fasting). */
  fasting: boolean('fasting').notNull(),
  /** DEMO | SUBMISSION | CDA */
  source: text('source').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.patientId, t.fiscalYear] })]);

/** One result per item (JLAC10) of a checkup; patient_id first, like every large table. */
export const checkupResults = checkupsSchema.table('checkup_results', {
  patientId: text('patient_id').notNull(),
  fiscalYear: integer('fiscal_year').notNull(),
  itemCode: text('item_code').notNull(),
  /** Numeric items (measurements). */
  numericValue: doublePrecision('numeric_value'),
  /** Qualitative and coded items: the label (−, ±, はい …) or the doctor's free text. */
  textValue: text('text_value'),
  /** The raw answer code of qualitative / coded items ('1'…'5', '1'/'2'). */
  answerCode: text('answer_code'),
  unit: text('unit').notNull(),
}, (t) => [primaryKey({ columns: [t.patientId, t.fiscalYear, t.itemCode] })]);

/**
 * Which insurer currently holds each member's checkup data. On an insurer change the member's data moves to the
 * new insurer without the person's consent (docs/domain.md; seed 保険者間の特定健診データの引継ぎ): a copy, the old insurer keeps reading only what it commissioned (readAccess.ts).
 */
export const insurerMemberships = checkupsSchema.table('insurer_memberships', {
  patientId: text('patient_id').primaryKey(),
  insurerNumber: text('insurer_number').notNull(),
  /** Effective date of the change that gave this insurer the data; older events do not override it. */
  since: date('since', { mode: 'string' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The record of each transfer (docs/contracts.md contract 6 events, idempotent by event id). */
export const insurerTransfers = checkupsSchema.table('insurer_transfers', {
  eventId: text('event_id').primaryKey(),
  patientId: text('patient_id').notNull(),
  fromInsurerNumber: text('from_insurer_number'),
  toInsurerNumber: text('to_insurer_number').notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  /** False when a newer change was already applied (an out-of-order retry): recorded, not applied. */
  applied: boolean('applied').notNull(),
  /** Checkups of the 5-year window that moved with the member. */
  checkupsMoved: integer('checkups_moved').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('insurer_transfers_patient_idx').on(t.patientId, t.effectiveDate)]);

/**
 * 保険者番号 + 被保険者証記号・番号 → patient, so that a CDA file (which names the member by these numbers, never by
 * our opaque id) can be matched. Filled from the coverages this subgraph learns about; random demo numbers may
 * collide, so the patient is part of the key and an ambiguous match is refused.
 */
export const insuredNumbers = checkupsSchema.table('insured_numbers', {
  insurerNumber: text('insurer_number').notNull(),
  insuredCardSymbol: text('insured_card_symbol').notNull(),
  insuredIdentificationNumber: text('insured_identification_number').notNull(),
  patientId: text('patient_id').notNull(),
}, (t) => [primaryKey({ columns: [t.insurerNumber, t.insuredCardSymbol, t.insuredIdentificationNumber, t.patientId] })]);

/**
 * One upload of an exchange archive (docs/api-guide.md "Checkup exchange archives"): who sent it and how it ended.
 * The per-file report is kept so that the insurer can download it again (archive_import_files).
 */
export const archiveImports = checkupsSchema.table('archive_imports', {
  id: text('id').primaryKey(),
  insurerNumber: text('insurer_number').notNull(),
  /** The uploading account (token subject). */
  uploadedBy: text('uploaded_by').notNull(),
  requestId: text('request_id').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** RUNNING | DONE | REFUSED (the archive as a whole: a bomb, a path trick, not a ZIP) | FAILED */
  status: text('status').notNull(),
  /** Why the archive as a whole was refused (REFUSED / FAILED). */
  reason: text('reason'),
  files: integer('files').notNull().default(0),
  stored: integer('stored').notNull().default(0),
  refused: integer('refused').notNull().default(0),
});

/** One line of an archive's report: each entry stored, refused (reason, item, line) or read as index/summary. */
export const archiveImportFiles = checkupsSchema.table('archive_import_files', {
  importId: text('import_id').notNull(),
  seq: integer('seq').notNull(),
  name: text('name').notNull(),
  /** STORED | REFUSED | INDEX (index/summary file, read not stored) */
  outcome: text('outcome').notNull(),
  reason: text('reason'),
  item: text('item'),
  line: integer('line'),
  message: text('message'),
  patientId: text('patient_id'),
  fiscalYear: integer('fiscal_year'),
}, (t) => [primaryKey({ columns: [t.importId, t.seq] })]);

export const tables = { checkupItems, checkups, checkupResults, insurerMemberships, insurerTransfers, insuredNumbers, archiveImports, archiveImportFiles };
export type Tables = typeof tables;
