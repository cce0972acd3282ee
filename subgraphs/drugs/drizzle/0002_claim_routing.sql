-- Re-routing claims by the qualification history (docs/drugs.md "Re-routing claims (レセプト振替)"): where a claim was
-- addressed and why it was re-routed, the claims returned to facilities, and the running totals the reports read.
CREATE TABLE "drugs"."claim_routing_counts" (
	"service_month" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"insurer_number" text NOT NULL,
	"facility_code" text NOT NULL,
	"claims" integer NOT NULL,
	"points" bigint NOT NULL,
	CONSTRAINT "claim_routing_counts_service_month_outcome_reason_insurer_number_facility_code_pk" PRIMARY KEY("service_month","outcome","reason","insurer_number","facility_code")
);
--> statement-breakpoint
CREATE TABLE "drugs"."returned_claims" (
	"patient_id" text NOT NULL,
	"claim_id" uuid NOT NULL,
	"claim_kind" text NOT NULL,
	"claim_number" text NOT NULL,
	"facility_code" text NOT NULL,
	"billed_insurer_number" text NOT NULL,
	"service_month" text NOT NULL,
	"total_points" integer NOT NULL,
	"reason" text NOT NULL,
	"coverage_insurer_numbers" text[] NOT NULL,
	"content_digest" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"returned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "returned_claims_patient_id_claim_id_pk" PRIMARY KEY("patient_id","claim_id")
);
--> statement-breakpoint
ALTER TABLE "drugs"."claims" ADD COLUMN "billed_insurer_number" text;--> statement-breakpoint
ALTER TABLE "drugs"."claims" ADD COLUMN "routing" text;--> statement-breakpoint
ALTER TABLE "drugs"."claims" ADD COLUMN "routing_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "returned_claims_content_idx" ON "drugs"."returned_claims" USING btree ("facility_code","service_month","claim_number","content_digest");--> statement-breakpoint
CREATE INDEX "returned_claims_billed_insurer_idx" ON "drugs"."returned_claims" USING btree ("billed_insurer_number","service_month");--> statement-breakpoint
CREATE INDEX "claims_insurer_month_idx" ON "drugs"."claims" USING btree ("insurer_number","service_month");