-- Onboarding (docs/operations.md "Taking a new facility into use"), first slice: facilities registered by the operator, facility administrators, staff
-- enrollment with a one-time link and a confirmed TOTP, disabled accounts, and the before/after of every admin action.
CREATE TABLE "consent"."facilities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"prefecture" text NOT NULL,
	"hospital" boolean NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent"."accounts" ADD COLUMN "facility_admin" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "consent"."accounts" ADD COLUMN "disabled_at" timestamp with time zone;
--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_facility_staff_idx" ON "consent"."accounts" USING btree ("facility_code","staff_id");
--> statement-breakpoint
CREATE TABLE "consent"."staff_enrollments" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account" text NOT NULL,
	"pending_totp_secret" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "staff_enrollments_account_idx" ON "consent"."staff_enrollments" USING btree ("account");
--> statement-breakpoint
CREATE TABLE "consent"."admin_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_role" text NOT NULL,
	"actor_subject" text NOT NULL,
	"facility_code" text,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE INDEX "admin_changes_facility_at_idx" ON "consent"."admin_changes" USING btree ("facility_code","at");
--> statement-breakpoint
-- Like the access log it belongs to (0001): what an operator changed is never rewritten.
CREATE TRIGGER admin_changes_no_update_delete BEFORE UPDATE OR DELETE ON "consent"."admin_changes"
  FOR EACH ROW EXECUTE FUNCTION "consent".reject_access_log_change();
