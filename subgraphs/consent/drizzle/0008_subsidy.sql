-- Onboarding, subsidy (docs/operations.md "Subsidy (医療情報化支援基金)"): a facility's application to the 医療情報化支援基金 after it went live, the amount
-- computed by one named rule version (services/subsidy.ts, docs/operations.md "Subsidy"), the operator's review and
-- payment. One open (not rejected) application per facility; a rejected one may be followed by a new one.
CREATE TABLE "consent"."subsidy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_code" text NOT NULL,
	"rule_version" text NOT NULL,
	"category" text NOT NULL,
	"system_cost" integer NOT NULL,
	"network_cost" integer NOT NULL,
	"reader_cost" integer NOT NULL,
	"other_cost" integer NOT NULL,
	"readers_bought" integer NOT NULL,
	"large_chain_pharmacy" boolean NOT NULL,
	"went_live_on" text NOT NULL,
	"subsidy_amount" integer NOT NULL,
	"status" text NOT NULL,
	"rejection_reason" text,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"paid_by" text,
	"paid_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "subsidy_applications_facility_idx" ON "consent"."subsidy_applications" USING btree ("facility_code","submitted_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_open_idx" ON "consent"."subsidy_applications" USING btree ("facility_code") WHERE "status" <> 'REJECTED';
