CREATE SCHEMA IF NOT EXISTS "checkups";
--> statement-breakpoint
CREATE TABLE "checkups"."checkup_items" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ja" text NOT NULL
);
