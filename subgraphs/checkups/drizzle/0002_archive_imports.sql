CREATE TABLE "checkups"."archive_import_files" (
	"import_id" text NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"item" text,
	"line" integer,
	"message" text,
	"patient_id" text,
	"fiscal_year" integer,
	CONSTRAINT "archive_import_files_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "checkups"."archive_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"insurer_number" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"request_id" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"reason" text,
	"files" integer DEFAULT 0 NOT NULL,
	"stored" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL
);
