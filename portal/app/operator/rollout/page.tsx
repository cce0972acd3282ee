import type { Metadata } from 'next';
import { RolloutChart } from '@/components/RolloutChart';
import { ErrorState } from '@/components/States';
import { facilityKindText } from '@/lib/facilityKind';
import { formatNumber } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { RolloutDashboardQuery } from '@/lib/graphql/subsidy';
import { messages, pageTitle } from '@/lib/i18n';
import { pageData } from '@/lib/pageData';
import { prefectureName } from '@/lib/prefectures';
import { currentSession } from '@/lib/session';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperatorRollout');
}

function percent(live: number, registered: number): number {
  return registered === 0 ? 0 : Math.round((live * 1000) / registered) / 10;
}

/**
 * The operator's rollout dashboard (docs/operations.md "Rollout dashboard"): facilities registered and live against
 * the national schedule, by month, prefecture and kind, and readers per facility. Figures are the API's (operator only).
 */
export default async function OperatorRolloutPage() {
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const result = await pageData(await gatewayQuery(RolloutDashboardQuery, {}, session.token), '/staff/login');
  if (!result.ok) return (<><h1>{t.titleOperatorRollout}</h1><ErrorState t={t} failure={result} retryHref="/operator/rollout" /></>);
  const dashboard = result.data.rolloutDashboard;
  const points = dashboard.monthly.map((month) => ({
    month: month.month, targetPercent: month.targetPercent ?? null,
    livePercent: month.live === null || month.live === undefined || !month.registered ? null : percent(month.live, month.registered),
  }));
  const latest = points.filter((point) => point.livePercent !== null).at(-1);
  const groupTable = (id: string, title: string, head: string, rows: Array<{ key: string; registered: number; live: number }>, label: (key: string) => string) => (
    <>
      <h2 id={id}>{title}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
        <table className="table--cards" data-testid={`${id}-table`}>
          <thead><tr><th scope="col">{head}</th><th scope="col">{t.rolloutRegistered}</th><th scope="col">{t.rolloutLive}</th><th scope="col">{t.rolloutLiveShare}</th></tr></thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-key={row.key} data-live={row.live}>
                <th scope="row" data-label={head}>{label(row.key)}</th>
                <td data-label={t.rolloutRegistered}>{formatNumber(row.registered, locale)}</td>
                <td data-label={t.rolloutLive}>{formatNumber(row.live, locale)}</td>
                <td data-label={t.rolloutLiveShare}>{`${percent(row.live, row.registered)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
  return (
    <>
      <h1>{t.titleOperatorRollout}</h1>
      <p>{t.rolloutLead}</p>
      <div className="cards" data-testid="rollout-totals">
        <div className="card"><p className="muted" style={{ margin: 0 }}>{t.rolloutRegistered}</p><p className="figure" data-testid="rollout-registered">{formatNumber(dashboard.registered, locale)}</p></div>
        <div className="card"><p className="muted" style={{ margin: 0 }}>{t.rolloutLive}</p><p className="figure" data-testid="rollout-live">{formatNumber(dashboard.live, locale)}</p></div>
        <div className="card"><p className="muted" style={{ margin: 0 }}>{t.rolloutLiveShare}</p><p className="figure">{`${percent(dashboard.live, dashboard.registered)}%`}</p></div>
      </div>
      <h2>{t.rolloutChartTitle}</h2>
      <RolloutChart points={points} labels={{ live: t.rolloutLiveShare, target: t.rolloutTarget }}
        summary={t.rolloutChartDesc(`${latest?.livePercent ?? 0}%`, `${latest?.targetPercent ?? 0}%`)}
      />
      {groupTable('by-kind', t.rolloutByKind, t.rolloutKind, dashboard.byKind, (key) => facilityKindText(t, key))}
      {groupTable('by-prefecture', t.rolloutByPrefecture, t.rolloutPrefecture, dashboard.byPrefecture, (key) => prefectureName(key, locale))}
      <h2 id="readers-per-facility">{t.rolloutReaders}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="readers-per-facility">
        <table className="table--cards" data-testid="readers-per-facility-table">
          <thead><tr><th scope="col">{t.rolloutReaderCount}</th><th scope="col">{t.rolloutFacilities}</th></tr></thead>
          <tbody>
            {dashboard.readersPerFacility.map((row) => (
              <tr key={row.readers}><th scope="row" data-label={t.rolloutReaderCount}>{row.readers}</th><td data-label={t.rolloutFacilities}>{formatNumber(row.facilities, locale)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
