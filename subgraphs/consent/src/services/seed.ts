import { count } from 'drizzle-orm';
import { copyInBatches, encodeCopyRows, insertInBatches, facilityKindOfCode, seedLoad, type SubgraphDeps } from '@onshi/kit';
import {
  demoFacilities, DEMO_CLINIC, DEMO_HOSPITAL, DEMO_INSURERS, DEMO_PHR_APPS, DEMO_STAFF, DEMO_STAFF_PASSWORD, demoPatient, demoPatientCardSpki, demoPatients, demoPhrAppSecret,
  demoTotpSecret, demoTwins, type DemoPatient,
} from '@onshi/demo';
import { accounts, cards, consents, dvBlocks, facilities, hospitals, insurers, identityIndex, phrApps, phrGrants, viewingAuthorities, type Tables } from '../db/tables';
import { hashPin, hashSecret } from './identity/card';
import { DEMO_FACILITIES_REGISTERED_ON } from './demoReaders';
import { nameKey } from './policy/disasterSearch';
import { PHR_GRANT_DAYS } from './operator/phrApps';
import { CONSENT_VALIDITY_MS } from './policy/decision';
import { openConsentKeysSince } from '../store/demoConsents';
import { createSecretBox, loadOrCreateSecretKey } from './identity/secretBox';
import { hashPassword } from './identity/staffAuth';

const SEED_BATCH = 1000;
/** The demo hospital's ward: patients 2 … 1,001 of the demo world. */
export const DEMO_WARD_END = 1_002;

const insurerNames = new Map(DEMO_INSURERS.map((insurer) => [insurer.number, insurer.name]));

function identityRow(patient: DemoPatient) {
  const numbers = [...new Set(patient.coverages.map((c) => c.insurerNumber))];
  return {
    patientId: patient.id, name: patient.name, nameKana: patient.nameKana, nameKey: nameKey(patient.name), kanaKey: nameKey(patient.nameKana),
    birthdate: patient.birthdate, sex: patient.sex, address: patient.address,
    insurerNames: numbers.map((n) => insurerNames.get(n)).filter((n): n is string => n !== undefined), insurerNumbers: numbers,
    // Coverages are oldest first: the last one is the newest (DemoPatient.coverages).
    linkageNumber: patient.linkageNumber, currentInsurerNumber: patient.coverages.at(-1)?.insurerNumber ?? null,
  };
}

/** Demo accounts (README "Demo accounts"), every demo patient's card, the identity index, the DV-blocked demo patient and the demo PHR grant. */
export async function seedConsent({ db, copy, demo, config }: SubgraphDeps<Tables>): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(accounts);
  if ((existing?.n ?? 0) > 0) return;
  const yamada = demoPatient(demo, 0);
  const sato = demoPatient(demo, 1);
  // scrypt at production cost (card.ts DEFAULT_SCRYPT_PARAMS, ~0.3 s each) cannot run once per card for
  // 10⁶ demo patients. Every demo card has the same documented PIN, so the PIN is hashed ONCE per seed and
  // that stored string reused for every demo card; likewise the one demo password. A real card's PIN is
  // hashed with its own salt when the card is registered.
  const demoPinHash = await hashPin(yamada.pin);
  const demoPasswordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const secrets = createSecretBox(loadOrCreateSecretKey(config.DATA_DIR));
  await db.insert(accounts).values([
    ...DEMO_STAFF.map((staff) => ({
      account: staff.account, role: staff.role, staffId: staff.staffId, subject: `${staff.facilityCode ?? staff.insurerNumber ?? 'operator'}:${staff.staffId}`, displayName: staff.name,
      insurerNumber: staff.insurerNumber ?? null,
      facilityCode: staff.facilityCode ?? null, facilityKind: staff.facilityCode ? (facilityKindOfCode(staff.facilityCode) ?? null) : null,
      passwordHash: demoPasswordHash, totpSecret: secrets.seal(demoTotpSecret(demo.seed, staff.account)),
    })),
    ...DEMO_PHR_APPS.map((app) => ({ account: app.account, role: 'PHR_APP', subject: app.clientId, displayName: app.name })),
  ]);
  // At benchmark scale the cards' and the identity index's indexes, keys included, are built after the load (kit bulkCopy.ts).
  await seedLoad(db, demo.patients, [cards, identityIndex], () => copyInBatches(demoPatients(demo), { itemsPerCopy: SEED_BATCH }, (batch) => [
    encodeCopyRows(cards, batch.map((patient) => ({
      serial: patient.cardSerial, patientId: patient.id, publicKey: demoPatientCardSpki(demo.seed, patient.cardSerial), pinHash: demoPinHash,
    }))),
    encodeCopyRows(identityIndex, batch.map(identityRow)),
  ], copy));
  // The demo twins (the demo package's demoTwins) exist in qualifications only, without a card: the decision point must know them.
  await db.insert(identityIndex).values(demoTwins(demo.seed).map(({ patient, qualification }) => ({
    patientId: patient.id, name: patient.name, nameKana: patient.nameKana, nameKey: nameKey(patient.name), kanaKey: nameKey(patient.nameKana),
    birthdate: patient.birthdate, sex: patient.sex, address: patient.address,
    insurerNames: [insurerNames.get(qualification.insurerNumber)].filter((n): n is string => n !== undefined), insurerNumbers: [qualification.insurerNumber],
    linkageNumber: patient.linkageNumber, currentInsurerNumber: qualification.insurerNumber,
  })));
  await db.insert(phrApps).values(await Promise.all(DEMO_PHR_APPS.map(async (app) => ({ clientId: app.clientId, name: app.name, operatorName: app.operatorName, scopes: [...app.scopes], secretHash: await hashSecret(demoPhrAppSecret(demo.seed, app.clientId)), createdAt: new Date() }))));
  const now = new Date();
  await db.insert(phrGrants).values({ patientId: yamada.id, appId: 'phr-demo', categories: ['QUALIFICATION', 'DRUG', 'CHECKUP'], grantedAt: now, expiresAt: new Date(now.getTime() + PHR_GRANT_DAYS * 86_400_000) });
  await db.insert(dvBlocks).values({ patientId: sato.id, registeredAt: now, registeredBy: 'demo-seed', registeredByRole: 'ADMIN', requestReference: 'demo: 佐藤 花子の申出 (README "Demo accounts")' });
  // Emergency access (docs/domain.md "Emergency access"): the demo hospital is registered as a hospital and its
  // doctor holds the emergency viewing authority; the demo clinic is a clinic (not registered).
  await db.insert(hospitals).values({ facilityCode: DEMO_HOSPITAL.code, name: DEMO_HOSPITAL.name, registeredBy: 'demo-seed', registeredAt: now });
  const hospitalDoctor = DEMO_STAFF.find((staff) => staff.account === 'hospital-doctor');
  if (hospitalDoctor?.facilityCode) {
    await db.insert(viewingAuthorities).values({ subject: `${hospitalDoctor.facilityCode}:${hospitalDoctor.staffId}`, facilityCode: hospitalDoctor.facilityCode, authority: 'EMERGENCY_VIEWING', grantedBy: 'demo-seed', grantedAt: now });
  }
}

/**
 * At least this much of a demo consent's 24 hours is left at every demo start. A start registers a fresh consent
 * only where the person has no open one registered within this window, so restarting the demo neither piles up
 * consents in yamada's 同意の記録 nor leaves two open consents for one facility and category (a real registration
 * revokes the open one first: store/consents.ts revokeOpenConsents).
 */
const DEMO_CONSENT_FRESH_MS = CONSENT_VALIDITY_MS / 2;

/** On every demo start: yamada's consent at the demo clinic and the demo hospital's ward, fresh enough to try at once. */
export async function refreshDemoConsent({ db, demo }: SubgraphDeps<Tables>): Promise<void> {
  const now = new Date();
  const since = new Date(now.getTime() - DEMO_CONSENT_FRESH_MS);
  async function registerMissing(facilityCode: string, patientIds: string[]): Promise<void> {
    const open = await openConsentKeysSince(db, facilityCode, patientIds, since);
    function* missing() {
      for (const patientId of patientIds) {
        for (const category of ['DRUG', 'CHECKUP'] as const) {
          if (!open.has(`${patientId}:${category}`)) yield { patientId, facilityCode, category, method: 'FACE', registeredAt: now };
        }
      }
    }
    await insertInBatches(missing(), SEED_BATCH, (batch) => db.insert(consents).values(batch));
  }
  await registerMissing(DEMO_CLINIC.code, [demoPatient(demo, 0).id]);
  // The demo hospital (account hospital-doctor) sees its ward today: the generated patients with index 2 to
  // 1,001 (not the named ones), for the statement-count tests and ward rounds in the demo. Bounded, since this
  // runs on every start; the benchmark registers its own consents for patients spread over 10⁶.
  const ward: string[] = [];
  for (let index = 2; index < Math.min(demo.patients, DEMO_WARD_END); index += 1) ward.push(demoPatient(demo, index).id);
  if (ward.length > 0) await registerMissing(DEMO_HOSPITAL.code, ward);
}

/**
 * On every demo start: the demo world's facilities are registered (readers and staff are registered only for a
 * registered facility), including on a data dir from before the registry existed. The demo hospital is the hospital.
 */
/** The demo insurers in the insurer registry (services/operator/insurers.ts), entered at every demo start like the facilities. */
export async function ensureDemoInsurers({ db }: SubgraphDeps<Tables>): Promise<void> {
  const now = new Date();
  await db.insert(insurers).values(DEMO_INSURERS.map(({ number, name, kind, prefecture }) => ({ number, name, kind, prefecture, registeredBy: 'demo-seed', registeredAt: now }))).onConflictDoNothing();
}

export async function ensureDemoFacilities({ db, demo }: SubgraphDeps<Tables>): Promise<void> {
  // Registered when the national schedule began (demoReaders.ts), so the rollout dashboard's months count them.
  const registeredAt = new Date(Math.min(Date.now(), Date.parse(`${DEMO_FACILITIES_REGISTERED_ON}T00:00:00+09:00`)));
  await db.insert(facilities).values(demoFacilities(demo.seed).map((facility) => ({
    code: facility.code, name: facility.name, kind: facility.kind, prefecture: facility.prefecture, hospital: facility.code === DEMO_HOSPITAL.code, registeredBy: 'demo-seed', registeredAt,
  }))).onConflictDoNothing();
}
