// Batched reads of drug information and medical expenses, one set of DataLoaders per request: every
// patient asked for in one request with the same arguments is read with one SQL statement, so the
// number of statements does not grow with the number of patients.
import DataLoader from 'dataloader';
import { and, asc, eq, gt, gte, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { japanDate, claimsViewableThrough, type Db, addDays, monthOf, inJsonList, preparedPerDatabase } from '@onshi/kit';
import { claimItems, claims, drugMaster, type Tables } from '../db/tables';
import { summarizeMedicalExpenses, type MedicalExpenseNotice } from '../services/medicalExpenses';
import { summarizeMedications, type Dispensing, type MedicationSummary } from '../services/medicationSummary';
import { retentionCutoff } from '../services/retention';

/** Position of a dispensing in the newest-first order: (date desc, claim id desc, line asc). */
export interface DispensingPosition {
  date: string;
  claimId: string;
  lineNo: number;
}

export interface DispensingRecord extends Dispensing, DispensingPosition {
  inOut: string;
  /** 先発品 brand / 後発品 generic / other, from the drug master. */
  drugKind: string;
}

export interface DispensingPageRequest {
  patientId: string;
  /** Inclusive bounds, YYYY-MM-DD; the 5-year retention window always applies on top. */
  from?: string;
  to?: string;
  /** Part of the ingredient name (一般名), e.g. `アムロジピン`. */
  ingredient?: string;
  first: number;
  after?: DispensingPosition;
}

export interface DispensingPage {
  records: DispensingRecord[];
  hasNextPage: boolean;
}

/**
 * Supplies are rarely longer than 90 days and untimed items count for 30 (medicationSummary.ts); a year
 * of history before the end of the information is ample to find everything that can still be active.
 */
export const ACTIVE_DRUG_LOOKBACK_DAYS = 365;

const ITEM_COLUMNS = {
  patientId: claimItems.patientId,
  claimId: claimItems.claimId,
  lineNo: claimItems.lineNo,
  date: claimItems.date,
  drugCode: claimItems.drugCode,
  quantity: claimItems.quantity,
  unit: claimItems.unit,
  usage: claimItems.usage,
  days: claimItems.days,
  inOut: claimItems.inOut,
  prescribingFacilityCode: claimItems.prescribingFacilityCode,
  pharmacyCode: claimItems.pharmacyCode,
  drugName: drugMaster.name,
  ingredient: drugMaster.ingredient,
  drugKind: drugMaster.kind,
};

interface ItemRow {
  patientId: string;
  claimId: string;
  lineNo: number;
  date: string;
  drugCode: string;
  quantity: number;
  unit: string;
  usage: string;
  days: number | null;
  inOut: string;
  prescribingFacilityCode: string;
  pharmacyCode: string | null;
  drugName: string;
  ingredient: string;
  drugKind: string;
}

/** Escapes LIKE wildcards so a search for `50%` matches the text, not a pattern. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function groupBy<K, V>(values: readonly V[], keyOf: (value: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** Every dispensing of the people since a date: the medication summary's read, on every doctor's screen and マイページ, so prepared. */
const recentDispensingsQuery = preparedPerDatabase((db: Db<Tables>) => db
  .select(ITEM_COLUMNS)
  .from(claimItems)
  .innerJoin(drugMaster, eq(drugMaster.drugCode, claimItems.drugCode))
  .where(and(inJsonList(claimItems.patientId, sql.placeholder('patientIds')), gte(claimItems.date, sql.placeholder('since'))))
  .prepare('drugs_recent_dispensings'));

/**
 * A page of dispensings per person, newest first (the `dispensings` connection a PHR app syncs by, and the doctor's
 * list): one prepared statement per combination of the optional conditions — an upper date, an ingredient, a cursor —
 * so at most eight, each built once per database (kit preparedPerDatabase). Built per request, drizzle's query
 * building was a fifth of drugs' CPU under PHR sync (docs/benchmarks.md "Run of 2026-12-05 00:22 UTC at commit b35f7df").
 */
const dispensingPageQuery = preparedPerDatabase((db: Db<Tables>) => {
  const byConditions = new Map<string, ReturnType<typeof buildDispensingPageQuery>>();
  return (shape: Omit<DispensingPageRequest, 'patientId' | 'first' | 'from'>) => {
    const present = { to: shape.to !== undefined, ingredient: shape.ingredient !== undefined, after: shape.after !== undefined };
    const name = `drugs_dispensing_page${present.to ? '_to' : ''}${present.ingredient ? '_ingredient' : ''}${present.after ? '_after' : ''}`;
    let query = byConditions.get(name);
    if (query === undefined) {
      query = buildDispensingPageQuery(db, present, name);
      byConditions.set(name, query);
    }
    return query;
  };
});

function buildDispensingPageQuery(db: Db<Tables>, present: { to: boolean; ingredient: boolean; after: boolean }, name: string) {
  const conditions: SQL[] = [inJsonList(claimItems.patientId, sql.placeholder('patientIds')), gte(claimItems.date, sql.placeholder('from'))];
  if (present.to) conditions.push(lte(claimItems.date, sql.placeholder('to')));
  if (present.ingredient) conditions.push(like(drugMaster.ingredient, sql.placeholder('ingredientPattern')));
  if (present.after) {
    const date = sql.placeholder('afterDate');
    const claimId = sql.placeholder('afterClaimId');
    const beyond = or(
      lt(claimItems.date, date),
      and(eq(claimItems.date, date), lt(claimItems.claimId, claimId)),
      and(eq(claimItems.date, date), eq(claimItems.claimId, claimId), gt(claimItems.lineNo, sql.placeholder('afterLineNo'))),
    );
    if (beyond) conditions.push(beyond);
  }
  const ranked = db
    .select({
      ...ITEM_COLUMNS,
      position: sql<number>`row_number() over (partition by ${claimItems.patientId} order by ${claimItems.date} desc, ${claimItems.claimId} desc, ${claimItems.lineNo} asc)`.as('position'),
    })
    .from(claimItems)
    .innerJoin(drugMaster, eq(drugMaster.drugCode, claimItems.drugCode))
    .where(and(...conditions))
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.position, sql.placeholder('rowsPerPatient'))).orderBy(asc(ranked.patientId), asc(ranked.position)).prepare(name);
}

export function createDrugLoaders(db: Db<Tables>, now: () => Date) {
  const toRecord = (row: ItemRow): DispensingRecord => ({
    claimId: row.claimId,
    lineNo: row.lineNo,
    date: row.date,
    drugCode: row.drugCode,
    drugName: row.drugName,
    ingredient: row.ingredient,
    drugKind: row.drugKind,
    quantity: row.quantity,
    unit: row.unit,
    usage: row.usage,
    ...(row.days === null ? {} : { days: row.days }),
    inOut: row.inOut,
    facilityCode: row.prescribingFacilityCode,
    ...(row.pharmacyCode === null ? {} : { pharmacyCode: row.pharmacyCode }),
  });

  /** One statement for every patient of a group: the newest `first + 1` rows per patient (window function). */
  async function readPages(patientIds: string[], shape: Omit<DispensingPageRequest, 'patientId'>): Promise<Map<string, DispensingPage>> {
    const cutoff = retentionCutoff(now());
    const rows = await dispensingPageQuery(db)(shape).execute({
      patientIds: JSON.stringify(patientIds),
      from: shape.from !== undefined && shape.from > cutoff ? shape.from : cutoff,
      to: shape.to,
      ingredientPattern: shape.ingredient === undefined ? undefined : containsPattern(shape.ingredient),
      afterDate: shape.after?.date,
      afterClaimId: shape.after?.claimId,
      afterLineNo: shape.after?.lineNo,
      rowsPerPatient: shape.first + 1,
    });
    const byPatient = groupBy(rows, (row) => row.patientId);
    return new Map(
      patientIds.map((patientId) => {
        const patientRows = byPatient.get(patientId) ?? [];
        return [patientId, { records: patientRows.slice(0, shape.first).map(toRecord), hasNextPage: patientRows.length > shape.first }];
      }),
    );
  }

  const shapeOf = ({ patientId: _patientId, ...shape }: DispensingPageRequest): Omit<DispensingPageRequest, 'patientId'> => shape;
  const emptyPage: DispensingPage = { records: [], hasNextPage: false };
  const dispensingPage = new DataLoader<DispensingPageRequest, DispensingPage, string>(
    async (requests) => {
      const results = new Map<string, DispensingPage>();
      // Usually one group: every patient of a list query asks with the same arguments.
      for (const group of groupBy(requests, (request) => JSON.stringify(shapeOf(request))).values()) {
        const representative = group[0];
        if (!representative) continue;
        const pages = await readPages([...new Set(group.map((request) => request.patientId))], shapeOf(representative));
        for (const request of group) results.set(JSON.stringify(request), pages.get(request.patientId) ?? emptyPage);
      }
      return requests.map((request) => results.get(JSON.stringify(request)) ?? emptyPage);
    },
    { cacheKeyFn: (request) => JSON.stringify(request) },
  );

  /** Recent dispensings of each patient, for the active-drug summary, judged where the claims end (kit claimsLag.ts). */
  const medicationSummary = new DataLoader<string, MedicationSummary>(async (patientIds) => {
    const asOf = now();
    const informationThrough = claimsViewableThrough(japanDate(asOf));
    const cutoff = retentionCutoff(asOf);
    const lookback = addDays(informationThrough, -ACTIVE_DRUG_LOOKBACK_DAYS);
    const since = lookback > cutoff ? lookback : cutoff;
    const rows: ItemRow[] = await recentDispensingsQuery(db).execute({ patientIds: JSON.stringify(patientIds), since });
    const byPatient = groupBy(rows, (row) => row.patientId);
    return patientIds.map((patientId) => summarizeMedications((byPatient.get(patientId) ?? []).map(toRecord), asOf, informationThrough));
  });

  /** Claims of one calendar year (the 医療費控除 year), still inside the retention window. */
  const medicalExpenses = new DataLoader<{ patientId: string; year: number }, MedicalExpenseNotice, string>(
    async (requests) => {
      const firstRetainedMonth = monthOf(retentionCutoff(now()));
      const results = new Map<string, MedicalExpenseNotice>();
      for (const [year, group] of groupBy(requests, (request) => request.year)) {
        const fromMonth = `${year}-01` > firstRetainedMonth ? `${year}-01` : firstRetainedMonth;
        const rows = await db
          .select({
            patientId: claims.patientId,
            facilityCode: claims.facilityCode,
            serviceMonth: claims.serviceMonth,
            totalPoints: claims.totalPoints,
            patientShareYen: claims.patientShareYen,
          })
          .from(claims)
          .where(and(inArray(claims.patientId, [...new Set(group.map((request) => request.patientId))]), gte(claims.serviceMonth, fromMonth), lte(claims.serviceMonth, `${year}-12`)));
        const byPatient = groupBy(rows, (row) => row.patientId);
        for (const request of group) results.set(`${request.patientId}|${year}`, summarizeMedicalExpenses(byPatient.get(request.patientId) ?? []));
      }
      return requests.map((request) => results.get(`${request.patientId}|${request.year}`) ?? { monthly: [], yearly: [] });
    },
    { cacheKeyFn: (request) => `${request.patientId}|${request.year}` },
  );

  return { dispensingPage, medicationSummary, medicalExpenses };
}
export type DrugLoaders = ReturnType<typeof createDrugLoaders>;
