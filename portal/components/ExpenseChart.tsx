import { roundTicks } from '@/components/CheckupChart';

/** `label`: the month's number (1–12), short enough for twelve months on a phone; `title`: the month in words. */
export interface MonthTotal { label: string; title: string; totalCostYen: number; patientShareYen: number }

// Drawn at about a phone's width, so its text stays legible there (the drawing scales with the page, up to 32rem).
const WIDTH = 340;
const HEIGHT = 250;
const PLOT = { left: 58, right: 6, top: 48, bottom: 36 };
const COLOURS = { total: '#0b4f9c', share: '#c75100' };

const yen = (value: number) => `¥${value.toLocaleString('ja-JP')}`;

/**
 * Monthly cost and own share as bars, drawn on the server as SVG: no chart script in the browser (the page
 * carried 259 KB of JavaScript for this one chart, against a budget of 150 KB). Each bar carries its amount as a
 * tooltip title; the table below carries the same numbers for screen readers, so the drawing is one image to them.
 */
export function ExpenseChart({ months, labels, axisTitle, summary }: { months: MonthTotal[]; labels: { total: string; share: string }; axisTitle: string; summary: string }) {
  const ticks = roundTicks(0, Math.max(1, ...months.map((month) => month.totalCostYen)));
  const max = ticks[ticks.length - 1] ?? 1;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (value: number) => PLOT.top + plotHeight * (1 - value / max);
  const slot = plotWidth / Math.max(1, months.length);
  const bar = Math.min(16, slot * 0.36);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} data-testid="expense-chart" style={{ display: 'block', maxWidth: '32rem' }}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} stroke="#c9ccd1" strokeDasharray="3 3" />
          <text x={PLOT.left - 5} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#1b1b1b">{yen(tick)}</text>
        </g>
      ))}
      {months.map((month, index) => {
        const left = PLOT.left + slot * index + slot / 2 - bar;
        return (
          <g key={month.label}>
            <rect x={left} y={y(month.totalCostYen)} width={bar} height={Math.max(0, y(0) - y(month.totalCostYen))} fill={COLOURS.total}><title>{`${month.title} ${labels.total} ${yen(month.totalCostYen)}`}</title></rect>
            <rect x={left + bar} y={y(month.patientShareYen)} width={bar} height={Math.max(0, y(0) - y(month.patientShareYen))} fill={COLOURS.share}><title>{`${month.title} ${labels.share} ${yen(month.patientShareYen)}`}</title></rect>
            <text x={left + bar} y={HEIGHT - PLOT.bottom + 16} textAnchor="middle" fontSize="12" fill="#1b1b1b">{month.label}</text>
          </g>
        );
      })}
      <g>
        {/* One legend entry per line: the labels' widths are unknown on the server, and a phone has no room for both. */}
        <rect x={8} y={4} width={12} height={12} fill={COLOURS.total} />
        <text x={26} y={14} fontSize="12" fill="#1b1b1b">{labels.total}</text>
        <rect x={8} y={22} width={12} height={12} fill={COLOURS.share} />
        <text x={26} y={32} fontSize="12" fill="#1b1b1b">{labels.share}</text>
      </g>
      <text x={WIDTH - PLOT.right} y={HEIGHT - 6} textAnchor="end" fontSize="11" fill="#4a4f57">{axisTitle}</text>
    </svg>
  );
}
