-- Onboarding (docs/operations.md "PHR apps"): PHR apps are registered by the operator, not seeded. An app names the company that runs it
-- (shown to patients next to its display name), the data categories it may ask patients for, and when it was
-- registered, its secret last rotated and (if so) disabled. Apps registered before keep every category and an
-- empty operator name until the operator edits them (docs/operations.md "PHR apps").
ALTER TABLE "consent"."phr_apps" ADD COLUMN "operator_name" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "consent"."phr_apps" ADD COLUMN "scopes" text[] DEFAULT ARRAY['QUALIFICATION','DRUG','CHECKUP','EXPENSES']::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "consent"."phr_apps" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
ALTER TABLE "consent"."phr_apps" ADD COLUMN "rotated_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "consent"."phr_apps" ADD COLUMN "disabled_at" timestamp with time zone;
--> statement-breakpoint
CREATE INDEX "phr_grants_app_idx" ON "consent"."phr_grants" USING btree ("app_id");
--> statement-breakpoint
CREATE INDEX "admin_changes_target_at_idx" ON "consent"."admin_changes" USING btree ("target","at");
