CREATE SCHEMA IF NOT EXISTS "drugs";
--> statement-breakpoint
CREATE TABLE "drugs"."drug_master" (
	"drug_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
