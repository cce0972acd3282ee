import { CheckupChart } from '@/components/CheckupChart';
import { JudgementBadge } from '@/components/Judgement';
import { answerText, chartable, itemRows, type ItemRow } from '@/lib/checkups';
import { formatDate, formatNumber } from '@/lib/format';
import type { Locale, Messages } from '@/lib/messages';

/** 特定健診 of up to 5 fiscal years side by side, and one chart per item with its threshold bands (patient and clinic views). */
function thresholdText(row: ItemRow, t: Messages, locale: Locale): string {
  const parts: string[] = [];
  const bound = row.direction === 'low' ? t.thresholdAtMost : t.thresholdAtLeast;
  if (row.guidanceThreshold !== null) parts.push(`${t.thresholdGuidance} ${bound(formatNumber(row.guidanceThreshold, locale))}`);
  if (row.seeDoctorThreshold !== null) parts.push(`${t.thresholdSeeDoctor} ${bound(formatNumber(row.seeDoctorThreshold, locale))}`);
  return parts.join(' / ');
}

export function guidanceLabel(t: Messages, level: string): string {
  return level === 'INTENSIVE' ? t.guidanceINTENSIVE : level === 'MOTIVATIONAL' ? t.guidanceMOTIVATIONAL : level === 'INFORMATION' ? t.guidanceINFORMATION : level === 'NONE_ON_MEDICATION' ? t.guidanceNONE_ON_MEDICATION : level;
}

export function CheckupsView({ checkups, t, locale, headingLevel = 2 }: { checkups: Parameters<typeof itemRows>[0]; t: Messages; locale: Locale; headingLevel?: 2 | 3 }) {
  const { years, rows } = itemRows(checkups);
  const sorted = [...checkups].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const name = (row: ItemRow) => (locale === 'ja' ? row.nameJa : row.nameEn);
  return (
    <>
      <div className="notice" aria-label={t.judgementLegend}>
        <strong>{t.judgementLegend}：</strong> <JudgementBadge judgement="NORMAL" t={t} /> <JudgementBadge judgement="GUIDANCE" t={t} /> <JudgementBadge judgement="SEE_DOCTOR" t={t} />
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="checkup-table-caption">
        <table className="checkup-table" data-testid="checkup-table">
          <caption id="checkup-table-caption">{t.checkupsTitle}（{years.map((year) => t.fiscalYear(year)).join('・')}）</caption>
          <thead>
            <tr>
              <th scope="col">{t.checkupItem}</th>
              {sorted.map((checkup) => <th scope="col" key={checkup.fiscalYear} className="num">{t.fiscalYear(checkup.fiscalYear)}<br /><span className="muted" style={{ fontWeight: 400 }}>{formatDate(checkup.examinedOn, locale)}</span>{checkup.facilityCode ? <><br /><span className="muted" style={{ fontWeight: 400, fontSize: '0.85rem' }}>{t.checkupFacility(checkup.facilityCode)}</span></> : null}</th>)}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.checkupGuidance}</th>
              {sorted.map((checkup) => <td key={checkup.fiscalYear} className="num">{guidanceLabel(t, checkup.guidance.level)}</td>)}
            </tr>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">{name(row)}{row.unit ? <span className="muted" style={{ fontWeight: 400 }}>（{row.unit}）</span> : null}<br /><span className="muted" style={{ fontWeight: 400, fontSize: '0.85rem' }}>{thresholdText(row, t, locale)}</span></th>
                {row.cells.map((cell, index) => (
                  <td key={years[index]} className="num">
                    {cell === undefined ? t.notMeasured : cell.value !== null ? formatNumber(cell.value, locale) : answerText(cell, locale) ?? t.notMeasured}
                    {cell?.judgement ? <><br /><JudgementBadge judgement={cell.judgement} t={t} /></> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Heading>{t.checkupChartsTitle}</Heading>
      <div className="cards">
        {rows.filter(chartable).map((row) => {
          const points = row.cells.flatMap((cell, index) => (cell?.value !== null && cell?.value !== undefined ? [{ label: t.fiscalYear(years[index] ?? 0), value: cell.value }] : []));
          return (
            <figure key={row.code} className="card" style={{ margin: 0 }}>
              <figcaption style={{ fontWeight: 700 }}>{t.chartOf(name(row))}（{row.unit}）</figcaption>
              <CheckupChart points={points} unit={row.unit} guidanceThreshold={row.guidanceThreshold} seeDoctorThreshold={row.seeDoctorThreshold} direction={row.direction}
                labels={{ normal: t.judgementNORMAL, guidance: t.judgementGUIDANCE, seeDoctor: t.judgementSEE_DOCTOR }}
                summary={t.chartSummary(name(row), points.map((point) => `${point.label} ${point.value}${row.unit}`).join('、'))} />
            </figure>
          );
        })}
      </div>
    </>
  );
}

