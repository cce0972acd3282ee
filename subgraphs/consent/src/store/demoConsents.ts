import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { ConsentMethod, Db } from '@onshi/kit';
import { consents, type Tables } from '../db/tables';

/** Demo mode only: a consent with a chosen registration time (the tests' injected clock; http/internalRoutes.ts). */
export async function insertDemoConsent(db: Db<Tables>, consent: { patientId: string; facilityCode: string; category: 'DRUG' | 'CHECKUP'; registeredAt: Date }): Promise<string | undefined> {
  const [row] = await db.insert(consents).values({ ...consent, method: 'DEMO' satisfies ConsentMethod }).returning({ id: consents.id });
  return row?.id;
}

/**
 * Demo start only: which of these people already hold an open consent at the facility registered at or after
 * `since`, as `patientId:category` keys (services/seed.ts refreshDemoConsent registers only the missing ones).
 */
export async function openConsentKeysSince(db: Db<Tables>, facilityCode: string, patientIds: string[], since: Date): Promise<Set<string>> {
  const rows = await db.select({ patientId: consents.patientId, category: consents.category }).from(consents)
    .where(and(inArray(consents.patientId, patientIds), eq(consents.facilityCode, facilityCode), isNull(consents.revokedAt), gte(consents.registeredAt, since)));
  return new Set(rows.map(({ patientId, category }) => `${patientId}:${category}`));
}
