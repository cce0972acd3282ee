import { count } from 'drizzle-orm';
import { insertInBatches, DEMO_CLINIC, DEMO_HOSPITAL, DEMO_PHR_APPS, DEMO_STAFF, demoPatient, facilityKindOfCode, type SubgraphDeps } from '@onshi/kit';
import { accounts, consents, dvBlocks, phrApps, phrGrants, type Tables } from '../db/tables';
import { hashSecret } from './card';

/** PHR grants last 90 days by default (DOMAIN.md "PHR": Mynaportal links data for 90 days). */
export const PHR_GRANT_DAYS = 90;

/** Demo accounts (README "Demo accounts"), the DV-blocked demo patient and the demo PHR grant. */
export async function seedConsent({ db, demo }: SubgraphDeps<Tables>): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(accounts);
  if ((existing?.n ?? 0) === 0) {
    const yamada = demoPatient(demo, 0);
    const sato = demoPatient(demo, 1);
    await db.insert(accounts).values([
      ...DEMO_STAFF.map((staff) => ({
        account: staff.account, role: staff.role, subject: `${staff.facilityCode ?? staff.insurerNumber ?? 'operator'}:${staff.staffId}`, displayName: staff.name,
        insurerNumber: staff.insurerNumber ?? null,
        facilityCode: staff.facilityCode ?? null, facilityKind: staff.facilityCode ? (facilityKindOfCode(staff.facilityCode) ?? null) : null,
      })),
      ...[yamada, sato].map((p) => ({ account: p.account ?? p.id, role: 'PATIENT', subject: p.id, displayName: p.name, patientId: p.id })),
      ...DEMO_PHR_APPS.map((app) => ({ account: app.account, role: 'PHR_APP', subject: app.clientId, displayName: app.name })),
    ]);
    await db.insert(phrApps).values(await Promise.all(DEMO_PHR_APPS.map(async (app) => ({ clientId: app.clientId, name: app.name, secretHash: await hashSecret(`${demo.seed}:${app.clientId}`) }))));
    const now = new Date();
    await db.insert(phrGrants).values({ patientId: yamada.id, appId: 'phr-demo', categories: ['QUALIFICATION', 'DRUG', 'CHECKUP'], grantedAt: now, expiresAt: new Date(now.getTime() + PHR_GRANT_DAYS * 86_400_000) });
    await db.insert(dvBlocks).values({ patientId: sato.id, registeredAt: now, registeredBy: 'demo-seed' });
  }
}

/** On every demo start: a fresh 24-hour consent for yamada at the demo clinic, both categories (issue: try it at once). */
export async function refreshDemoConsent({ db, demo }: SubgraphDeps<Tables>): Promise<void> {
  const yamada = demoPatient(demo, 0);
  const now = new Date();
  await db.insert(consents).values((['DRUG', 'CHECKUP'] as const).map((category) => ({ patientId: yamada.id, facilityCode: DEMO_CLINIC.code, category, method: 'FACE', registeredAt: now })));
  // The demo hospital (account hospital-doctor) sees every generated patient today (index ≥ 2, not the
  // named ones): ward rounds for the statement-count tests and the benchmark's "doctor" scenarios.
  function* wardConsents() {
    for (let index = 2; index < demo.patients; index += 1) {
      const id = demoPatient(demo, index).id;
      for (const category of ['DRUG', 'CHECKUP'] as const) yield { patientId: id, facilityCode: DEMO_HOSPITAL.code, category, method: 'FACE', registeredAt: now };
    }
  }
  await insertInBatches(wardConsents(), 1000, (batch) => db.insert(consents).values(batch));
}
