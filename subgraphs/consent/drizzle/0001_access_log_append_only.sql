-- The access log and its checkpoints are append-only (docs/architecture.md "Data"; triggers reject
-- UPDATE, DELETE and TRUNCATE). The triggers fire for every role, the owner included; only a role that
-- owns the table can disable them (ALTER TABLE ... DISABLE TRIGGER), which is why the application role
-- should not own the table in production, and why audit:verify recomputes the hash chain regardless.
CREATE OR REPLACE FUNCTION "consent".reject_access_log_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON "consent"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "consent".reject_access_log_change();
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON "consent"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "consent".reject_access_log_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON "consent"."audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "consent".reject_access_log_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON "consent"."audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "consent".reject_access_log_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "consent"."access_log", "consent"."audit_checkpoints" FROM PUBLIC;
