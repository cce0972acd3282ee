import { messages } from '@/lib/i18n';
import { LoadingState } from '@/components/States';

export default async function Loading() {
  const { t } = await messages();
  return <LoadingState t={t} />;
}
