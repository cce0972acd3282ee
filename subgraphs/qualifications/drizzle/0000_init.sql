CREATE SCHEMA IF NOT EXISTS "qualifications";
--> statement-breakpoint
CREATE TABLE "qualifications"."cards" (
	"serial" text PRIMARY KEY NOT NULL,
	"linkage_number" text NOT NULL,
	"registered_at" timestamp with time zone,
	"status" text DEFAULT 'ACTIVE' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications"."facilities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"prefecture" text NOT NULL,
	"address" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications"."insurers" (
	"number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"prefecture" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications"."patients" (
	"id" text PRIMARY KEY NOT NULL,
	"linkage_number" text NOT NULL,
	"name" text NOT NULL,
	"name_kana" text NOT NULL,
	"sex" text NOT NULL,
	"birthdate" date NOT NULL,
	"post_number" text NOT NULL,
	"address" text NOT NULL,
	CONSTRAINT "patients_linkage_number_unique" UNIQUE("linkage_number")
);
--> statement-breakpoint
CREATE TABLE "qualifications"."qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" text NOT NULL,
	"insurer_number" text NOT NULL,
	"insured_card_symbol" text NOT NULL,
	"insured_identification_number" text NOT NULL,
	"insured_branch_number" text NOT NULL,
	"personal_family_classification" text NOT NULL,
	"qualification_date" date NOT NULL,
	"disqualification_date" date,
	"insured_partial_contribution_ratio" text NOT NULL,
	"limit_application_certificate_classification_flag" text
);
--> statement-breakpoint
CREATE INDEX "cards_linkage_idx" ON "qualifications"."cards" USING btree ("linkage_number");--> statement-breakpoint
CREATE INDEX "qualifications_patient_date_idx" ON "qualifications"."qualifications" USING btree ("patient_id","qualification_date");--> statement-breakpoint
CREATE UNIQUE INDEX "qualifications_insured_number_idx" ON "qualifications"."qualifications" USING btree ("insurer_number","insured_card_symbol","insured_identification_number","insured_branch_number","qualification_date");