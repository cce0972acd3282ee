import { date, doublePrecision, foreignKey, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Everything this subgraph stores lives in its own schema (ADR 0004). */
export const drugsSchema = pgSchema('drugs');

/**
 * 医薬品マスタ: a small reference table, loaded from data/drug-master.csv at every start (the CSV is
 * the source; the table lets SQL join names and ingredients onto claim items).
 */
export const drugMaster = drugsSchema.table('drug_master', {
  /** 薬価基準収載医薬品コード (YJ code for most products). */
  drugCode: text('drug_code').primaryKey(),
  /** 内用 oral / 外用 external / injection / dental. */
  route: text('route').notNull(),
  /** 一般名 (成分名), IngreN in drug information. */
  ingredient: text('ingredient').notNull(),
  strength: text('strength').notNull(),
  /** 販売名, DrugN in drug information. */
  name: text('name').notNull(),
  maker: text('maker').notNull(),
  /** brand 先発品 / generic 後発品 / other. */
  kind: text('kind').notNull(),
  /** 薬価 in hundredths of a yen (integer money arithmetic). */
  priceInHundredthsOfYen: integer('price_in_hundredths_of_yen').notNull(),
  dosageUnit: text('dosage_unit').notNull(),
});

/**
 * レセプト header: the source of truth for drug information and medical-expense notices (DOMAIN.md
 * "Drug information"). Keyed by patient first so the table can be distributed on patient_id (ARCHITECTURE.md
 * "Beyond one machine").
 */
export const claims = drugsSchema.table(
  'claims',
  {
    patientId: text('patient_id').notNull(),
    claimId: uuid('claim_id').notNull(),
    /** MEDICAL 医科 / DPC / DENTAL 歯科 / PHARMACY 調剤. */
    claimKind: text('claim_kind').notNull(),
    /** Billing facility (the pharmacy on a PHARMACY claim). */
    facilityCode: text('facility_code').notNull(),
    /** 処方医療機関: only on PHARMACY claims. */
    prescribingFacilityCode: text('prescribing_facility_code'),
    insurerNumber: text('insurer_number').notNull(),
    /** 診療年月 / 調剤年月, YYYY-MM. */
    serviceMonth: text('service_month').notNull(),
    totalPoints: integer('total_points').notNull(),
    patientShareYen: integer('patient_share_yen').notNull(),
    /** レセプト番号; with the billing facility and the month it is the claim key (issue 17). */
    claimNumber: text('claim_number').notNull(),
    /** SHA-256 of the claim as received: a resend with the same digest is a no-op, another digest is refused. */
    contentDigest: text('content_digest').notNull(),
    /** One ingest batch (mutation or CLI run) or the demo seed; lets operators trace a batch. */
    batchId: uuid('batch_id').notNull(),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.patientId, table.claimId] }),
    index('claims_patient_month_idx').on(table.patientId, table.serviceMonth),
    // The retention purge deletes by month across all patients.
    index('claims_service_month_idx').on(table.serviceMonth),
    // The claim key: one claim per facility, month of care and claim number, whichever patient it names.
    uniqueIndex('claims_claim_key_idx').on(table.facilityCode, table.serviceMonth, table.claimNumber),
  ],
);

/**
 * One drug line of a claim (明細書 item), denormalised with the prescriber and pharmacy so that a page of
 * drug information is one indexed read per batch of patients.
 */
export const claimItems = drugsSchema.table(
  'claim_items',
  {
    patientId: text('patient_id').notNull(),
    claimId: uuid('claim_id').notNull(),
    /** 0-based position of the item on its claim. */
    lineNo: integer('line_no').notNull(),
    /** DiDate: dispensing (or 院内 prescribing) date. */
    date: date('date', { mode: 'string' }).notNull(),
    drugCode: text('drug_code').notNull().references(() => drugMaster.drugCode),
    quantity: doublePrecision('quantity').notNull(),
    unit: text('unit').notNull(),
    usage: text('usage').notNull(),
    days: integer('days'),
    /** IN 院内 / OUT 院外. */
    inOut: text('in_out').notNull(),
    prescribingFacilityCode: text('prescribing_facility_code').notNull(),
    /** Dispensing pharmacy, for 院外 prescriptions (PHARMACY claims). */
    pharmacyCode: text('pharmacy_code'),
  },
  (table) => [
    primaryKey({ columns: [table.patientId, table.claimId, table.lineNo] }),
    foreignKey({ columns: [table.patientId, table.claimId], foreignColumns: [claims.patientId, claims.claimId] }).onDelete('cascade'),
    index('claim_items_patient_date_idx').on(table.patientId, table.date),
    index('claim_items_date_idx').on(table.date),
  ],
);

export const tables = { drugMaster, claims, claimItems };
export type Tables = typeof tables;
