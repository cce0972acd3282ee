import { count } from 'drizzle-orm';
import { DEMO_INSURERS, demoFacilities, demoPatient, insertInBatches, type SubgraphDeps } from '@onshi/kit';
import { cards, facilities, insurers, patients, qualifications, type Tables } from '../db/tables';

const BATCH = 500;

/** People, cards and coverage histories from the deterministic demo world (ARCHITECTURE.md "Data"). */
export async function seedQualifications({ db, demo }: SubgraphDeps<Tables>): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(patients);
  if ((existing?.n ?? 0) > 0) return;
  await db.insert(insurers).values(DEMO_INSURERS.map(({ number, name, kind, prefecture }) => ({ number, name, kind, prefecture })));
  await db.insert(facilities).values(demoFacilities(demo.seed).map(({ code, name, kind, prefecture, address }) => ({ code, name, kind, prefecture, address })));
  function* people() {
    for (let index = 0; index < demo.patients; index += 1) yield demoPatient(demo, index);
  }
  await insertInBatches(people(), BATCH, async (batch) => {
    await db.transaction(async (tx) => {
      await tx.insert(patients).values(batch.map((p) => ({ id: p.id, linkageNumber: p.linkageNumber, name: p.name, nameKana: p.nameKana, sex: p.sex, birthdate: p.birthdate, postNumber: p.postNumber, address: p.address })));
      await tx.insert(cards).values(batch.map((p) => ({ serial: p.cardSerial, linkageNumber: p.linkageNumber, registeredAt: new Date(`${p.coverages[0]?.qualificationDate ?? demo.asOf}T00:00:00Z`) })));
      await tx.insert(qualifications).values(batch.flatMap((p) => p.coverages.map((c) => ({
        patientId: p.id,
        insurerNumber: c.insurerNumber,
        insuredCardSymbol: c.insuredCardSymbol,
        insuredIdentificationNumber: c.insuredIdentificationNumber,
        insuredBranchNumber: c.insuredBranchNumber,
        personalFamilyClassification: c.personalFamilyClassification,
        qualificationDate: c.qualificationDate,
        disqualificationDate: c.disqualificationDate ?? null,
        insuredPartialContributionRatio: c.insuredPartialContributionRatio,
        limitApplicationCertificateClassificationFlag: c.limitApplicationCertificateClassificationFlag ?? null,
      }))));
    });
  });
}
