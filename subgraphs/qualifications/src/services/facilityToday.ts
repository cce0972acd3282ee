/**
 * 本日の資格確認 at one facility: every staff PC of the facility shares one list instead of a
 * per-browser cookie. Scoped to the caller's own facility by construction (its code comes from the token,
 * never from an argument), so another facility's staff cannot even ask for it.
 */
import { startOfJapanDay, type Db } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { confirmationsAtFacilitySince } from '../store/confirmations';
import type { ConsentFlags } from './consentFlags';

export interface FacilityConfirmationView {
  patientId: string; name: string; nameKana: string; sex: string; birthdate: string;
  confirmedAt: string; method: string; qualificationValidity: string;
  drugInfoConsentFlag: string; checkupInfoConsentFlag: string; drugConsentExpiresAt: string | null; checkupConsentExpiresAt: string | null;
}

export interface FacilityTodayDeps {
  db: Db<Tables>;
  facilityCode: string;
  now: Date;
  /** The decision point's QUALIFICATION answer per person (batched, logged): a person it refuses is left out. */
  mayShow(people: Array<{ patientId: string; confirmedAt: Date }>): Promise<Set<string>>;
  consentFlags(patientId: string): Promise<ConsentFlags>;
}

/** The most recent confirmation of each person at this facility since 00:00 JST, newest first. */
export async function confirmationsAtFacilityToday(deps: FacilityTodayDeps): Promise<FacilityConfirmationView[]> {
  const rows = await confirmationsAtFacilitySince(deps.db, deps.facilityCode, startOfJapanDay(deps.now));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.p.id)) latest.set(row.p.id, row);
  const allowed = latest.size === 0 ? new Set<string>() : await deps.mayShow([...latest.values()].map(({ c, p }) => ({ patientId: p.id, confirmedAt: c.at })));
  const shown = [...latest.values()].filter((row) => allowed.has(row.p.id));
  return Promise.all(shown.map(async ({ c, p }) => {
    const flags = await deps.consentFlags(p.id);
    return {
      patientId: p.id, name: p.name, nameKana: p.nameKana, sex: p.sex, birthdate: p.birthdate,
      confirmedAt: c.at.toISOString(), method: c.method, qualificationValidity: c.qualificationValidity,
      drugInfoConsentFlag: flags.drug, checkupInfoConsentFlag: flags.checkup,
      drugConsentExpiresAt: flags.expiresAt?.drug ?? null, checkupConsentExpiresAt: flags.expiresAt?.checkup ?? null,
    };
  }));
}
