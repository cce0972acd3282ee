-- Onboarding (docs/operations.md "Registering an insurer"): insurers and their operator accounts are registered by the operator, not seeded
-- (docs/operations.md "Registering an insurer"). Operators and insurers log in with their staff ID and no facility
-- code, so among accounts without a facility the staff ID alone must name one account.
CREATE TABLE "consent"."insurers" (
	"number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"prefecture" text NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_nonfacility_staff_idx" ON "consent"."accounts" USING btree ("staff_id") WHERE "consent"."accounts"."facility_code" IS NULL AND "consent"."accounts"."staff_id" IS NOT NULL;
