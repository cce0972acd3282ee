-- Claim items keep no foreign keys (docs/drugs.md "Claim items and their integrity"). PostgreSQL checks a foreign key
-- with one query per inserted row: the two on claim_items (to their claim, to the drug master) were about 35 µs of
-- PostgreSQL's time per claim of a month's ingest, a third of it (docs/benchmarks.md "Claim re-routing"). What they
-- guarded is held by the one writer instead: a claim and its items come from one validated claim and are written in
-- one transaction, items are deleted before their claims, and a drug code is checked against the master (which only
-- grows) before anything is written.
ALTER TABLE "drugs"."claim_items" DROP CONSTRAINT IF EXISTS "claim_items_patient_id_claim_id_claims_patient_id_claim_id_fk";--> statement-breakpoint
ALTER TABLE "drugs"."claim_items" DROP CONSTRAINT IF EXISTS "claim_items_drug_code_drug_master_drug_code_fk";
