-- Fewer indexes to keep up while a month of claims is ingested (docs/drugs.md "Claim indexes"). Every inserted claim
-- updated five B-trees and every item three, at random places in indexes of 10⁶–10⁸ entries; that upkeep was the
-- larger part of PostgreSQL's time per claim in the re-routing benchmark (docs/benchmarks.md "Claim re-routing").
--
-- 1. A patient's reads are served by the primary keys, which lead with the patient id:
--    claims by (patient_id, claim_id) — a patient has at most ~60 claims in the 5-year window, read whole —, and
--    claim items by (patient_id, date, claim_id, line_no), which also orders them by date for the drug pages and the
--    active-drug summary. claims_patient_month_idx and claim_items_patient_date_idx repeated those prefixes.
-- 2. The daily retention purge is the only reader of the month/date indexes, and claims arrive month by month, so
--    the heap is in service order: BRIN indexes (one summary per 128 pages) find the purged ranges at almost no
--    upkeep cost.
DROP INDEX IF EXISTS "drugs"."claims_patient_month_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "drugs"."claims_service_month_idx";--> statement-breakpoint
CREATE INDEX "claims_service_month_idx" ON "drugs"."claims" USING brin ("service_month");--> statement-breakpoint
DROP INDEX IF EXISTS "drugs"."claim_items_patient_date_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "drugs"."claim_items_date_idx";--> statement-breakpoint
CREATE INDEX "claim_items_date_idx" ON "drugs"."claim_items" USING brin ("date");--> statement-breakpoint
ALTER TABLE "drugs"."claim_items" DROP CONSTRAINT "claim_items_patient_id_claim_id_line_no_pk";--> statement-breakpoint
ALTER TABLE "drugs"."claim_items" ADD CONSTRAINT "claim_items_patient_id_date_claim_id_line_no_pk" PRIMARY KEY ("patient_id", "date", "claim_id", "line_no");
