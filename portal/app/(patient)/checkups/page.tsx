import type { Metadata } from 'next';
import { CheckupsView } from '@/components/CheckupsView';
import { ComingSoon, ErrorState, NotShownHere } from '@/components/States';
import { gatewayQuery } from '@/lib/gateway';
import { MyCheckupsQuery } from '@/lib/graphql/checkups';
import { messages, pageTitle } from '@/lib/i18n';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('navCheckups');
}

export default async function CheckupsPage() {
  const { locale, t } = await messages();
  const session = await currentSession();
  const result = await pageData(await gatewayQuery(MyCheckupsQuery, {}, session?.token));
  if (!result.ok) return <><h1>{t.checkupsTitle}</h1>{result.code === 'NOT_READY' ? <ComingSoon t={t} title={t.checkupsTitle} /> : result.code === 'FORBIDDEN' ? <NotShownHere t={t} /> : <ErrorState t={t} failure={result} retryHref="/checkups" />}</>;
  const checkups = result.data.me.checkups ?? [];
  return (
    <>
      <h1>{t.checkupsTitle}</h1>
      <p>{t.checkupsLead}</p>
      {checkups.length === 0 ? <p className="notice">{t.checkupsNone}</p> : <CheckupsView checkups={checkups} t={t} locale={locale} />}
    </>
  );
}
