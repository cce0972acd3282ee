'use client';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartPoint { label: string; value: number }

interface Props {
  points: ChartPoint[];
  unit: string;
  guidanceThreshold: number | null;
  seeDoctorThreshold: number | null;
  /** `high`: larger is worse (blood pressure); `low`: smaller is worse (HDL). */
  direction: string | null;
  labels: { normal: string; guidance: string; seeDoctor: string };
  /** What a screen reader hears instead of the drawing (the table above has the same numbers). */
  summary: string;
}

/* Band fills are pale so the dark line and the axis text keep AA contrast over them. */
const BAND = { normal: '#d7eedc', guidance: '#fff0b3', seeDoctor: '#fbd3d7' };

/**
 * One checkup item over the fiscal years with its threshold bands: normal, 保健指導 and 受診勧奨.
 * Colours are never the only signal: each band boundary carries a text label.
 */
export function CheckupChart({ points, unit, guidanceThreshold, seeDoctorThreshold, direction, labels, summary }: Props) {
  const values = points.map((point) => point.value);
  const thresholds = [guidanceThreshold, seeDoctorThreshold].filter((value): value is number => value !== null);
  const all = [...values, ...thresholds];
  const span = Math.max(...all) - Math.min(...all) || Math.abs(Math.max(...all)) || 1;
  const min = Math.floor(Math.min(...all) - span * 0.25);
  const max = Math.ceil(Math.max(...all) + span * 0.25);
  const high = direction !== 'low';
  const bands: Array<{ from: number; to: number; fill: string }> = [];
  if (high) {
    const firstLimit = guidanceThreshold ?? seeDoctorThreshold ?? max;
    bands.push({ from: min, to: firstLimit, fill: BAND.normal });
    if (guidanceThreshold !== null) bands.push({ from: guidanceThreshold, to: seeDoctorThreshold ?? max, fill: BAND.guidance });
    if (seeDoctorThreshold !== null) bands.push({ from: seeDoctorThreshold, to: max, fill: BAND.seeDoctor });
  } else {
    const firstLimit = guidanceThreshold ?? seeDoctorThreshold ?? min;
    bands.push({ from: firstLimit, to: max, fill: BAND.normal });
    if (guidanceThreshold !== null) bands.push({ from: seeDoctorThreshold ?? min, to: guidanceThreshold, fill: BAND.guidance });
    if (seeDoctorThreshold !== null) bands.push({ from: min, to: seeDoctorThreshold, fill: BAND.seeDoctor });
  }
  return (
    <div role="img" aria-label={summary} style={{ width: '100%', height: 220 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 10, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
          {bands.map((band) => <ReferenceArea key={`${band.from}-${band.to}`} y1={band.from} y2={band.to} fill={band.fill} fillOpacity={1} ifOverflow="hidden" />)}
          <CartesianGrid stroke="#c9ccd1" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: '#1b1b1b', fontSize: 13 }} />
          <YAxis domain={[min, max]} tick={{ fill: '#1b1b1b', fontSize: 13 }} width={48} unit="" />
          {guidanceThreshold !== null ? <ReferenceLine y={guidanceThreshold} stroke="#5c4300" strokeDasharray="6 3" label={{ value: `${labels.guidance} ${guidanceThreshold}`, position: 'insideTopLeft', fill: '#5c4300', fontSize: 12 }} /> : null}
          {seeDoctorThreshold !== null ? <ReferenceLine y={seeDoctorThreshold} stroke="#9b1020" strokeDasharray="6 3" label={{ value: `${labels.seeDoctor} ${seeDoctorThreshold}`, position: 'insideTopLeft', fill: '#9b1020', fontSize: 12 }} /> : null}
          <Tooltip formatter={(value) => [`${String(value)} ${unit}`, '']} separator="" />
          <Line type="monotone" dataKey="value" stroke="#0b4f9c" strokeWidth={3} dot={{ r: 5, fill: '#0b4f9c' }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
