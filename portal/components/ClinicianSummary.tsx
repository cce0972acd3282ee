import { guidanceLabel, metabolicLabel } from '@/components/CheckupsView';
import { InformationThrough } from '@/components/InformationThrough';
import { JudgementBadge } from '@/components/Judgement';
import { formatDate, formatNumber } from '@/lib/format';
import { facilityLabel } from '@/lib/labels';
import type { ClinicPatientCheckupsQuery, ClinicPatientDrugsQuery } from '@/lib/graphql/generated/graphql';
import type { Locale, Messages } from '@/lib/messages';

type MedicationSummary = NonNullable<ClinicPatientDrugsQuery['patient']['medicationSummary']>;
type Checkup = NonNullable<ClinicPatientCheckupsQuery['patient']['checkups']>[number];

/**
 * What a clinician needs first, before the full lists: the drugs the patient is probably taking,
 * 重複投薬 with the prescribing facilities and 多剤投与 (the API's medicationSummary), and the latest
 * checkup's items outside the reference range with its 階層化. Decision support only: the clinician judges.
 */
export function MedicationSummaryView({ summary, t, locale }: { summary: MedicationSummary; t: Messages; locale: Locale }) {
  const facilityNames = new Map<string, string>();
  for (const active of [...summary.activeDrugs, ...summary.duplicates.flatMap((duplicate) => duplicate.activeDrugs)]) {
    facilityNames.set(active.dispensing.prescribingFacilityCode, facilityLabel(t, active.dispensing.prescribingFacility));
  }
  return (
    <div data-testid="medication-summary">
      <h3>{t.clinicDuplicates}</h3>
      {summary.duplicates.length === 0 ? <p>{t.clinicDuplicatesNone}</p> : (
        <ul className="notice notice--warn" style={{ paddingLeft: '2rem' }}>
          {summary.duplicates.map((duplicate) => (
            <li key={duplicate.ingredient} data-testid="duplicate">
              <strong>{duplicate.ingredient}</strong>{t.paren([...new Set(duplicate.activeDrugs.map((active) => active.dispensing.drugName))].join(t.listSeparator))}<br />
              {t.clinicDuplicateFrom(duplicate.facilityCodes.map((code) => facilityNames.get(code) ?? code).join(t.listSeparator))}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.clinicPolypharmacy}</h3>
      <p data-testid="polypharmacy">
        <span className={`badge ${summary.polypharmacy ? 'badge--warn' : 'badge--ok'}`}>
          {summary.polypharmacy ? t.clinicPolypharmacyYes(summary.counts.activeIngredients) : t.clinicPolypharmacyNo(summary.counts.activeIngredients)}
        </span>
      </p>
      <h3>{t.clinicActiveDrugs}<span className="muted" style={{ fontSize: '0.9rem', fontWeight: 400 }}> {t.clinicSummaryAsOf(formatDate(summary.asOf, locale))}</span></h3>
      <InformationThrough through={summary.informationThrough} t={t} locale={locale} />
      {summary.activeDrugs.length === 0 ? <p>{t.clinicActiveDrugsNone}</p> : (
        <ul style={{ paddingLeft: '1.25rem' }}>
          {summary.activeDrugs.map((active, index) => (
            <li key={`${active.dispensing.drugName}-${index}`} data-testid="active-drug">
              <strong>{active.dispensing.drugName}</strong> <span className="muted">{active.dispensing.ingredient}</span><br />
              {facilityLabel(t, active.dispensing.prescribingFacility)} ・ <span style={{ whiteSpace: 'nowrap' }}>{t.clinicCoveredThrough(formatDate(active.coveredThrough, locale))}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LatestCheckupView({ checkups, t, locale }: { checkups: Checkup[]; t: Messages; locale: Locale }) {
  const latest = [...checkups].sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  if (!latest) return <p>{t.clinicLatestCheckupNone}</p>;
  const flagged = latest.items.filter((item) => item.judgement === 'GUIDANCE' || item.judgement === 'SEE_DOCTOR')
    .sort((a, b) => (a.judgement === b.judgement ? 0 : a.judgement === 'SEE_DOCTOR' ? -1 : 1));
  return (
    <div data-testid="latest-checkup">
      <h3>{t.clinicLatestCheckup(latest.fiscalYear)}<span className="muted" style={{ fontSize: '0.9rem', fontWeight: 400 }}> {formatDate(latest.examinedOn, locale)}</span></h3>
      <dl className="facts">
        <dt>{t.clinicStratification}</dt><dd data-testid="stratification">{guidanceLabel(t, latest.guidance.level)}</dd>
        <dt>{t.metabolicSyndrome}</dt><dd>{metabolicLabel(t, latest.metabolicSyndrome)}</dd>
      </dl>
      <h4>{t.clinicFlags}</h4>
      {flagged.length === 0 ? <p>{t.clinicFlagsNone}</p> : (
        <ul style={{ paddingLeft: '1.25rem' }}>
          {flagged.map((item) => (
            <li key={item.code} data-testid="checkup-flag">
              <JudgementBadge judgement={item.judgement} t={t} /> {locale === 'ja' ? item.nameJa : item.nameEn}{' '}
              {item.value !== null ? <strong style={{ whiteSpace: 'nowrap' }}>{formatNumber(item.value, locale)}{item.unit ? ` ${item.unit}` : ''}</strong> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
