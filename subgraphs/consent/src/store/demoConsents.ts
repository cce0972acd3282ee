import type { ConsentMethod, Db } from '@onshi/kit';
import { consents, type Tables } from '../db/tables';

/** Demo mode only: a consent with a chosen registration time (the tests' injected clock; http/internalRoutes.ts). */
export async function insertDemoConsent(db: Db<Tables>, consent: { patientId: string; facilityCode: string; category: 'DRUG' | 'CHECKUP'; registeredAt: Date }): Promise<string | undefined> {
  const [row] = await db.insert(consents).values({ ...consent, method: 'DEMO' satisfies ConsentMethod }).returning({ id: consents.id });
  return row?.id;
}
