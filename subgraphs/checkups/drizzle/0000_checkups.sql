CREATE SCHEMA IF NOT EXISTS "checkups";
--> statement-breakpoint
CREATE TABLE "checkups"."checkup_items" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"kind" text NOT NULL,
	"direction" text,
	"guidance_threshold" double precision,
	"see_doctor_threshold" double precision,
	"guidance_threshold_male" double precision,
	"guidance_threshold_female" double precision
);
--> statement-breakpoint
CREATE TABLE "checkups"."checkup_results" (
	"patient_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"item_code" text NOT NULL,
	"numeric_value" double precision,
	"text_value" text,
	"answer_code" text,
	"unit" text NOT NULL,
	CONSTRAINT "checkup_results_patient_id_fiscal_year_item_code_pk" PRIMARY KEY("patient_id","fiscal_year","item_code")
);
--> statement-breakpoint
CREATE TABLE "checkups"."checkups" (
	"patient_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"examined_on" date NOT NULL,
	"facility_code" text NOT NULL,
	"insurer_number" text NOT NULL,
	"sex" text NOT NULL,
	"age_at_fiscal_year_end" integer NOT NULL,
	"fasting" boolean NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkups_patient_id_fiscal_year_pk" PRIMARY KEY("patient_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "checkups"."insured_numbers" (
	"insurer_number" text NOT NULL,
	"insured_card_symbol" text NOT NULL,
	"insured_identification_number" text NOT NULL,
	"patient_id" text NOT NULL,
	CONSTRAINT "insured_numbers_insurer_number_insured_card_symbol_insured_identification_number_patient_id_pk" PRIMARY KEY("insurer_number","insured_card_symbol","insured_identification_number","patient_id")
);
--> statement-breakpoint
CREATE TABLE "checkups"."insurer_memberships" (
	"patient_id" text PRIMARY KEY NOT NULL,
	"insurer_number" text NOT NULL,
	"since" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkups"."insurer_transfers" (
	"event_id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"from_insurer_number" text,
	"to_insurer_number" text NOT NULL,
	"effective_date" date NOT NULL,
	"applied" boolean NOT NULL,
	"checkups_moved" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "insurer_transfers_patient_idx" ON "checkups"."insurer_transfers" USING btree ("patient_id","effective_date");