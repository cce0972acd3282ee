-- Claim key: facility + month of care + claim number. Claims stored before the key existed get their
-- claim id as claim number (unique, and no sender can resend under it) and an empty digest.
ALTER TABLE "drugs"."claims" ADD COLUMN "claim_number" text;--> statement-breakpoint
UPDATE "drugs"."claims" SET "claim_number" = "claim_id"::text WHERE "claim_number" IS NULL;--> statement-breakpoint
ALTER TABLE "drugs"."claims" ALTER COLUMN "claim_number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "drugs"."claims" ADD COLUMN "content_digest" text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "drugs"."claims" ALTER COLUMN "content_digest" DROP DEFAULT;--> statement-breakpoint
CREATE UNIQUE INDEX "claims_claim_key_idx" ON "drugs"."claims" USING btree ("facility_code","service_month","claim_number");
