'use client';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface RoutingMonthPoint { label: string; checked: number; rerouted: number; returned: number }

/**
 * Re-routed and returned claims per month as bars on the left axis, claims checked as a line on the right one (they
 * are about ten times as many, and would flatten the bars on a shared axis). The table under the chart carries the
 * same numbers for screen readers. Imported only by the operator page, so no other page loads this chart's code.
 */
export function ClaimRoutingChart({ months, labels, summary }: { months: RoutingMonthPoint[]; labels: { checked: string; rerouted: string; returned: string }; summary: string }) {
  const count = (value: number) => value.toLocaleString('ja-JP');
  return (
    <div role="img" aria-label={summary} data-testid="routing-chart" style={{ width: '100%', height: 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={months} margin={{ top: 10, right: 4, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#c9ccd1" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: '#1b1b1b', fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis yAxisId="routed" tick={{ fill: '#1b1b1b', fontSize: 12 }} width={48} allowDecimals={false} tickFormatter={count} />
          <YAxis yAxisId="checked" orientation="right" tick={{ fill: '#1b1b1b', fontSize: 12 }} width={56} allowDecimals={false} tickFormatter={count} />
          <Tooltip formatter={(value) => count(Number(value))} />
          <Legend wrapperStyle={{ color: '#1b1b1b' }} />
          <Bar yAxisId="routed" dataKey="rerouted" name={labels.rerouted} fill="#0b4f9c" isAnimationActive={false} />
          <Bar yAxisId="routed" dataKey="returned" name={labels.returned} fill="#c75100" isAnimationActive={false} />
          <Line yAxisId="checked" dataKey="checked" name={labels.checked} stroke="#1b1b1b" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
