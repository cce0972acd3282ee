CREATE TABLE "consent"."card_readers" (
	"id" text PRIMARY KEY NOT NULL,
	"facility_code" text NOT NULL,
	"public_key" text NOT NULL,
	"status" text NOT NULL,
	"label" text,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent"."reader_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"reader_id" text NOT NULL,
	"facility_code" text NOT NULL,
	"patient_id" text NOT NULL,
	"card_serial" text NOT NULL,
	"method" text NOT NULL,
	"attested_by" text,
	"drug_answer" boolean NOT NULL,
	"checkup_answer" boolean NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reader_verifications_challenge_id_unique" UNIQUE("challenge_id")
);
--> statement-breakpoint
ALTER TABLE "consent"."consents" ADD COLUMN "verification_id" uuid;--> statement-breakpoint
CREATE INDEX "card_readers_facility_idx" ON "consent"."card_readers" USING btree ("facility_code");--> statement-breakpoint
CREATE INDEX "reader_verifications_patient_idx" ON "consent"."reader_verifications" USING btree ("patient_id","verified_at");