// What insurers, facilities and the operator read of the routing check (docs/drugs.md "Re-routing claims (レセプト振替)").
// Access is decided before any of these runs (resolvers/ClaimRoutingResolver.ts): these only read.
import { and, asc, desc, eq, gte, lte, or, sql, sum } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { claimRoutingCounts, claims, returnedClaims, type Tables } from '../db/tables';

export const ROUTED_CLAIMS_PAGE_MAX = 500;

export async function routedClaimsOf(db: Db<Tables>, insurerNumber: string, serviceMonth: string, first: number) {
  return db.select({
    claimId: claims.claimId, patientId: claims.patientId, claimKind: claims.claimKind, claimNumber: claims.claimNumber, facilityCode: claims.facilityCode,
    serviceMonth: claims.serviceMonth, totalPoints: claims.totalPoints, routing: claims.routing, billedInsurerNumber: claims.billedInsurerNumber, routingReason: claims.routingReason,
  }).from(claims)
    .where(and(eq(claims.insurerNumber, insurerNumber), eq(claims.serviceMonth, serviceMonth)))
    .orderBy(asc(claims.facilityCode), asc(claims.claimNumber))
    .limit(first);
}

export interface CountRow { key: string; claims: number; points: number }

async function grouped(db: Db<Tables>, key: typeof claimRoutingCounts.reason | typeof claimRoutingCounts.facilityCode, where: ReturnType<typeof and>): Promise<CountRow[]> {
  const rows = await db.select({ key, claims: sum(claimRoutingCounts.claims).mapWith(Number), points: sum(claimRoutingCounts.points).mapWith(Number) })
    .from(claimRoutingCounts).where(where).groupBy(key).orderBy(desc(sum(claimRoutingCounts.claims)), asc(key));
  return rows.map((row) => ({ key: row.key, claims: row.claims ?? 0, points: row.points ?? 0 }));
}

/** The insurer's monthly re-routing report: claims re-routed to it (by reason, by facility) and claims returned that were addressed to it. */
export async function reroutingReportOf(db: Db<Tables>, insurerNumber: string, serviceMonth: string) {
  const of = (outcome: string) => and(eq(claimRoutingCounts.serviceMonth, serviceMonth), eq(claimRoutingCounts.insurerNumber, insurerNumber), eq(claimRoutingCounts.outcome, outcome));
  const [byReason, byFacility, returnedByReason] = await Promise.all([grouped(db, claimRoutingCounts.reason, of('REROUTED')), grouped(db, claimRoutingCounts.facilityCode, of('REROUTED')), grouped(db, claimRoutingCounts.reason, of('RETURNED'))]);
  const total = (rows: CountRow[]) => rows.reduce((acc, row) => ({ claims: acc.claims + row.claims, points: acc.points + row.points }), { claims: 0, points: 0 });
  const rerouted = total(byReason);
  const returned = total(returnedByReason);
  return { insurerNumber, serviceMonth, reroutedCount: rerouted.claims, reroutedPoints: rerouted.points, byReason, byFacility, returnedCount: returned.claims, returnedPoints: returned.points, returnedByReason };
}

/** Claims returned to a facility, or concerning an insurer (addressed to it, or its coverage touched the month). */
export async function returnedClaimsOf(db: Db<Tables>, target: { facilityCode?: string; insurerNumber?: string }, serviceMonth: string) {
  const owner = target.facilityCode !== undefined
    ? eq(returnedClaims.facilityCode, target.facilityCode)
    : or(eq(returnedClaims.billedInsurerNumber, target.insurerNumber ?? ''), sql`${target.insurerNumber ?? ''} = any(${returnedClaims.coverageInsurerNumbers})`);
  return db.select().from(returnedClaims).where(and(owner, eq(returnedClaims.serviceMonth, serviceMonth))).orderBy(asc(returnedClaims.facilityCode), asc(returnedClaims.claimNumber)).limit(ROUTED_CLAIMS_PAGE_MAX);
}

/** National statistics per month of care: claims checked, stored as billed, re-routed, returned, and their points. */
export async function routingStatistics(db: Db<Tables>, fromMonth: string, toMonth: string) {
  const rows = await db.select({ serviceMonth: claimRoutingCounts.serviceMonth, outcome: claimRoutingCounts.outcome, claims: sum(claimRoutingCounts.claims).mapWith(Number), points: sum(claimRoutingCounts.points).mapWith(Number) })
    .from(claimRoutingCounts).where(and(gte(claimRoutingCounts.serviceMonth, fromMonth), lte(claimRoutingCounts.serviceMonth, toMonth)))
    .groupBy(claimRoutingCounts.serviceMonth, claimRoutingCounts.outcome).orderBy(asc(claimRoutingCounts.serviceMonth));
  const months = new Map<string, { serviceMonth: string; checked: number; asBilled: number; rerouted: number; returned: number; checkedPoints: number; reroutedPoints: number; returnedPoints: number }>();
  for (const row of rows) {
    const month = months.get(row.serviceMonth) ?? { serviceMonth: row.serviceMonth, checked: 0, asBilled: 0, rerouted: 0, returned: 0, checkedPoints: 0, reroutedPoints: 0, returnedPoints: 0 };
    const claimsCount = row.claims ?? 0;
    const points = row.points ?? 0;
    month.checked += claimsCount;
    month.checkedPoints += points;
    if (row.outcome === 'AS_BILLED') month.asBilled += claimsCount;
    if (row.outcome === 'REROUTED') { month.rerouted += claimsCount; month.reroutedPoints += points; }
    if (row.outcome === 'RETURNED') { month.returned += claimsCount; month.returnedPoints += points; }
    months.set(row.serviceMonth, month);
  }
  return [...months.values()];
}
