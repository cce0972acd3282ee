import type { Messages } from '@/lib/messages';

const CLASS: Record<string, string> = { NORMAL: 'badge--ok', GUIDANCE: 'badge--warn', SEE_DOCTOR: 'badge--alert' };
const ICON: Record<string, string> = { NORMAL: '○', GUIDANCE: '△', SEE_DOCTOR: '！' };

/** A judgement in colour AND words (and a shape), so it reads without colour vision (WCAG 1.4.1). */
export function JudgementBadge({ judgement, t }: { judgement: string | null; t: Messages }) {
  if (judgement === null) return null;
  const label = judgement === 'NORMAL' ? t.judgementNORMAL : judgement === 'GUIDANCE' ? t.judgementGUIDANCE : judgement === 'SEE_DOCTOR' ? t.judgementSEE_DOCTOR : judgement;
  return <span className={`badge ${CLASS[judgement] ?? 'badge--muted'}`} data-judgement={judgement}><span aria-hidden="true">{ICON[judgement] ?? ''} </span>{label}</span>;
}
