import type { Metadata } from 'next';
import { registerReaderAction, setReaderStatusAction } from '@/app/actions/onboarding';
import { FormRefusalNotice } from '@/components/FormRefusalNotice';
import { ErrorState } from '@/components/States';
import { formatDateTime } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { FacilityDetailQuery } from '@/lib/graphql/onboarding';
import { messages, pageTitle } from '@/lib/i18n';
import type { AdminChangeAction, CardReaderStatus as ReaderStatus } from '@/lib/graphql/generated/graphql';
import type { Messages } from '@/lib/messages';
import { pageData } from '@/lib/pageData';
import { prefectureName } from '@/lib/prefectures';
import { currentSession } from '@/lib/session';
import { facilityKindLabel } from '@/lib/facilityKind';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleOperatorFacility');
}

/** The status changes the API allows from each status (RETIRED is final: consent services/identity/readers.ts). */
const NEXT_STATUSES: Record<ReaderStatus, ReadonlyArray<{ status: ReaderStatus; label: 'readerSuspend' | 'readerActivate' | 'readerRetire' }>> = {
  ACTIVE: [{ status: 'SUSPENDED', label: 'readerSuspend' }, { status: 'RETIRED', label: 'readerRetire' }],
  SUSPENDED: [{ status: 'ACTIVE', label: 'readerActivate' }, { status: 'RETIRED', label: 'readerRetire' }],
  RETIRED: [],
};

function statusText(t: Messages, status: ReaderStatus): string {
  return t[`readerStatus${status}`];
}

/** A change's JSON before or after, as stored (append-only admin_changes), pretty-printed. */
function ChangeJson({ json, empty }: { json: string | null; empty: string }) {
  if (json === null) return <span className="muted">{empty}</span>;
  let pretty = json;
  try { pretty = JSON.stringify(JSON.parse(json), null, 1); } catch { /* shown as stored */ }
  return <pre className="change">{pretty}</pre>;
}

/**
 * One facility for the operator (docs/operations.md step 4 and the history): its card readers — register with the
 * reader's Ed25519 public key, suspend, resume, retire — and every admin change about it with before and after.
 */
export default async function OperatorFacilityPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code } = await params;
  const query = await searchParams;
  const { locale, t } = await messages();
  const session = await currentSession();
  if (!session) return null;
  const here = `/operator/facilities/${encodeURIComponent(code)}`;
  const result = await pageData(await gatewayQuery(FacilityDetailQuery, { facilityCode: code }, session.token), '/staff/login');
  const error = typeof query.error === 'string' ? query.error : undefined;
  const field = typeof query.field === 'string' ? query.field : undefined;
  const back = <p><a href="/operator/facilities">{t.backToFacilities}</a></p>;
  if (!result.ok) return <>{back}<h1>{t.labelled(t.titleOperatorFacility, code)}</h1><ErrorState t={t} failure={result} retryHref={here} /></>;
  const { onboardedFacility: facility, readersOfFacility: readers, adminChanges: changes } = result.data;
  return (
    <>
      {back}
      <h1 data-testid="facility-name">{facility.name}</h1>
      <p className="muted" data-testid="facility-code">{facility.code}・{prefectureName(facility.prefecture, locale)}・{facilityKindLabel(facility, t)}</p>
      <h2 id="readers">{t.readersTitle}</h2>
      {error ? <FormRefusalNotice locale={locale} refusal={{ code: error, ...(field ? { field } : {}) }} /> : null}
      {query.done === 'reader' ? <p className="notice notice--ok" role="status">{t.readerUpdated}</p> : null}
      {readers.length === 0 ? <p className="notice">{t.readersNone}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="readers">
          <table className="table--cards" data-testid="readers-table">
            <thead><tr><th scope="col">{t.readerLabel}</th><th scope="col">{t.readerId}</th><th scope="col">{t.readerStatus}</th><th scope="col">{t.facilityRegisteredAt}</th><th scope="col"><span className="visually-hidden">{t.readerActions}</span></th></tr></thead>
            <tbody>
              {readers.map((reader) => (
                <tr key={reader.id} data-reader={reader.id} data-status={reader.status}>
                  <th scope="row" data-label={t.readerLabel}>{reader.label ?? '—'}</th>
                  <td data-label={t.readerId}><span className="uri-text">{reader.id}</span></td>
                  <td data-label={t.readerStatus}><span className={`badge ${reader.status === 'ACTIVE' ? 'badge--ok' : reader.status === 'SUSPENDED' ? 'badge--warn' : 'badge--muted'}`}>{statusText(t, reader.status)}</span></td>
                  <td data-label={t.facilityRegisteredAt}>{formatDateTime(reader.registeredAt, locale)}</td>
                  <td data-label={t.readerActions}>
                    {(NEXT_STATUSES[reader.status as ReaderStatus] ?? []).map((next) => (
                      <form key={next.status} action={setReaderStatusAction} className="inline-form">
                        <input type="hidden" name="facilityCode" value={code} />
                        <input type="hidden" name="readerId" value={reader.id} />
                        <input type="hidden" name="status" value={next.status} />
                        <button type="submit" className="button button--quiet" data-status={next.status} aria-label={t.readerActionLabel(t[next.label], reader.label ?? reader.id)}>{t[next.label]}</button>
                      </form>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="register-reader-title">
        <h3 id="register-reader-title" style={{ marginTop: 0 }}>{t.readerRegisterTitle}</h3>
        <form action={registerReaderAction}>
          <input type="hidden" name="facilityCode" value={code} />
          <div className="field"><label htmlFor="label">{t.readerLabel}</label><input id="label" name="label" /></div>
          <div className="field"><label htmlFor="publicKeyJwk">{t.readerKeyField}</label><textarea id="publicKeyJwk" name="publicKeyJwk" rows={4} required /></div>
          <button type="submit" className="button">{t.readerRegisterButton}</button>
        </form>
      </section>
      <h2 id="changes-title">{t.changesTitle}</h2>
      {changes.length === 0 ? <p className="notice">{t.changesNone}</p> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="changes-title">
          <table className="table--cards" data-testid="changes-table">
            <thead><tr><th scope="col">{t.changeAt}</th><th scope="col">{t.changeAction}</th><th scope="col">{t.changeActor}</th><th scope="col">{t.changeBefore}</th><th scope="col">{t.changeAfter}</th></tr></thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.id} data-action={change.action}>
                  <td data-label={t.changeAt}>{formatDateTime(change.at, locale)}</td>
                  <th scope="row" data-label={t.changeAction}>{actionLabel(t, change.action)}</th>
                  <td data-label={t.changeActor}><span className="uri-text">{change.actorSubject}</span></td>
                  <td data-label={t.changeBefore} data-testid="change-before"><ChangeJson json={change.before} empty={t.changeCreated} /></td>
                  <td data-label={t.changeAfter} data-testid="change-after"><ChangeJson json={change.after} empty="—" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The actions with a label of their own; the others (AdminChangeAction, from the schema) show their word. */
const ACTIONS: Partial<Record<AdminChangeAction, `action${AdminChangeAction}` & keyof Messages>> = {
  REGISTER_FACILITY: 'actionREGISTER_FACILITY', REGISTER_READER: 'actionREGISTER_READER', SET_READER_STATUS: 'actionSET_READER_STATUS',
  ENROLL_STAFF: 'actionENROLL_STAFF', DISABLE_STAFF: 'actionDISABLE_STAFF',
};

function actionLabel(t: Messages, action: AdminChangeAction): string {
  const key = ACTIONS[action];
  return key ? t[key] : action;
}
