/** One month of the rollout: the share live at its end (null for months to come) and the schedule's target then. */
export interface RolloutPoint { month: string; livePercent: number | null; targetPercent: number | null }

/**
 * Two drawings of the same figures: one at about a phone's width (like ExpenseChart) and one as wide as the page's
 * column (64rem), so that neither the phone's letters shrink nor the desktop's chart sits in half the column; CSS
 * (globals.css .chart--narrow / .chart--wide) shows one of them.
 */
const SIZES = { narrow: { width: 340, height: 230 }, wide: { width: 960, height: 340 } } as const;
const PLOT = { left: 40, right: 8, top: 44, bottom: 30 };
const COLOURS = { live: '#0b4f9c', target: '#c75100' };

/**
 * The share of facilities live month by month against the schedule's target, drawn on the server as SVG (no chart
 * script in the browser, docs/operations.md "Rollout dashboard"). The tables beside it carry the same figures for
 * screen readers, so the drawing is one image to them.
 */
export function RolloutChart({ points, labels, summary }: { points: RolloutPoint[]; labels: { live: string; target: string }; summary: string }) {
  return (
    <div data-testid="rollout-chart">
      <Drawing size="narrow" points={points} labels={labels} summary={summary} />
      <Drawing size="wide" points={points} labels={labels} summary={summary} />
    </div>
  );
}

function Drawing({ size, points, labels, summary }: { size: keyof typeof SIZES; points: RolloutPoint[]; labels: { live: string; target: string }; summary: string }) {
  const { width: WIDTH, height: HEIGHT } = SIZES[size];
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (index: number) => PLOT.left + (plotWidth * index) / Math.max(1, points.length - 1);
  const y = (percent: number) => PLOT.top + plotHeight * (1 - percent / 100);
  const path = (values: Array<number | null>) => values.map((value, index) => (value === null ? null : `${x(index).toFixed(1)},${y(value).toFixed(1)}`)).filter(Boolean).join(' ');
  // The target is a step: it holds from its milestone month until the next.
  const targetSteps = points.flatMap((point, index) => {
    if (point.targetPercent === null) return [];
    const previous = points[index - 1]?.targetPercent ?? null;
    const here = `${x(index).toFixed(1)},${y(point.targetPercent).toFixed(1)}`;
    return previous !== null && previous !== point.targetPercent ? [`${x(index).toFixed(1)},${y(previous).toFixed(1)}`, here] : [here];
  }).join(' ');
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} className={`chart--${size}`}>
      {[0, 25, 50, 75, 100].map((tick) => (
        <g key={tick}>
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} stroke="#c9ccd1" strokeDasharray="3 3" />
          <text x={PLOT.left - 5} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#1b1b1b">{`${tick}%`}</text>
        </g>
      ))}
      {points.map((point, index) => (point.month.endsWith('-04') ? (
        <g key={point.month}>
          <line x1={x(index)} x2={x(index)} y1={y(0)} y2={y(0) + 4} stroke="#4a4f57" />
          <text x={x(index)} y={HEIGHT - PLOT.bottom + 16} textAnchor="middle" fontSize="11" fill="#1b1b1b">{`’${point.month.slice(2, 4)}`}</text>
        </g>
      ) : null))}
      <polyline points={targetSteps} fill="none" stroke={COLOURS.target} strokeWidth="2" strokeDasharray="6 3" />
      <polyline points={path(points.map((point) => point.livePercent))} fill="none" stroke={COLOURS.live} strokeWidth="2.5" />
      {points.map((point, index) => (point.livePercent === null ? null : (
        <circle key={point.month} cx={x(index)} cy={y(point.livePercent)} r="2" fill={COLOURS.live}><title>{`${point.month} ${labels.live} ${point.livePercent}%`}</title></circle>
      )))}
      <g>
        <rect x={8} y={6} width={14} height={3} fill={COLOURS.live} />
        <text x={28} y={12} fontSize="12" fill="#1b1b1b">{labels.live}</text>
        <line x1={8} x2={22} y1={26} y2={26} stroke={COLOURS.target} strokeWidth="2" strokeDasharray="4 2" />
        <text x={28} y={30} fontSize="12" fill="#1b1b1b">{labels.target}</text>
      </g>
    </svg>
  );
}
