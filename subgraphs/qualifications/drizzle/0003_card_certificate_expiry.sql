-- The expiry date of the card's 利用者証明用電子証明書 (docs/domain.md "Card certificate expiry"): from it the card is
-- warned about (3 months before), still usable in the grace period, then refused (EXPIRED). Null: not known.
ALTER TABLE "qualifications"."cards" ADD COLUMN "certificate_expires_on" date;
