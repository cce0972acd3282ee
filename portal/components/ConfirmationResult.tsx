import { copayPercent, formatDate, formatDateTime } from '@/lib/format';
import type { QualificationResultFieldsFragment } from '@/lib/graphql/generated/graphql';
import { consentFlagLabel, referenceClassLabel, validityLabel } from '@/lib/labels';
import type { Locale, Messages } from '@/lib/messages';

function lookup(t: Messages, key: string, fallback: string): string {
  const value = (t as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : fallback;
}

/** The qualification result a clerk sees (資格確認結果): identity, coverage and the consent flags, never clinical data. */
export function ConfirmationResult({ result, t, locale }: { result: QualificationResultFieldsFragment; t: Messages; locale: Locale }) {
  const valid = result.qualificationValidity === 'VALID';
  const ratio = result.qualification ? copayPercent(result.qualification.insuredPartialContributionRatio) : undefined;
  return (
    <section className="card" aria-labelledby="confirmation-title" data-testid="confirmation-result">
      <h2 id="confirmation-title" style={{ marginTop: 0 }}>{t.readerClerkTitle}</h2>
      <p><span className={`badge ${valid ? 'badge--ok' : 'badge--alert'}`} style={{ fontSize: '1.1rem' }}>{t.labelled(t.confirmValidity, validityLabel(t, result.qualificationValidity))}</span></p>
      <dl className="facts">
        {result.name ? <><dt>{t.patientName}</dt><dd>{result.name}</dd></> : null}
        {result.nameKana ? <><dt>{t.patientKana}</dt><dd>{result.nameKana}</dd></> : null}
        {result.birthdate ? <><dt>{t.patientBirthdate}</dt><dd>{formatDate(result.birthdate, locale)}</dd></> : null}
        {result.sex ? <><dt>{t.patientSex}</dt><dd>{lookup(t, `sex${result.sex}`, result.sex)}</dd></> : null}
        {result.qualification ? (
          <>
            <dt>{t.insurerName}</dt><dd>{result.qualification.insurerName}{t.paren(result.qualification.insurerNumber)}</dd>
            <dt>{t.copay}</dt><dd>{ratio === undefined ? result.qualification.insuredPartialContributionRatio : t.copayPercent(ratio)}</dd>
          </>
        ) : null}
        <dt>{t.consentFlagDrug}</dt><dd data-testid="drug-consent-flag">{consentFlagLabel(t, result.drugInfoConsentFlag)}</dd>
        <dt>{t.consentFlagCheckup}</dt><dd data-testid="checkup-consent-flag">{consentFlagLabel(t, result.checkupInfoConsentFlag)}</dd>
        <dt>{t.confirmedAt}</dt><dd>{formatDateTime(result.confirmedAt, locale)}{t.paren(referenceClassLabel(t, result.referenceClassification))}</dd>
      </dl>
    </section>
  );
}
