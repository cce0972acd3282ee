import { sql, type SQL } from 'drizzle-orm';
import { resultRows, type Db } from '@onshi/kit';
import { consents, phrApps, phrGrants, type Tables } from '../db/tables';

export interface JsonConsent { patientId: string; id: string; facilityCode: string; category: string; method: string; registeredAt: string; revokedAt: string | null }
export interface JsonGrant { patientId: string; id: string; appId: string; categories: string[]; grantedAt: string; expiresAt: string; revokedAt: string | null; name: string | null; operatorName: string | null }

/**
 * The consents of the people `consentIds` names and the PHR grants (with their app's name and operator) of those
 * `grantIds` names, newest first and at most `limit` per person and list, by one statement (docs/benchmarks.md "SQL
 * statements per request"). Each id list is a JSON array; an empty one reads nothing.
 */
export async function readPatientLists(db: Db<Tables>, consentIds: string, grantIds: string, limit: number): Promise<{ consents: JsonConsent[]; phrGrants: JsonGrant[] }> {
  // An array computed once, so the planner takes each table's patient index (docs/benchmarks.md "The decision read's plan").
  const asked = (ids: string) => sql`any(array(select jsonb_array_elements_text(${ids}::jsonb)))`;
  // Newest first per person, `limit` per person: the list's own order, kept inside the aggregate.
  const list = (rows: SQL, order: SQL) => sql`(select coalesce(json_agg(r order by ${order}), '[]'::json) from (${rows}) r where r.n <= ${limit})`;
  const [row] = resultRows<{ lists: string }>(await db.execute(sql`select json_build_object(
      'consents', ${list(sql`select c.patient_id as "patientId", c.id, c.facility_code as "facilityCode", c.category, c.method,
          c.registered_at as "registeredAt", c.revoked_at as "revokedAt", row_number() over (partition by c.patient_id order by c.registered_at desc) as n
        from ${consents} c where c.patient_id = ${asked(consentIds)}`, sql`r."patientId", r."registeredAt" desc`)},
      'phrGrants', ${list(sql`select g.patient_id as "patientId", g.id, g.app_id as "appId", g.categories, g.granted_at as "grantedAt", g.expires_at as "expiresAt",
          g.revoked_at as "revokedAt", a.name, a.operator_name as "operatorName", row_number() over (partition by g.patient_id order by g.granted_at desc) as n
        from ${phrGrants} g left join ${phrApps} a on a.client_id = g.app_id where g.patient_id = ${asked(grantIds)}`, sql`r."patientId", r."grantedAt" desc`)}
    )::text as lists`));
  if (row === undefined) throw new Error('the lists could not be read');
  return JSON.parse(row.lists) as { consents: JsonConsent[]; phrGrants: JsonGrant[] };
}
