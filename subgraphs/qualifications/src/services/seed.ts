import { count } from 'drizzle-orm';
import { addDays, ageOn, birthdayAtAge, copyInBatches, encodeCopyRows, seedLoad, type SubgraphDeps } from '@onshi/kit';
import { DEMO_INSURERS, demoCardRegistered, demoFacilities, demoTwins, demoPatients, type DemoCoverage, type DemoPatient } from '@onshi/demo';
import { cards, facilities, insurers, patients, qualifications, type Tables } from '../db/tables';

/** Patients per COPY (patients, cards and coverage rows of a thousand people). */
const PATIENTS_PER_COPY = 1_000;

/**
 * The demo cards' certificate expiry (docs/domain.md "Card certificate expiry"): a user certificate runs to its
 * holder's 5th birthday after issue, so the demo spreads the expiries over the holders' next five birthdays. 山田's
 * expires in 60 days, so his portal shows the renewal notice.
 */
export function demoCertificateExpiry(patient: Pick<DemoPatient, 'index' | 'birthdate'>, asOf: string): string {
  if (patient.index === 0) return addDays(asOf, 60);
  const asOfYear = Number(asOf.slice(0, 4));
  const birthYear = Number(patient.birthdate.slice(0, 4));
  const nextBirthdayAge = asOfYear - birthYear + (birthdayAtAge(patient.birthdate, asOfYear - birthYear) > asOf ? 0 : 1);
  return birthdayAtAge(patient.birthdate, nextBirthdayAge + (patient.index % 5));
}

/**
 * 高齢受給者 (ages 70–74 on the as-of date, open coverage): 20 % from the 1st of the month after the 70th
 * birthday (the birthday month itself for those born on the 1st) until the day before the 75th birthday,
 * when 後期高齢者医療 takes over.
 */
export function elderlyRecipient(patient: Pick<DemoPatient, 'birthdate'>, coverage: Pick<DemoCoverage, 'disqualificationDate'>, asOf: string) {
  const age = ageOn(patient.birthdate, asOf);
  if (coverage.disqualificationDate !== undefined || age < 70 || age >= 75) return {};
  const birthYear = Number(patient.birthdate.slice(0, 4));
  const firstOfBirthdayMonth = `${birthYear + 70}${patient.birthdate.slice(4, 7)}-01`;
  const firstOfNextMonth = `${addDays(`${firstOfBirthdayMonth.slice(0, 8)}28`, 7).slice(0, 8)}01`;
  const start = patient.birthdate.endsWith('-01') ? firstOfBirthdayMonth : firstOfNextMonth;
  // Someone born on 29 February turns 75 on 1 March of a common year, so their last day is 28 February
  // (birthdayAtAge; docs/domain.md "Dates").
  return { elderlyRecipientContributionRatio: '020', elderlyRecipientValidStartDate: start, elderlyRecipientValidEndDate: addDays(birthdayAtAge(patient.birthdate, 75), -1) };
}

/** People, cards and coverage histories from the deterministic demo world (docs/architecture.md "Data"). */
export async function seedQualifications({ db, copy, demo }: SubgraphDeps<Tables>): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(patients);
  if ((existing?.n ?? 0) > 0) return;
  await db.insert(insurers).values(DEMO_INSURERS.map(({ number, name, kind, prefecture }) => ({ number, name, kind, prefecture })));
  await db.insert(facilities).values(demoFacilities(demo.seed).map(({ code, name, kind, prefecture, address }) => ({ code, name, kind, prefecture, address })));
  await db.transaction(async (tx) => {
    const twins = demoTwins(demo.seed);
    await tx.insert(patients).values(twins.map((t) => t.patient));
    await tx.insert(qualifications).values(twins.map((t) => ({ patientId: t.patient.id, ...t.qualification })));
  });
  // At benchmark scale these tables' indexes, keys included, are built after the load (kit bulkCopy.ts).
  await seedLoad(db, demo.patients, [patients, cards, qualifications], () => copyInBatches(demoPatients(demo), { itemsPerCopy: PATIENTS_PER_COPY }, (batch) => [
    encodeCopyRows(patients, batch.map((p) => ({ id: p.id, linkageNumber: p.linkageNumber, name: p.name, nameKana: p.nameKana, sex: p.sex, birthdate: p.birthdate, postNumber: p.postNumber, address: p.address }))),
    encodeCopyRows(cards, batch.map((p) => ({ serial: p.cardSerial, linkageNumber: p.linkageNumber, registeredAt: demoCardRegistered(p.index) ? new Date(`${p.coverages[0]?.qualificationDate ?? demo.asOf}T00:00:00Z`) : null, certificateExpiresOn: demoCertificateExpiry(p, demo.asOf) }))),
    encodeCopyRows(qualifications, batch.flatMap((p) => p.coverages.map((c) => ({
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
      ...elderlyRecipient(p, c, demo.asOf),
    })))),
  ], copy));
}
