-- What a confirmation returned (docs/domain.md "What a facility may see at all"): staff may later read the person only
-- with the coverage that confirmation answered (and the new one, validity 3), never the past insurers.
ALTER TABLE "qualifications"."confirmations" ADD COLUMN "qualification_id" uuid;--> statement-breakpoint
ALTER TABLE "qualifications"."confirmations" ADD COLUMN "new_qualification_id" uuid;--> statement-breakpoint
CREATE INDEX "confirmations_patient_facility_at_idx" ON "qualifications"."confirmations" USING btree ("patient_id","facility_code","at");
