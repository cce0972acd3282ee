import { sql, type SQL } from 'drizzle-orm';
import { resultRows, type Actor, type Db } from '@onshi/kit';
import { consents, disasterIdentifications, disasters, dvBlocks, emergencyAccesses, hospitals, identityIndex, phrApps, phrGrants, viewingAuthorities, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

/** An authority row of a staff account at its facility, with whether the facility is a registered hospital. */
export interface AuthorityRow { authority: string; disasterId: string | null; hospital: boolean }

export interface DisasterJsonRow { id: string; prefectures: string[]; facilityCodes: string[] | null; startsAt: string; endsAt: string }

/** The facts of a batch of questions as the one statement of `readDecisionFacts` answers them (JSON: dates as ISO text). */
export interface FactRows {
  people: Array<{ patientId: string; insurerNumbers: string[]; currentInsurerNumber: string | null; dvBlocked: boolean }>;
  consents: Array<{ id: string; patientId: string; facilityCode: string; category: string; registeredAt: string; revokedAt: string | null }>;
  disasters: Array<DisasterJsonRow>;
  permissions: Array<{ id: string; disasterId: string; patientId: string; facilityCode: string; basis: string }>;
  authorities: AuthorityRow[];
  declarations: Array<DisasterJsonRow>;
  emergencies: Array<{ id: string; patientId: string; facilityCode: string; openedAt: string; expiresAt: string }>;
  grant: { id: string; patientId: string; appId: string; categories: string[]; expiresAt: string; revokedAt: string | null; appRegistered: boolean; appDisabledAt: string | null } | null;
}

/**
 * Every fact the rules need for a batch of questions, read by one statement (docs/benchmarks.md "SQL statements per
 * request"): the people and a DV block in force, the facility's open consents, the disasters in force and this
 * facility's disaster identifications, the staff account's authorities with the hospital registration and the
 * declarations they name, the emergency accesses opened here, and the PHR grant with its app. A part that does not
 * apply (no facility, no grant) reads nothing. `withLapsed` (staff asking about qualifications, whose answer carries
 * the consent flags) adds each category's newest lapsed consent to the valid ones: flag 2 (期限切れ) needs it
 * (docs/contracts.md contract 5); a consent registered at or before `consentCutoff` has lapsed. It locks nothing: the
 * entries of the decisions are chained by the one statement that writes them (decisionPoint.ts decideAndLog).
 */
function factsStatement(actor: Actor, patientIds: readonly string[], now: Date, consentCutoff: Date, withLapsed: boolean): SQL {
  const ids = JSON.stringify(patientIds);
  const facility = actor.facilityCode ?? null;
  const at = sql`${now.toISOString()}::timestamptz`;
  const cutoff = sql`${consentCutoff.toISOString()}::timestamptz`;
  const list = (rows: SQL) => sql`(select coalesce(json_agg(r), '[]'::json) from (${rows}) r)`;
  const disasterColumns = sql`d.id, d.prefectures, d.facility_codes as "facilityCodes", d.starts_at as "startsAt", d.ends_at as "endsAt"`;
  // The ids as an array computed once (an InitPlan): `= any(…)` over it lets the planner take each table's patient index.
  // A set-returning CTE joined with `in (select …)` is estimated at 100 rows, and the planner hashed whole tables
  // (identity_index, consents) instead: a sequential scan per decision, which grows with the population.
  const isAsked = (column: string) => sql.raw(`${column} = any((select list from ids)::text[])`);
  const openConsent = (alias: string) => sql`${isAsked(`${alias}.patient_id`)} and ${sql.raw(`${alias}.revoked_at is null and ${alias}.facility_code = `)}`;
  return sql`with ids as materialized (select array(select jsonb_array_elements_text(${ids}::jsonb)) as list),
    authority as materialized (
      select a.authority, a.disaster_id as "disasterId", h.facility_code is not null as hospital
      from ${viewingAuthorities} a left join ${hospitals} h on h.facility_code = a.facility_code
      where a.subject = ${actor.subject} and a.facility_code = ${facility}::text and a.revoked_at is null)
    select json_build_object(
      'people', ${list(sql`select p.patient_id as "patientId", p.insurer_numbers as "insurerNumbers", p.current_insurer_number as "currentInsurerNumber",
        exists (select 1 from ${dvBlocks} b where b.patient_id = p.patient_id and b.lifted_at is null) as "dvBlocked"
        from ${identityIndex} p where ${isAsked('p.patient_id')}`)},
      'consents', ${list(sql`select c.id, c.patient_id as "patientId", c.facility_code as "facilityCode", c.category, c.registered_at as "registeredAt", c.revoked_at as "revokedAt"
        from ${consents} c where ${openConsent('c')}${facility}::text and (c.registered_at > ${cutoff} or (${withLapsed}::boolean and c.id in (
          select distinct on (l.patient_id, l.category) l.id from ${consents} l where ${openConsent('l')}${facility}::text and l.registered_at <= ${cutoff}
          order by l.patient_id, l.category, l.registered_at desc)))`)},
      'disasters', ${list(sql`select ${disasterColumns} from ${disasters} d where ${facility}::text is not null and d.starts_at <= ${at} and d.ends_at >= ${at}`)},
      'permissions', ${list(sql`select i.id, i.disaster_id as "disasterId", i.patient_id as "patientId", i.facility_code as "facilityCode", i.basis
        from ${disasterIdentifications} i where ${isAsked('i.patient_id')} and i.facility_code = ${facility}::text and i.basis is not null`)},
      'authorities', ${list(sql`select * from authority`)},
      'declarations', ${list(sql`select ${disasterColumns} from ${disasters} d where d.id in (select "disasterId" from authority)`)},
      'emergencies', ${list(sql`select e.id, e.patient_id as "patientId", e.facility_code as "facilityCode", e.opened_at as "openedAt", e.expires_at as "expiresAt"
        from ${emergencyAccesses} e where ${isAsked('e.patient_id')} and e.facility_code = ${facility}::text and e.expires_at > ${at}`)},
      'grant', (select json_build_object('id', g.id, 'patientId', g.patient_id, 'appId', g.app_id, 'categories', g.categories, 'expiresAt', g.expires_at,
          'revokedAt', g.revoked_at, 'appRegistered', a.client_id is not null, 'appDisabledAt', a.disabled_at)
        from ${phrGrants} g left join ${phrApps} a on a.client_id = g.app_id where g.id = ${actor.grantId ?? null}::uuid)
    )::text as facts`;
}

/** Reads the facts of a batch of questions by one statement (factsStatement). No row means no facts: fail closed rather than decide on nothing. */
export async function readDecisionFacts(
  db: Db<Tables> | Transaction, actor: Actor, patientIds: readonly string[], now: Date, consentCutoff: Date, withLapsed: boolean,
): Promise<FactRows> {
  const [row] = resultRows<{ facts: string }>(await db.execute(factsStatement(actor, patientIds, now, consentCutoff, withLapsed)));
  if (row === undefined) throw new Error('decision facts could not be read');
  return JSON.parse(row.facts) as FactRows;
}
