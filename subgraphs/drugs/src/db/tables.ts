import { bigint, date, doublePrecision, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
 * レセプト header: the source of truth for drug information and medical-expense notices (docs/domain.md
 * "Drug information (薬剤情報) and medical expenses"). Keyed by patient first so the table can be distributed on patient_id
 * (docs/scaling.md "Distribution plan (Citus-style, distributed by patient id)").
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
    /** The insurer the claim is stored under: the one that covered the person on the dates of care (re-routing). */
    insurerNumber: text('insurer_number').notNull(),
    /** The insurer the facility addressed, when the claim was re-routed to another (レセプト振替); else null. */
    billedInsurerNumber: text('billed_insurer_number'),
    /**
     * AS_BILLED or REROUTED when the ingest checked the insurer against the qualification history; null for claims
     * stored unchecked (the demo seed, or a file ingested on a stopped system). docs/drugs.md "Re-routing claims".
     */
    routing: text('routing'),
    /** Why it was re-routed (services/claimRouting.ts RoutingReason); null when stored as billed. */
    routingReason: text('routing_reason'),
    /** 診療年月 / 調剤年月, YYYY-MM. */
    serviceMonth: text('service_month').notNull(),
    totalPoints: integer('total_points').notNull(),
    patientShareYen: integer('patient_share_yen').notNull(),
    /** レセプト番号; with the billing facility and the month it is the claim key. */
    claimNumber: text('claim_number').notNull(),
    /** SHA-256 of the claim as received: a resend with the same digest is a no-op, another digest is refused. */
    contentDigest: text('content_digest').notNull(),
    /** One ingest batch (mutation or CLI run) or the demo seed; lets operators trace a batch. */
    batchId: uuid('batch_id').notNull(),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Also a patient's claims (medical expenses): at most ~60 in the 5-year window, read whole by the patient prefix.
    primaryKey({ columns: [table.patientId, table.claimId] }),
    // The retention purge deletes by month across all patients; claims arrive month by month, so a BRIN index finds
    // the old ranges at almost no upkeep per inserted claim (docs/drugs.md "Claim indexes", migration 0004).
    index('claims_service_month_idx').using('brin', table.serviceMonth),
    // The claim key: one claim per facility, month of care and claim number, whichever patient it names.
    uniqueIndex('claims_claim_key_idx').on(table.facilityCode, table.serviceMonth, table.claimNumber),
    // An insurer's claims of a month (the claims routed to it).
    index('claims_insurer_month_idx').on(table.insurerNumber, table.serviceMonth),
  ],
);

/**
 * Claims returned to the facility (返戻) because no single insurer covered the person on the dates of care: never
 * stored as billed (no drug information, no medical expenses), listed for the facility and the insurers concerned with
 * a reason. A resend is checked again (the coverage may have been corrected meanwhile); the same content resent while
 * still unroutable is one row. docs/drugs.md "Re-routing claims (レセプト振替)".
 */
export const returnedClaims = drugsSchema.table(
  'returned_claims',
  {
    patientId: text('patient_id').notNull(),
    claimId: uuid('claim_id').notNull(),
    claimKind: text('claim_kind').notNull(),
    claimNumber: text('claim_number').notNull(),
    facilityCode: text('facility_code').notNull(),
    billedInsurerNumber: text('billed_insurer_number').notNull(),
    serviceMonth: text('service_month').notNull(),
    totalPoints: integer('total_points').notNull(),
    /** services/claimRouting.ts ReturnReason. */
    reason: text('reason').notNull(),
    /** Insurers whose coverage touched the month (the other insurers concerned, e.g. both of an overlap). */
    coverageInsurerNumbers: text('coverage_insurer_numbers').array().notNull(),
    contentDigest: text('content_digest').notNull(),
    batchId: uuid('batch_id').notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.patientId, table.claimId] }),
    uniqueIndex('returned_claims_content_idx').on(table.facilityCode, table.serviceMonth, table.claimNumber, table.contentDigest),
    index('returned_claims_billed_insurer_idx').on(table.billedInsurerNumber, table.serviceMonth),
  ],
);

/**
 * Running totals of the routing check per month of care, outcome, reason, insurer and facility, written in the
 * ingest's transaction: the insurer's monthly re-routing report and the operator's national statistics read these
 * small rows instead of scanning claims. `insurerNumber` is the insurer stored under (AS_BILLED, REROUTED) or the
 * one addressed (RETURNED); `reason` is '' for AS_BILLED.
 */
export const claimRoutingCounts = drugsSchema.table(
  'claim_routing_counts',
  {
    serviceMonth: text('service_month').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    insurerNumber: text('insurer_number').notNull(),
    facilityCode: text('facility_code').notNull(),
    claims: integer('claims').notNull(),
    points: bigint('points', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.serviceMonth, table.outcome, table.reason, table.insurerNumber, table.facilityCode] })],
);

/**
 * One drug line of a claim (明細書 item), denormalised with the prescriber and pharmacy so that a page of
 * drug information is one indexed read per batch of patients. No foreign keys (to the claim, to the drug master):
 * PostgreSQL's per-row checks were a third of its time in a month's ingest; the writer holds what they guarded
 * (docs/drugs.md "Claim items and their integrity", migration 0003).
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
    drugCode: text('drug_code').notNull(),
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
    // A patient's items by date (drug pages, the active-drug summary): the key itself, no second index to keep up.
    primaryKey({ columns: [table.patientId, table.date, table.claimId, table.lineNo] }),
    // The retention purge by date; BRIN as for claims_service_month_idx.
    index('claim_items_date_idx').using('brin', table.date),
  ],
);

export const tables = { drugMaster, claims, claimItems, returnedClaims, claimRoutingCounts };
export type Tables = typeof tables;
