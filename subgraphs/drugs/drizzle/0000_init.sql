CREATE SCHEMA IF NOT EXISTS "drugs";
--> statement-breakpoint
CREATE TABLE "drugs"."claim_items" (
	"patient_id" text NOT NULL,
	"claim_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"date" date NOT NULL,
	"drug_code" text NOT NULL,
	"quantity" double precision NOT NULL,
	"unit" text NOT NULL,
	"usage" text NOT NULL,
	"days" integer,
	"in_out" text NOT NULL,
	"prescribing_facility_code" text NOT NULL,
	"pharmacy_code" text,
	CONSTRAINT "claim_items_patient_id_claim_id_line_no_pk" PRIMARY KEY("patient_id","claim_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "drugs"."claims" (
	"patient_id" text NOT NULL,
	"claim_id" uuid NOT NULL,
	"claim_kind" text NOT NULL,
	"facility_code" text NOT NULL,
	"prescribing_facility_code" text,
	"insurer_number" text NOT NULL,
	"service_month" text NOT NULL,
	"total_points" integer NOT NULL,
	"patient_share_yen" integer NOT NULL,
	"batch_id" uuid NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_patient_id_claim_id_pk" PRIMARY KEY("patient_id","claim_id")
);
--> statement-breakpoint
CREATE TABLE "drugs"."drug_master" (
	"drug_code" text PRIMARY KEY NOT NULL,
	"route" text NOT NULL,
	"ingredient" text NOT NULL,
	"strength" text NOT NULL,
	"name" text NOT NULL,
	"maker" text NOT NULL,
	"kind" text NOT NULL,
	"price_in_hundredths_of_yen" integer NOT NULL,
	"dosage_unit" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "drugs"."claim_items" ADD CONSTRAINT "claim_items_drug_code_drug_master_drug_code_fk" FOREIGN KEY ("drug_code") REFERENCES "drugs"."drug_master"("drug_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drugs"."claim_items" ADD CONSTRAINT "claim_items_patient_id_claim_id_claims_patient_id_claim_id_fk" FOREIGN KEY ("patient_id","claim_id") REFERENCES "drugs"."claims"("patient_id","claim_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_items_patient_date_idx" ON "drugs"."claim_items" USING btree ("patient_id","date");--> statement-breakpoint
CREATE INDEX "claim_items_date_idx" ON "drugs"."claim_items" USING btree ("date");--> statement-breakpoint
CREATE INDEX "claims_patient_month_idx" ON "drugs"."claims" USING btree ("patient_id","service_month");--> statement-breakpoint
CREATE INDEX "claims_service_month_idx" ON "drugs"."claims" USING btree ("service_month");