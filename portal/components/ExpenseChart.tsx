'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface MonthTotal { label: string; totalCostYen: number; patientShareYen: number }

/** Monthly cost and own share as bars; the table beside it carries the same numbers for screen readers. */
export function ExpenseChart({ months, labels, summary }: { months: MonthTotal[]; labels: { total: string; share: string }; summary: string }) {
  return (
    <div role="img" aria-label={summary} style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={months} margin={{ top: 10, right: 8, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#c9ccd1" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: '#1b1b1b', fontSize: 13 }} />
          <YAxis tick={{ fill: '#1b1b1b', fontSize: 12 }} width={64} tickFormatter={(value: number) => `¥${value.toLocaleString('ja-JP')}`} />
          <Tooltip formatter={(value) => `¥${Number(value).toLocaleString('ja-JP')}`} />
          <Legend wrapperStyle={{ color: '#1b1b1b' }} />
          <Bar dataKey="totalCostYen" name={labels.total} fill="#0b4f9c" isAnimationActive={false} />
          <Bar dataKey="patientShareYen" name={labels.share} fill="#c75100" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
