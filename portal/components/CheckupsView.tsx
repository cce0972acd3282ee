import { CheckupChart } from '@/components/CheckupChart';
import { JudgementBadge } from '@/components/Judgement';
import { answerText, chartable, itemRows, type ItemRow } from '@/lib/checkups';
import { formatDate, formatNumber } from '@/lib/format';
import type { MetabolicSyndrome } from '@/lib/graphql/generated/graphql';
import type { Locale, Messages } from '@/lib/messages';

/** 特定健診 of up to 5 fiscal years side by side, and one chart per item with its threshold bands (patient and clinic views). */
function thresholdText(row: ItemRow, t: Messages, locale: Locale): string {
  const parts: string[] = [];
  const bound = row.direction === 'LOW' ? t.thresholdAtMost : t.thresholdAtLeast;
  if (row.guidanceThreshold !== null) parts.push(`${t.thresholdGuidance} ${bound(formatNumber(row.guidanceThreshold, locale))}`);
  if (row.seeDoctorThreshold !== null) parts.push(`${t.thresholdSeeDoctor} ${bound(formatNumber(row.seeDoctorThreshold, locale))}`);
  return parts.join(' / ');
}

export function guidanceLabel(t: Messages, level: string): string {
  return level === 'INTENSIVE' ? t.guidanceINTENSIVE : level === 'MOTIVATIONAL' ? t.guidanceMOTIVATIONAL : level === 'INFORMATION' ? t.guidanceINFORMATION : level === 'NONE_ON_MEDICATION' ? t.guidanceNONE_ON_MEDICATION : level;
}

export function metabolicLabel(t: Messages, judgement: MetabolicSyndrome): string {
  return t[`metabolic${judgement}`];
}

/**
 * `chartsHref`: the charts stay behind this link instead of being drawn (on the clinic page: the table already
 * carries every value and judgement; the 12 charts were half of that page's weight and render time).
 */
export function CheckupsView({ checkups, t, locale, headingLevel = 2, chartsHref }: { checkups: Parameters<typeof itemRows>[0]; t: Messages; locale: Locale; headingLevel?: 2 | 3; chartsHref?: string }) {
  const { years, rows } = itemRows(checkups);
  // The table shows the newest year first (on phones and in English the newest years were off-screen);
  // the charts keep time running left to right.
  const newestFirst = [...checkups].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const columnOf = (fiscalYear: number) => years.indexOf(fiscalYear);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const name = (row: ItemRow) => (locale === 'ja' ? row.nameJa : row.nameEn);
  return (
    <>
      {/* Each judgement says in plain words what it means and what to do next. */}
      <section className="notice" aria-labelledby="judgement-legend-title" data-testid="judgement-legend">
        <strong id="judgement-legend-title">{t.judgementLegend}</strong>
        <dl className="legend">
          {(['NORMAL', 'GUIDANCE', 'SEE_DOCTOR'] as const).map((judgement) => (
            <div key={judgement}><dt><JudgementBadge judgement={judgement} t={t} /></dt><dd>{t[`judgementMeaning${judgement}`]}</dd></div>
          ))}
        </dl>
      </section>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="checkup-table-caption">
        <table className="checkup-table" data-testid="checkup-table">
          <caption id="checkup-table-caption">{t.checkupsTitle}{t.paren(newestFirst.map((checkup) => t.fiscalYear(checkup.fiscalYear)).join(locale === 'ja' ? '・' : ', '))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.checkupItem}</th>
              {newestFirst.map((checkup) => <th scope="col" key={checkup.fiscalYear} className="num">{t.fiscalYear(checkup.fiscalYear)}<br /><span className="muted" style={{ fontWeight: 400 }}>{formatDate(checkup.examinedOn, locale)}</span>{checkup.facilityCode ? <><br /><span className="muted" style={{ fontWeight: 400, fontSize: '0.85rem' }}>{t.checkupFacility(checkup.facilityCode)}</span></> : null}</th>)}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.checkupGuidance}</th>
              {newestFirst.map((checkup) => <td key={checkup.fiscalYear} className="num">{guidanceLabel(t, checkup.guidance.level)}</td>)}
            </tr>
            <tr data-testid="metabolic-row">
              <th scope="row">{t.metabolicSyndrome}</th>
              {newestFirst.map((checkup) => <td key={checkup.fiscalYear} className="num">{metabolicLabel(t, checkup.metabolicSyndrome)}</td>)}
            </tr>
            {rows.map((row) => (
              <tr key={row.code} data-coded={row.cells.some((cell) => cell?.answerCode !== null && cell?.answerCode !== undefined) ? 'true' : undefined}>
                <th scope="row">{name(row)}{row.unit ? <span className="muted" style={{ fontWeight: 400 }}>{t.paren(row.unit)}</span> : null}<br /><span className="muted" style={{ fontWeight: 400, fontSize: '0.85rem' }}>{thresholdText(row, t, locale)}</span></th>
                {newestFirst.map(({ fiscalYear }) => row.cells[columnOf(fiscalYear)]).map((cell, index) => (
                  <td key={newestFirst[index]?.fiscalYear} className="num">
                    {cell === undefined ? t.notMeasured : cell.value !== null ? formatNumber(cell.value, locale) : answerText(cell, locale) ?? t.notMeasured}
                    {cell?.judgement ? <><br /><JudgementBadge judgement={cell.judgement} t={t} /></> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Heading id="checkup-charts-title">{t.checkupChartsTitle}</Heading>
      {chartsHref !== undefined ? <p><a href={chartsHref} data-testid="checkup-charts-link">{t.checkupChartsShow}</a></p> : (
        <div className="cards">
          {rows.filter(chartable).map((row) => {
            const measured = row.cells.flatMap((cell, index) => (cell?.value !== null && cell?.value !== undefined ? [{ year: years[index] ?? 0, value: cell.value }] : []));
            const points = measured.map((point) => ({ label: String(point.year), value: point.value }));
            return (
              <figure key={row.code} className="card" style={{ margin: 0 }}>
                <figcaption style={{ fontWeight: 700 }}>{t.chartOf(name(row))}{row.unit ? t.paren(row.unit) : null}</figcaption>
                <CheckupChart points={points} unit={row.unit} guidanceThreshold={row.guidanceThreshold} seeDoctorThreshold={row.seeDoctorThreshold} direction={row.direction}
                  labels={{ normal: t.judgementNORMAL, guidance: t.judgementGUIDANCE, seeDoctor: t.judgementSEE_DOCTOR }} axisTitle={t.chartAxisYear} locale={locale}
                  summary={t.chartSummary(name(row), measured.map((point) => `${t.fiscalYear(point.year)} ${point.value}${row.unit}`).join(t.listSeparator))}
                />
              </figure>
            );
          })}
        </div>
      )}
    </>
  );
}
