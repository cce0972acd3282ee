CREATE TABLE "qualifications"."confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" text,
	"facility_code" text NOT NULL,
	"method" text NOT NULL,
	"reference_classification" text NOT NULL,
	"qualification_validity" text NOT NULL,
	"staff_subject" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications"."insurer_change_outbox" (
	"event_id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "qualifications"."qualifications" ADD COLUMN "elderly_recipient_contribution_ratio" text;--> statement-breakpoint
ALTER TABLE "qualifications"."qualifications" ADD COLUMN "elderly_recipient_valid_start_date" date;--> statement-breakpoint
ALTER TABLE "qualifications"."qualifications" ADD COLUMN "elderly_recipient_valid_end_date" date;--> statement-breakpoint
CREATE INDEX "confirmations_patient_at_idx" ON "qualifications"."confirmations" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "confirmations_facility_at_idx" ON "qualifications"."confirmations" USING btree ("facility_code","at");--> statement-breakpoint
CREATE INDEX "insurer_change_outbox_pending_idx" ON "qualifications"."insurer_change_outbox" USING btree ("delivered_at","next_attempt_at");