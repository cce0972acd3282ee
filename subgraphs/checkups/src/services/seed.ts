import { count, getTableColumns, sql } from 'drizzle-orm';
import { addDays, ageOn, copyInBatches, encodeCopyRows, seedLoad, type DemoOptions, type SubgraphDeps } from '@onshi/kit';
import { coverageOn, createRng, demoPatients, type DemoPatient } from '@onshi/demo';
import { checkupItems, checkupResults, checkups, insuredNumbers, insurerMemberships, insurerTransfers, type Tables } from '../db/tables';
import type { StoredCheckup } from './checkupView';
import { generateCheckup, type CheckupProfile, type CheckupTrend } from './demoCheckups';
import { fiscalYearEnd, retentionWindow } from './fiscalYear';
import { JLAC10, loadItemMaster, type Sex } from './itemMaster';
import { CheckupProgram, programOfInsurer } from './submission';

/** Patients per COPY: ~2,500 checkups and ~55,000 results, bounded memory. */
const PATIENTS_PER_COPY = 1_000;
const MIN_AGE = 40;
const MAX_AGE = 74;
/** 後期高齢者医療 starts on the 75th birthday (the demo world has no 65–74 members with a disability certification). */
const KOUKI_AGE = 75;
/**
 * yamada's five years (README "yamada's five years"): treated for blood pressure and lipids throughout, his HbA1c and
 * fasting glucose climb every year past the 保健指導判定値 (5.6 %, 100 mg/dL) without reaching 受診勧奨 (6.5 %,
 * 126 mg/dL), so no glucose drug yet and 服薬（血糖）いいえ. Scripted per year since the first kept fiscal year: the
 * yearly measurement noise made a drawn line go up and down.
 */
export const YAMADA_GLUCOSE_STORY = { hba1c: { first: 5.4, perYear: 0.15 }, fastingGlucose: { first: 94, perYear: 3.5 } } as const;
const YAMADA_INDEX = 0;

/** The item master table mirrors data/checkup-items.csv (reference data, loaded in every mode). */
export async function loadItemMasterTable({ db }: SubgraphDeps<Tables>): Promise<void> {
  const rows = loadItemMaster().map((item) => ({
    code: item.code,
    nameJa: item.nameJa,
    nameEn: item.nameEn,
    unit: item.unit,
    kind: item.kind,
    direction: item.direction ?? null,
    guidanceThreshold: item.guidanceThreshold ?? null,
    seeDoctorThreshold: item.seeDoctorThreshold ?? null,
    guidanceThresholdMale: item.guidanceThresholdBySex?.M ?? null,
    guidanceThresholdFemale: item.guidanceThresholdBySex?.F ?? null,
    valueType: item.valueType,
    analyte: item.analyte,
    answers: item.answers ?? null,
    answersEn: item.answersEn ?? null,
    plausibleMin: item.plausibleMin ?? null,
    plausibleMax: item.plausibleMax ?? null,
  }));
  // An upsert, so that a corrected or extended master reaches databases created with an older one.
  const updatedColumns = Object.fromEntries(
    Object.entries(getTableColumns(checkupItems)).filter(([key]) => key !== 'code').map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );
  await db.insert(checkupItems).values(rows).onConflictDoUpdate({ target: checkupItems.code, set: updatedColumns });
}

/** The demo drug history prescribes for every lifestyle condition (drugs demoClaims), so the 服薬 answers agree. */
function profileOf(patient: DemoPatient): CheckupProfile {
  const { hypertension, dyslipidemia, diabetes, smoker, obese } = patient.conditions;
  return {
    hypertension, dyslipidemia, diabetes, smoker, obese,
    onBloodPressureMeds: hypertension, onGlucoseMeds: diabetes, onLipidMeds: dyslipidemia,
  };
}

/**
 * The demo world (`@onshi/demo`) derives the 75th birthday (後期高齢 start) by changing the year only, so a 29 February birthdate
 * yields e.g. "2023-02-29", which PostgreSQL refuses. Rolled to the next real day, as the calendar would.
 */
function realDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A day in the fiscal year's examination season (spring to winter), never after `asOf`. */
function examinationDate(demo: DemoOptions, index: number, fiscalYear: number): string {
  const start = `${fiscalYear}-04-15`;
  const latest = Math.min(300, Math.max(0, daysBetween(start, demo.asOf)));
  const date = addDays(start, Math.floor(createRng(demo.seed, 'checkup-date', index, fiscalYear)() * (latest + 1)));
  return date > demo.asOf ? demo.asOf : date;
}

/**
 * The demo person's checkups over the kept fiscal years (FY2020+, 5 years up to asOf), in the years they are
 * 40–74 at fiscal-year end (docs/domain.md "Specific health checkups (特定健診)"). Pure per patient, so 10⁶ patients stream without one giant array.
 */
export function demoCheckupsOf(demo: DemoOptions, patient: DemoPatient): StoredCheckup[] {
  const window = retentionWindow(demo.asOf);
  const sex: Sex = patient.sex === '2' ? 'F' : 'M';
  const profile = profileOf(patient);
  // The same person stream every year keeps the person's baseline; demoCheckups adds the year's own noise.
  const personRng = () => createRng(demo.seed, 'checkups', patient.index);
  const trend: CheckupTrend = { baselineFiscalYear: window.from };
  const scripted = (fiscalYear: number): Partial<Record<string, number>> => {
    if (patient.index !== YAMADA_INDEX) return {};
    const years = fiscalYear - window.from;
    const { hba1c, fastingGlucose } = YAMADA_GLUCOSE_STORY;
    return { [JLAC10.HBA1C]: Math.round((hba1c.first + hba1c.perYear * years) * 10) / 10, [JLAC10.FASTING_GLUCOSE]: Math.round(fastingGlucose.first + fastingGlucose.perYear * years) };
  };
  const stored: StoredCheckup[] = [];
  for (let fiscalYear = window.from; fiscalYear <= window.to; fiscalYear += 1) {
    const age = ageOn(patient.birthdate, fiscalYearEnd(fiscalYear));
    const examinedOn = examinationDate(demo, patient.index, fiscalYear);
    const coverage = coverageOn(patient, examinedOn);
    if (coverage === undefined) continue;
    // 特定健診 for 40–74 at fiscal-year end; from the 75th birthday the 広域連合's 後期高齢者健診 instead (docs/domain.md
    // "Specific health checkups"); the year someone turns 75 before the examination is a 後期高齢者健診 year.
    const kouki = programOfInsurer(coverage.insurerNumber) === CheckupProgram.KOUKI_KENSHIN;
    if (kouki ? ageOn(patient.birthdate, examinedOn) < KOUKI_AGE : age < MIN_AGE || age > MAX_AGE) continue;
    const story = scripted(fiscalYear);
    const results = generateCheckup({ rng: personRng(), sex, ageAtExam: ageOn(patient.birthdate, examinedOn), fiscalYear, profile, trend })
      .map((result) => { const value = story[result.code]; return value === undefined ? result : { ...result, value }; });
    stored.push({
      checkup: {
        patientId: patient.id, fiscalYear, examinedOn, facilityCode: patient.homeClinicCode, insurerNumber: coverage.insurerNumber,
        sex, ageAtFiscalYearEnd: age, fasting: true, source: 'DEMO', recordedAt: new Date(`${examinedOn}T00:00:00Z`),
      },
      results: results.map((result) => ({
        patientId: patient.id,
        fiscalYear,
        itemCode: result.code,
        numericValue: typeof result.value === 'number' ? result.value : null,
        textValue: typeof result.value === 'string' ? result.value : null,
        answerCode: result.qualitativeCode ?? null,
        unit: result.unit,
      })),
    });
  }
  return stored;
}

/**
 * Demo checkups, member holders and past transfers from the deterministic demo world (docs/architecture.md "Data").
 * The current insurer holds each member's data; each coverage change inside the kept years is a recorded transfer.
 */
export async function seedCheckups(deps: SubgraphDeps<Tables>): Promise<void> {
  const { db, copy, demo } = deps;
  const [existing] = await db.select({ n: count() }).from(insurerMemberships);
  if ((existing?.n ?? 0) > 0) return;
  const window = retentionWindow(demo.asOf);
  // At benchmark scale these tables' indexes, keys included, are built after the load (kit bulkCopy.ts).
  await seedLoad(db, demo.patients, [checkups, checkupResults, insurerMemberships, insurerTransfers, insuredNumbers], () => copyInBatches(demoPatients(demo), { itemsPerCopy: PATIENTS_PER_COPY }, (batch) => {
    const stored = batch.flatMap((patient) => demoCheckupsOf(demo, patient));
    const memberships = batch.flatMap((patient) => {
      const current = coverageOn(patient, demo.asOf);
      return current === undefined ? [] : [{ patientId: patient.id, insurerNumber: current.insurerNumber, since: realDate(current.qualificationDate) }];
    });
    const transfers = batch.flatMap((patient) => patient.coverages.flatMap((coverage, k) => {
      const previous = patient.coverages[k - 1];
      if (previous === undefined || coverage.qualificationDate < `${window.from}-04-01`) return [];
      return [{
        eventId: `demo:${demo.seed}:${patient.index}:${k}`, patientId: patient.id, fromInsurerNumber: previous.insurerNumber,
        toInsurerNumber: coverage.insurerNumber, effectiveDate: realDate(coverage.qualificationDate), applied: true,
        checkupsMoved: stored.filter((s) => s.checkup.patientId === patient.id && s.checkup.examinedOn < coverage.qualificationDate).length,
      }];
    }));
    // A person keeps the same numbers across some coverage changes: one row per distinct number (the table's key).
    const numbers = batch.flatMap((patient) => {
      const distinct = new Map(patient.coverages.map((coverage) => [
        `${coverage.insurerNumber}\u0000${coverage.insuredCardSymbol}\u0000${coverage.insuredIdentificationNumber}`,
        { insurerNumber: coverage.insurerNumber, insuredCardSymbol: coverage.insuredCardSymbol, insuredIdentificationNumber: coverage.insuredIdentificationNumber, patientId: patient.id },
      ]));
      return [...distinct.values()];
    });
    return [
      encodeCopyRows(checkups, stored.map((s) => s.checkup)),
      encodeCopyRows(checkupResults, stored.flatMap((s) => s.results)),
      encodeCopyRows(insurerMemberships, memberships),
      encodeCopyRows(insurerTransfers, transfers),
      encodeCopyRows(insuredNumbers, numbers),
    ];
  }, copy));
}
