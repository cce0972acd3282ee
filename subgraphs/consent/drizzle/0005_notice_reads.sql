CREATE TABLE "consent"."notice_reads" (
	"patient_id" text PRIMARY KEY NOT NULL,
	"read_through" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
