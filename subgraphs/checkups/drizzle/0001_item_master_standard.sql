ALTER TABLE "checkups"."checkup_items" ADD COLUMN "value_type" text DEFAULT 'PQ' NOT NULL;--> statement-breakpoint
ALTER TABLE "checkups"."checkup_items" ADD COLUMN "analyte" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "checkups"."checkup_items" ADD COLUMN "answers" jsonb;--> statement-breakpoint
ALTER TABLE "checkups"."checkup_items" ADD COLUMN "answers_en" jsonb;--> statement-breakpoint
ALTER TABLE "checkups"."checkup_items" ADD COLUMN "plausible_min" double precision;--> statement-breakpoint
ALTER TABLE "checkups"."checkup_items" ADD COLUMN "plausible_max" double precision;