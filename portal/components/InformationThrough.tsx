import { formatMonth } from '@/lib/format';
import type { Locale, Messages } from '@/lib/messages';

/**
 * How current claims-based drug information is: it ends with the last month of care whose claims are viewable
 * (claims of month M from the 11th of M+2, docs/drugs.md "Claims lag"), so the reader does not take the list for today's.
 */
export function InformationThrough({ through, t, locale }: { through: string | undefined; t: Messages; locale: Locale }) {
  if (through === undefined) return null;
  return <p className="muted" data-testid="information-through">{t.drugsInformationThrough(formatMonth(through.slice(0, 7), locale))}</p>;
}
