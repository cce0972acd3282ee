ALTER TABLE "consent"."dv_blocks" ADD COLUMN "registered_by_role" text DEFAULT 'ADMIN' NOT NULL;--> statement-breakpoint
ALTER TABLE "consent"."dv_blocks" ADD COLUMN "request_reference" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "consent"."dv_blocks" ADD COLUMN "lifted_by" text;--> statement-breakpoint
ALTER TABLE "consent"."dv_blocks" ADD COLUMN "lifted_by_role" text;--> statement-breakpoint
ALTER TABLE "consent"."dv_blocks" ADD COLUMN "lift_reference" text;--> statement-breakpoint
ALTER TABLE "consent"."identity_index" ADD COLUMN "linkage_number" text;--> statement-breakpoint
ALTER TABLE "consent"."identity_index" ADD COLUMN "current_insurer_number" text;--> statement-breakpoint
-- Until qualifications' events say otherwise, the newest insurer an existing row knows is the last one appended.
UPDATE "consent"."identity_index" SET "current_insurer_number" = "insurer_numbers"[array_length("insurer_numbers", 1)];--> statement-breakpoint
CREATE UNIQUE INDEX "identity_index_linkage_number_idx" ON "consent"."identity_index" USING btree ("linkage_number");
