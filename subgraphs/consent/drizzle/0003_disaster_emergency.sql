-- Disaster mode and emergency access (docs/domain.md "Disaster", "Emergency access"): the consent or exemption of a
-- disaster identification, staff viewing authorities, hospitals, emergency accesses, and the append-only search log.
ALTER TABLE "consent"."disaster_identifications" ADD COLUMN "basis" text;
--> statement-breakpoint
ALTER TABLE "consent"."disaster_identifications" ADD COLUMN "basis_reason" text;
--> statement-breakpoint
ALTER TABLE "consent"."disaster_identifications" ADD COLUMN "basis_recorded_by" text;
--> statement-breakpoint
ALTER TABLE "consent"."disaster_identifications" ADD COLUMN "basis_recorded_at" timestamp with time zone;
--> statement-breakpoint
CREATE TABLE "consent"."viewing_authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"facility_code" text NOT NULL,
	"authority" text NOT NULL,
	"disaster_id" uuid,
	"granted_by" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "viewing_authorities_subject_idx" ON "consent"."viewing_authorities" USING btree ("subject","facility_code");
--> statement-breakpoint
CREATE TABLE "consent"."hospitals" (
	"facility_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."emergency_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_code" text NOT NULL,
	"patient_id" text NOT NULL,
	"actor_subject" text NOT NULL,
	"identified_by" text NOT NULL,
	"reason" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "emergency_accesses_patient_idx" ON "consent"."emergency_accesses" USING btree ("patient_id","facility_code");
--> statement-breakpoint
CREATE TABLE "consent"."search_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_subject" text NOT NULL,
	"facility_code" text,
	"outcome" text NOT NULL,
	"patient_id" text,
	"request_id" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_log_facility_at_idx" ON "consent"."search_log" USING btree ("facility_code","at");
--> statement-breakpoint
-- The search log is append-only like the access log (0001): the same trigger function rejects changes.
CREATE TRIGGER search_log_no_update_delete BEFORE UPDATE OR DELETE ON "consent"."search_log"
  FOR EACH ROW EXECUTE FUNCTION "consent".reject_access_log_change();
--> statement-breakpoint
CREATE TRIGGER search_log_no_truncate BEFORE TRUNCATE ON "consent"."search_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "consent".reject_access_log_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "consent"."search_log" FROM PUBLIC;
