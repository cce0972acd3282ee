-- The access log is append-only (ARCHITECTURE.md "Data"; issue: triggers reject UPDATE, DELETE and TRUNCATE).
CREATE OR REPLACE FUNCTION "consent".reject_access_log_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON "consent"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "consent".reject_access_log_change();
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON "consent"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "consent".reject_access_log_change();
