import DataLoader from 'dataloader';
import type { Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { readPatientLists } from '../../store/patientLists';

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
    const read = await readPatientLists(db, idsOf('consents'), idsOf('phrGrants'), limit);
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
