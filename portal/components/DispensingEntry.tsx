import { formatDate, formatNumber } from '@/lib/format';
import type { DispensingFieldsFragment } from '@/lib/graphql/generated/graphql';
import type { Locale, Messages } from '@/lib/messages';

/** One dispensed drug with every field a patient or clinician needs (DOMAIN.md "Drug information"). */
export function DispensingEntry({ dispensing, t, locale, extra }: { dispensing: DispensingFieldsFragment; t: Messages; locale: Locale; extra?: React.ReactNode }) {
  return (
    <article className="entry" data-testid="dispensing">
      <div className="entry__name">{dispensing.drugName}</div>
      <dl className="facts">
        <dt>{t.drugDate}</dt><dd>{formatDate(dispensing.date, locale)}</dd>
        <dt>{t.drugIngredient}</dt><dd>{dispensing.ingredient}</dd>
        <dt>{t.drugAmount}</dt><dd>{formatNumber(dispensing.quantity, locale)} {dispensing.unit}</dd>
        <dt>{t.drugUsage}</dt><dd>{dispensing.usage}</dd>
        {dispensing.days !== null ? <><dt>{t.drugDays}</dt><dd>{t.drugDaysValue(dispensing.days)}</dd></> : null}
        <dt>{t.drugFacility}</dt><dd>{dispensing.prescribingFacilityName}</dd>
        <dt>{t.drugPharmacy}</dt><dd>{dispensing.pharmacyName ?? t.drugInHospital}</dd>
      </dl>
      {extra}
    </article>
  );
}
