import { formatNumber } from '@/lib/format';
import type { ThresholdDirection } from '@/lib/graphql/generated/graphql';
import type { Locale } from '@/lib/messages';

export interface ChartPoint { label: string; value: number }

interface Props {
  points: ChartPoint[];
  unit: string;
  guidanceThreshold: number | null;
  seeDoctorThreshold: number | null;
  /** `high`: larger is worse (blood pressure); `low`: smaller is worse (HDL). */
  direction: ThresholdDirection | null;
  labels: { normal: string; guidance: string; seeDoctor: string };
  /** Under the x axis, e.g. 年度: the points are labelled with the bare year. */
  axisTitle: string;
  locale: Locale;
  /** What a screen reader hears instead of the drawing (the table above has the same numbers). */
  summary: string;
}

/* Band fills are pale so the dark line and the axis text keep AA contrast over them. */
const BAND = { normal: '#d7eedc', guidance: '#fff0b3', seeDoctor: '#fbd3d7' };
const WIDTH = 320;
const HEIGHT = 210;
const PLOT = { left: 44, right: 14, top: 22, bottom: 40 };

/** Round tick values (1, 2 or 5 × 10^k apart) covering [low, high] with about `count` steps. */
export function roundTicks(low: number, high: number, count = 4): number[] {
  const raw = (high - low || Math.abs(high) || 1) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((factor) => factor * magnitude >= raw) ?? 10) * magnitude;
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's decimals so 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let value = first; value <= last + step / 2; value += step) ticks.push(Number(value.toFixed(decimals)));
  return ticks;
}

/**
 * One checkup item over the fiscal years, drawn on the server as SVG (no chart script in the browser):
 * every year labelled, round ticks, straight segments between yearly tests (nothing suggests readings in
 * between), a marker and the printed value at each test, and the threshold bands normal, 保健指導 and 受診勧奨.
 * Colours are never the only signal: each band boundary carries a text label.
 */
export function CheckupChart({ points, unit, guidanceThreshold, seeDoctorThreshold, direction, labels, axisTitle, locale, summary }: Props) {
  const thresholds = [guidanceThreshold, seeDoctorThreshold].filter((value): value is number => value !== null);
  const all = [...points.map((point) => point.value), ...thresholds];
  // A little room above and below, so a marker and its printed value never sit on the frame.
  const spread = Math.max(...all) - Math.min(...all) || Math.abs(Math.max(...all)) || 1;
  const ticks = roundTicks(Math.min(...all) - spread * 0.08, Math.max(...all) + spread * 0.15);
  const min = ticks[0] ?? 0;
  const max = ticks[ticks.length - 1] ?? 1;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (value: number) => PLOT.top + plotHeight * (1 - (Math.min(max, Math.max(min, value)) - min) / (max - min || 1));
  const x = (index: number) => PLOT.left + (points.length === 1 ? plotWidth / 2 : (plotWidth * (index + 0.5)) / points.length);
  const high = direction !== 'LOW';
  const bands: Array<{ from: number; to: number; fill: string }> = [];
  if (high) {
    bands.push({ from: min, to: guidanceThreshold ?? seeDoctorThreshold ?? max, fill: BAND.normal });
    if (guidanceThreshold !== null) bands.push({ from: guidanceThreshold, to: seeDoctorThreshold ?? max, fill: BAND.guidance });
    if (seeDoctorThreshold !== null) bands.push({ from: seeDoctorThreshold, to: max, fill: BAND.seeDoctor });
  } else {
    bands.push({ from: guidanceThreshold ?? seeDoctorThreshold ?? min, to: max, fill: BAND.normal });
    if (guidanceThreshold !== null) bands.push({ from: seeDoctorThreshold ?? min, to: guidanceThreshold, fill: BAND.guidance });
    if (seeDoctorThreshold !== null) bands.push({ from: min, to: seeDoctorThreshold, fill: BAND.seeDoctor });
  }
  const number = (value: number) => formatNumber(value, locale);
  const lines = [
    ...(guidanceThreshold !== null ? [{ value: guidanceThreshold, label: labels.guidance, colour: '#5c4300' }] : []),
    ...(seeDoctorThreshold !== null ? [{ value: seeDoctorThreshold, label: labels.seeDoctor, colour: '#9b1020' }] : []),
  ];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} data-testid="checkup-chart" style={{ display: 'block', maxWidth: '32rem' }}>
      {bands.map((band) => (
        <rect key={`${band.from}-${band.to}`} x={PLOT.left} width={plotWidth} y={y(Math.max(band.from, band.to))} height={Math.max(0, y(Math.min(band.from, band.to)) - y(Math.max(band.from, band.to)))} fill={band.fill} />
      ))}
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} stroke="#c9ccd1" strokeDasharray="3 3" />
          <text x={PLOT.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#1b1b1b">{number(tick)}</text>
        </g>
      ))}
      {lines.map((line) => (
        <g key={line.label}>
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(line.value)} y2={y(line.value)} stroke={line.colour} strokeDasharray="6 3" strokeWidth={1.5} />
          <text x={PLOT.left + 4} y={y(line.value) - 4} fontSize="11" fill={line.colour}>{line.label} {number(line.value)}</text>
        </g>
      ))}
      <polyline points={points.map((point, index) => `${x(index)},${y(point.value)}`).join(' ')} fill="none" stroke="#0b4f9c" strokeWidth={2.5} />
      {points.map((point, index) => (
        <g key={point.label}>
          <circle cx={x(index)} cy={y(point.value)} r={4.5} fill="#0b4f9c" />
          <text x={x(index)} y={y(point.value) - 8} textAnchor="middle" fontSize="12" fontWeight="700" fill="#0b2f5c" stroke="#fff" strokeWidth={3} paintOrder="stroke">{number(point.value)}</text>
          <text x={x(index)} y={HEIGHT - PLOT.bottom + 16} textAnchor="middle" fontSize="12" fill="#1b1b1b">{point.label}</text>
        </g>
      ))}
      <text x={WIDTH - PLOT.right} y={HEIGHT - 6} textAnchor="end" fontSize="11" fill="#4a4f57">{axisTitle}{unit ? (locale === 'ja' ? `（${unit}）` : ` (${unit})`) : ''}</text>
    </svg>
  );
}
