import type { Metadata } from 'next';
import { ComingSoon } from '@/components/States';
import { messages } from '@/lib/i18n';

export const metadata: Metadata = { title: '特定健診' };

export default async function Page() {
  const { t } = await messages();
  return <><h1>{t.navCheckups}</h1><ComingSoon t={t} title={t.navCheckups} /></>;
}
