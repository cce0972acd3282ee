import DataLoader from 'dataloader';
import { sql, type SQL } from 'drizzle-orm';
import { resultRows, type Db } from '@onshi/kit';
import { consents, phrApps, phrGrants, type Tables } from '../../db/tables';

/** A consent as the person's list shows it. */
export interface ConsentListRow { id: string; facilityCode: string; category: string; method: string; registeredAt: Date; revokedAt: Date | null }

/** A PHR grant with its app's display name and operator (null when the app is no longer registered). */
export interface GrantListRow {
  grant: { id: string; patientId: string; appId: string; categories: string[]; grantedAt: Date; expiresAt: Date; revokedAt: Date | null };
  name: string | null;
  operatorName: string | null;
}

export type PatientList = 'consents' | 'phrGrants';
interface ListKey { list: PatientList; patientId: string }
type ListRows<L extends PatientList> = L extends 'consents' ? ConsentListRow[] : GrantListRow[];

interface JsonConsent { patientId: string; id: string; facilityCode: string; category: string; method: string; registeredAt: string; revokedAt: string | null }
interface JsonGrant { patientId: string; id: string; appId: string; categories: string[]; grantedAt: string; expiresAt: string; revokedAt: string | null; name: string | null; operatorName: string | null }

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The person's own lists (consents, PHR grants), newest first and at most `limit` each, for every list and person a
 * request asks about, read by one statement (docs/benchmarks.md "SQL statements per request"): マイページ asks for
 * both lists of one person, which were two statements. A list nobody asked for reads nothing. Batched, not cached: a
 * list read after a write in the same request reads again.
 */
export function createPatientListsLoader(db: Db<Tables>, limit: number) {
  const loader = new DataLoader<ListKey, ConsentListRow[] | GrantListRow[], string>(async (keys) => {
    const idsOf = (list: PatientList) => JSON.stringify([...new Set(keys.filter((key) => key.list === list).map((key) => key.patientId))]);
    // An array computed once, so the planner takes each table's patient index (docs/benchmarks.md "The decision read's plan").
    const asked = (ids: string) => sql`any(array(select jsonb_array_elements_text(${ids}::jsonb)))`;
    // Newest first per person, `limit` per person: the list's own order, kept inside the aggregate.
    const list = (rows: SQL, order: SQL) => sql`(select coalesce(json_agg(r order by ${order}), '[]'::json) from (${rows}) r where r.n <= ${limit})`;
    const [row] = resultRows<{ lists: string }>(await db.execute(sql`select json_build_object(
      'consents', ${list(sql`select c.patient_id as "patientId", c.id, c.facility_code as "facilityCode", c.category, c.method,
          c.registered_at as "registeredAt", c.revoked_at as "revokedAt", row_number() over (partition by c.patient_id order by c.registered_at desc) as n
        from ${consents} c where c.patient_id = ${asked(idsOf('consents'))}`, sql`r."patientId", r."registeredAt" desc`)},
      'phrGrants', ${list(sql`select g.patient_id as "patientId", g.id, g.app_id as "appId", g.categories, g.granted_at as "grantedAt", g.expires_at as "expiresAt",
          g.revoked_at as "revokedAt", a.name, a.operator_name as "operatorName", row_number() over (partition by g.patient_id order by g.granted_at desc) as n
        from ${phrGrants} g left join ${phrApps} a on a.client_id = g.app_id where g.patient_id = ${asked(idsOf('phrGrants'))}`, sql`r."patientId", r."grantedAt" desc`)}
    )::text as lists`));
    if (row === undefined) throw new Error('the lists could not be read');
    const read = JSON.parse(row.lists) as { consents: JsonConsent[]; phrGrants: JsonGrant[] };
    return keys.map((key) => key.list === 'consents'
      ? read.consents.filter((c) => c.patientId === key.patientId).map((c) => ({
        id: c.id, facilityCode: c.facilityCode, category: c.category, method: c.method, registeredAt: new Date(c.registeredAt), revokedAt: dateOrNull(c.revokedAt),
      }))
      : read.phrGrants.filter((g) => g.patientId === key.patientId).map((g) => ({
        grant: { id: g.id, patientId: g.patientId, appId: g.appId, categories: g.categories, grantedAt: new Date(g.grantedAt), expiresAt: new Date(g.expiresAt), revokedAt: dateOrNull(g.revokedAt) },
        name: g.name, operatorName: g.operatorName,
      })));
  }, { cache: false });
  return {
    load: <L extends PatientList>(list: L, patientId: string) => loader.load({ list, patientId }) as Promise<ListRows<L>>,
  };
}

export type PatientListsLoader = ReturnType<typeof createPatientListsLoader>;
