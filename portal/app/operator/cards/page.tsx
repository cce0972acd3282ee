import type { Metadata } from 'next';
import { setDemoCardStatusAction } from '@/app/actions/cards';
import { ErrorState } from '@/components/States';
import { gatewayQuery } from '@/lib/gateway';
import { DemoCardQuery } from '@/lib/graphql/cards';
import type { CardStatus } from '@/lib/graphql/generated/graphql';
import { messages, pageTitle } from '@/lib/i18n';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperatorCards');
}

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim() : '');

/**
 * Demo: card lifecycle (docs/operations.md "Demo: card lifecycle"): the operator, standing in for J-LIS, looks up a
 * demo card by its holder or serial and suspends or expires it. Outside demo mode the API refuses (DEMO_ONLY).
 */
export default async function OperatorCardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const params = await searchParams;
  const cardSerial = one(params.cardSerial);
  const patientId = cardSerial === '' ? one(params.patientId) : '';
  const done = one(params.done);
  const error = one(params.error);
  const lookup = cardSerial !== '' || patientId !== ''
    ? await pageData(await gatewayQuery(DemoCardQuery, { cardSerial: cardSerial || null, patientId: patientId || null }, session.token), '/staff/login')
    : null;
  const statusLabel = (status: CardStatus) => t[`cardsStatus${status}`];
  return (
    <>
      <h1>{t.cardsTitle}</h1>
      <p>{t.cardsLead}</p>
      <form method="get" action="/operator/cards" className="card">
        <div className="field"><label htmlFor="patientId">{t.cardsPatientField}</label><input id="patientId" name="patientId" defaultValue={patientId} autoComplete="off" /></div>
        <div className="field"><label htmlFor="cardSerial">{t.cardsSerialField}</label><input id="cardSerial" name="cardSerial" defaultValue={cardSerial} autoComplete="off" /></div>
        <button type="submit" className="button">{t.cardsLookUp}</button>
      </form>
      {done === 'SUSPEND' || done === 'EXPIRE' ? <p className="notice" role="status" data-testid="card-changed">{done === 'SUSPEND' ? t.cardsSuspended : t.cardsExpired}</p> : null}
      {error !== '' ? <p className="notice notice--error" role="alert" data-testid="card-refused">{t.cardsRefused(error)}</p> : null}
      {lookup === null ? null : !lookup.ok ? (lookup.code === 'NOT_FOUND' ? <p className="notice" data-testid="card-not-found">{t.cardsNotFound}</p> : <ErrorState t={t} failure={lookup} retryHref="/operator/cards" />) : (
        <section className="card" aria-labelledby="card-title" data-testid="demo-card">
          <h2 id="card-title" style={{ marginTop: 0 }}>{t.cardsCardTitle}</h2>
          <dl>
            <dt>{t.cardsSerialField}</dt><dd>{lookup.data.demoCard.cardSerial}</dd>
            <dt>{t.cardsPatientField}</dt><dd>{lookup.data.demoCard.patientId}</dd>
            <dt>{t.cardsStatusLabel}</dt><dd data-testid="card-status">{statusLabel(lookup.data.demoCard.status)}</dd>
            <dt>{t.cardsExpiresOn}</dt><dd>{lookup.data.demoCard.certificateExpiresOn ?? '—'}</dd>
            <dt>{t.cardsUsable}</dt><dd data-testid="card-usable">{lookup.data.demoCard.unusable === null ? t.cardsUsableYes : t.cardsUsableNo(lookup.data.demoCard.unusable)}</dd>
          </dl>
          {(['SUSPEND', 'EXPIRE'] as const).map((action) => (
            <form key={action} action={setDemoCardStatusAction} style={{ display: 'inline-block', marginRight: '0.5rem' }}>
              <input type="hidden" name="cardSerial" value={lookup.data.demoCard.cardSerial} />
              <input type="hidden" name="action" value={action} />
              <button type="submit" className="button" data-action={action}>{action === 'SUSPEND' ? t.cardsSuspend : t.cardsExpire}</button>
            </form>
          ))}
        </section>
      )}
    </>
  );
}
