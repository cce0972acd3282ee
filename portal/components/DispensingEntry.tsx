import { formatDate, formatNumber } from '@/lib/format';
import type { DispensingFieldsFragment } from '@/lib/graphql/generated/graphql';
import { facilityLabel } from '@/lib/labels';
import type { Locale, Messages } from '@/lib/messages';

/**
 * One dispensed drug with every field a patient or clinician needs (docs/domain.md "Drug information (薬剤情報) and medical expenses"):
 * date, drug, ingredient, amount, usage, days, prescribing facility and pharmacy. Each value keeps its
 * label (a term/description pair) so screen readers read "用法 1日1回朝食後", and the pairs wrap at 360 px.
 */
export function DispensingEntry({ dispensing, t, locale, extra }: { dispensing: DispensingFieldsFragment; t: Messages; locale: Locale; extra?: React.ReactNode }) {
  const facts: Array<[string, string]> = [
    [t.drugDate, formatDate(dispensing.date, locale)],
    [t.drugIngredient, dispensing.ingredient],
    [t.drugAmount, `${formatNumber(dispensing.quantity, locale)} ${dispensing.unit}`],
    [t.drugUsage, dispensing.usage],
    ...(dispensing.days !== null ? [[t.drugDays, t.drugDaysValue(dispensing.days)] as [string, string]] : []),
    [t.drugFacility, facilityLabel(t, dispensing.prescribingFacility)],
    [t.drugPharmacy, dispensing.pharmacy ? facilityLabel(t, dispensing.pharmacy) : t.drugInHospital],
  ];
  return (
    <article className="entry" data-testid="dispensing">
      <div className="entry__name">{dispensing.drugName}</div>
      <dl className="inline-facts">
        {facts.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
      </dl>
      {extra}
    </article>
  );
}
