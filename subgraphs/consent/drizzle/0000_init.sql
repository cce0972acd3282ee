CREATE SCHEMA IF NOT EXISTS "consent";
--> statement-breakpoint
CREATE TABLE "consent"."access_log" (
	"partition" integer NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_role" text NOT NULL,
	"actor_subject" text NOT NULL,
	"facility_code" text,
	"patient_id" text NOT NULL,
	"category" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"basis_id" text,
	"special" boolean DEFAULT false NOT NULL,
	"request_id" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "access_log_partition_seq_pk" PRIMARY KEY("partition","seq")
);
--> statement-breakpoint
CREATE TABLE "consent"."accounts" (
	"account" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"staff_id" text,
	"subject" text NOT NULL,
	"display_name" text NOT NULL,
	"facility_code" text,
	"facility_kind" text,
	"patient_id" text,
	"insurer_number" text,
	"password_hash" text,
	"totp_secret" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_totp_step" bigint
);
--> statement-breakpoint
CREATE TABLE "consent"."audit_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"heads" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."audit_heads" (
	"partition" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."card_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"card_serial" text NOT NULL,
	"purpose" text NOT NULL,
	"facility_code" text,
	"challenge" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent"."cards" (
	"serial" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"public_key" text NOT NULL,
	"pin_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent"."consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" text NOT NULL,
	"facility_code" text NOT NULL,
	"category" text NOT NULL,
	"method" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent"."disaster_identifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"disaster_id" uuid NOT NULL,
	"facility_code" text NOT NULL,
	"patient_id" text NOT NULL,
	"actor_subject" text NOT NULL,
	"identified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."disasters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefectures" text[] NOT NULL,
	"facility_codes" text[],
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"declared_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."dv_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"registered_by" text NOT NULL,
	"lifted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent"."identity_index" (
	"patient_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_kana" text NOT NULL,
	"name_key" text NOT NULL,
	"kana_key" text NOT NULL,
	"birthdate" text NOT NULL,
	"sex" text NOT NULL,
	"address" text NOT NULL,
	"insurer_names" text[] NOT NULL,
	"insurer_numbers" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."phr_apps" (
	"client_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."phr_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" text NOT NULL,
	"app_id" text NOT NULL,
	"categories" text[] NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent"."refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"claims" jsonb NOT NULL,
	"display_name" text NOT NULL,
	"grant_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"replaced_by" uuid,
	CONSTRAINT "refresh_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE INDEX "access_log_patient_at_idx" ON "consent"."access_log" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "access_log_facility_at_idx" ON "consent"."access_log" USING btree ("facility_code","at");--> statement-breakpoint
CREATE INDEX "cards_patient_idx" ON "consent"."cards" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "consents_patient_facility_idx" ON "consent"."consents" USING btree ("patient_id","facility_code","registered_at");--> statement-breakpoint
CREATE INDEX "disaster_identifications_patient_idx" ON "consent"."disaster_identifications" USING btree ("patient_id","facility_code");--> statement-breakpoint
CREATE INDEX "dv_blocks_patient_idx" ON "consent"."dv_blocks" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "identity_index_birthdate_sex_idx" ON "consent"."identity_index" USING btree ("birthdate","sex");--> statement-breakpoint
CREATE INDEX "phr_grants_patient_idx" ON "consent"."phr_grants" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_grant_idx" ON "consent"."refresh_tokens" USING btree ("grant_id");