import { japanDate, addDays, daysBetween, monthOf } from '@onshi/kit';
// Deterministic demo claim histories from the real drug master (/work/shared/data/README.md asks for
// "a hypertensive patient on amlodipine and a statin for years, a switch from a brand to a generic, a
// short course of antibiotics, an NSAID with a PPI"). Claims are monthly per facility, as レセプト are:
// the clinic bills a MEDICAL (or DPC) claim for its visits and writes 院外 prescriptions, the pharmacy
// bills a PHARMACY claim for what it dispensed, and the dentist dispenses 院内 on its DENTAL claim.
// Every random choice comes from `rng`, so the same rng sequence gives the same claims.
import { patientShareYenFor, type Claim, type ClaimItem, type ClaimKind } from './claims';
import { loadDrugMaster, type DrugMaster, type DrugMasterEntry } from './drugMaster';

export interface DemoConditions {
  hypertension: boolean;
  dyslipidemia: boolean;
  diabetes: boolean;
  gerd: boolean;
  insomnia: boolean;
  dementia: boolean;
  anticoagulation: boolean;
}

export interface DemoClaimsInput {
  /** Uniform in [0, 1). */
  rng: () => number;
  patientId: string;
  from: Date;
  to: Date;
  conditions: DemoConditions;
  /** The family clinic (table code 1); `kind` is the claim kind it bills (MEDICAL, or DPC for a DPC hospital). */
  clinic: { code: string; kind: ClaimKind };
  /** The pharmacy (table code 4) that fills the clinic's 院外 prescriptions. */
  pharmacy: { code: string };
  /** A dentist (table code 3); when given, the history includes dental visits. */
  dentist?: { code: string };
  /** Insurer number on a YYYY-MM-DD date (lets the history span an insurer change). */
  insurerOn: (date: string) => string;
  /** Patient share in percent (一部負担割合: 10, 20 or 30); default 30. */
  copayPercent?: number;
  /** Default: the master from data/drug-master.csv. */
  master?: DrugMaster;
}

// ---------------------------------------------------------------------------------------------
// Fees, in points. Rounded values close to the FY2024 診療報酬/調剤報酬 schedules: plausible totals
// for a demo, not a fee calculator.
const FEES = {
  clinicFirstVisit: 291, // 初診料
  clinicRevisit: 75, // 再診料
  outpatientManagement: 52, // 外来管理加算
  prescriptionSlip: 60, // 処方箋料
  lifestyleDiseaseManagement: 333, // 生活習慣病管理料(II), once a month
  bloodTest: 344, // 検体検査実施料 + 判断料, roughly
  dentalFirstVisit: 267, // 歯科初診料
  dentalRevisit: 58, // 歯科再診料
  toothExtraction: 270, // 抜歯手術（臼歯）
  inHouseDispensing: 11, // 調剤料（内服）
  inHousePrescription: 42, // 処方料
  pharmacyBasic: 45, // 調剤基本料1
  oralPreparationPerRegimen: 24, // 薬剤調製料（内服, per 剤, at most 3）
  externalPreparation: 10, // 薬剤調製料（外用）
  medicationGuidance: 45, // 服薬管理指導料
} as const;

/** 調剤管理料 (内服) by days supplied. */
function dispensingManagementPoints(days: number): number {
  if (days <= 7) return 4;
  if (days <= 14) return 28;
  if (days <= 28) return 50;
  return 60;
}

/**
 * 薬剤料 in points from an amount in hundredths of a yen: 15 yen or less is 1 point; above, yen ÷ 10
 * rounded 五捨五超入 (a remainder of exactly 0.5 point rounds down). Integer arithmetic throughout.
 */
export function drugPointsFromHundredthsOfYen(hundredthsOfYen: number): number {
  if (!Number.isSafeInteger(hundredthsOfYen) || hundredthsOfYen < 0) throw new RangeError(`amount: ${hundredthsOfYen}`);
  if (hundredthsOfYen <= 1500) return 1;
  const wholePoints = Math.floor(hundredthsOfYen / 1000);
  const remainder = hundredthsOfYen % 1000;
  return wholePoints + (remainder > 500 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Regimens, chosen by ingredient and strength (規格) from the master.

interface RegimenSpec {
  ingredient: string;
  strength: string;
  perDay: number;
  usage: string;
}

const CHRONIC_REGIMENS: Readonly<Record<keyof DemoConditions, readonly RegimenSpec[]>> = {
  hypertension: [{ ingredient: 'アムロジピンベシル酸塩', strength: '５ｍｇ１錠', perDay: 1, usage: '１日１回朝食後' }],
  dyslipidemia: [{ ingredient: 'アトルバスタチンカルシウム水和物', strength: '１０ｍｇ１錠', perDay: 1, usage: '１日１回夕食後' }],
  diabetes: [
    { ingredient: 'メトホルミン塩酸塩', strength: '２５０ｍｇ１錠', perDay: 2, usage: '１日２回朝夕食後' },
    { ingredient: 'シタグリプチンリン酸塩水和物', strength: '５０ｍｇ１錠', perDay: 1, usage: '１日１回朝食後' },
  ],
  gerd: [{ ingredient: 'ボノプラザンフマル酸塩', strength: '１０ｍｇ１錠', perDay: 1, usage: '１日１回朝食後' }],
  insomnia: [{ ingredient: 'レンボレキサント', strength: '５ｍｇ１錠', perDay: 1, usage: '１日１回就寝前' }],
  dementia: [{ ingredient: 'ドネペジル塩酸塩', strength: '５ｍｇ１錠', perDay: 1, usage: '１日１回朝食後' }],
  anticoagulation: [{ ingredient: 'アピキサバン', strength: '５ｍｇ１錠', perDay: 2, usage: '１日２回朝夕食後' }],
};

const CONDITION_NAMES: readonly (keyof DemoConditions)[] = [
  'hypertension', 'dyslipidemia', 'diabetes', 'gerd', 'insomnia', 'dementia', 'anticoagulation',
];

/** Conditions whose follow-up earns 生活習慣病管理料. */
const LIFESTYLE_CONDITIONS: readonly (keyof DemoConditions)[] = ['hypertension', 'dyslipidemia', 'diabetes'];
/**
 * Conditions treated from the first visit: the lifestyle conditions, whose medication the demo 特定健診 questionnaire
 * answers はい every year (checkups seed `profileOf`), so the two agree (docs/domain.md "Specific health checkups").
 * The others start within the first 40 % of the history.
 */
const FROM_START_CONDITIONS: readonly (keyof DemoConditions)[] = LIFESTYLE_CONDITIONS;

const ANTIBIOTIC_COURSES: readonly RegimenSpec[] = [
  { ingredient: 'クラリスロマイシン', strength: '２００ｍｇ１錠', perDay: 2, usage: '１日２回朝夕食後' },
  { ingredient: 'アモキシシリン水和物', strength: '２５０ｍｇ１錠', perDay: 3, usage: '１日３回毎食後' },
  { ingredient: 'レボフロキサシン水和物', strength: '５００ｍｇ１錠（レボフロキサシンとして）', perDay: 1, usage: '１日１回朝食後' },
  { ingredient: 'セフカペン　ピボキシル塩酸塩水和物', strength: '１００ｍｇ１錠', perDay: 3, usage: '１日３回毎食後' },
];

const NSAID: RegimenSpec = { ingredient: 'ロキソプロフェンナトリウム水和物', strength: '６０ｍｇ１錠', perDay: 3, usage: '１日３回毎食後' };
/** Gastric protection while on the NSAID. */
const PPI: RegimenSpec = { ingredient: 'ランソプラゾール', strength: '１５ｍｇ１錠', perDay: 1, usage: '１日１回朝食後' };
const PAIN_PATCH = { ingredient: 'ケトプロフェン', strength: '７ｃｍ×１０ｃｍ１枚', quantity: 28, usage: '１日１回患部に貼付' } as const;
/** Dentists avoid NSAIDs for patients on anticoagulants; acetaminophen instead. */
const DENTAL_ANALGESIC_ON_ANTICOAGULANT: RegimenSpec = { ingredient: 'アセトアミノフェン', strength: '２００ｍｇ１錠', perDay: 6, usage: '１日３回毎食後' };
const DENTAL_ANTIBIOTIC: RegimenSpec = { ingredient: 'アモキシシリン水和物', strength: '２５０ｍｇ１錠', perDay: 3, usage: '１日３回毎食後' };

/** First product in master order with this ingredient and strength, preferring the brand. */
function pickProduct(master: DrugMaster, ingredient: string, strength: string): DrugMasterEntry {
  const candidates = master.byIngredient(ingredient).filter((entry) => entry.strength === strength);
  const chosen = candidates.find((entry) => entry.kind === 'brand') ?? candidates[0];
  if (!chosen) throw new Error(`demo claims: no ${ingredient} ${strength} in the drug master`);
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Random helpers (all randomness goes through rng).

function uniform(rng: () => number): number {
  const value = rng();
  return value < 0 ? 0 : value >= 1 ? 0.999999999 : value;
}
function randomInt(rng: () => number, min: number, maxInclusive: number): number {
  if (maxInclusive <= min) return min;
  return min + Math.floor(uniform(rng) * (maxInclusive - min + 1));
}
function chance(rng: () => number, probability: number): boolean {
  return uniform(rng) < probability;
}
function pickOne<T>(rng: () => number, options: readonly T[]): T {
  const chosen = options[Math.floor(uniform(rng) * options.length)];
  if (chosen === undefined) throw new Error('demo claims: pickOne from an empty list');
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Visits and prescription lines.

interface PrescriptionLine {
  drug: DrugMasterEntry;
  quantity: number;
  usage: string;
  /** Absent for external items supplied as a total quantity. */
  days?: number;
  perDay?: number;
}

type Provider = 'clinic' | 'dentist';

interface Visit {
  provider: Provider;
  date: string;
  lines: PrescriptionLine[];
  bloodTest: boolean;
  lifestyleFollowUp: boolean;
  toothExtraction: boolean;
}

function oralLine(drug: DrugMasterEntry, spec: RegimenSpec, days: number): PrescriptionLine {
  return { drug, quantity: spec.perDay * days, usage: spec.usage, days, perDay: spec.perDay };
}

/** 薬剤料 of one line, each line counted as its own 剤 (a simplification). */
function linePoints(line: PrescriptionLine): number {
  const { drug } = line;
  if (line.days !== undefined && line.perDay !== undefined) {
    const dailyHundredths = Math.round((drug.priceInHundredthsOfYen * line.perDay) / drug.priceUnitAmount);
    return drugPointsFromHundredthsOfYen(dailyHundredths) * line.days;
  }
  return drugPointsFromHundredthsOfYen(Math.round((drug.priceInHundredthsOfYen * line.quantity) / drug.priceUnitAmount));
}

function toClaimItem(line: PrescriptionLine, date: string, inOut: ClaimItem['inOut']): ClaimItem {
  return {
    date,
    drugCode: line.drug.drugCode,
    quantity: line.quantity,
    unit: line.drug.dosageUnit,
    usage: line.usage,
    ...(line.days === undefined ? {} : { days: line.days }),
    inOut,
  };
}

function pharmacyDispensingPoints(lines: readonly PrescriptionLine[]): number {
  const oralLines = lines.filter((line) => line.drug.route === 'oral');
  const externalLines = lines.filter((line) => line.drug.route !== 'oral');
  const longestDays = Math.max(0, ...oralLines.map((line) => line.days ?? 0));
  let points = FEES.pharmacyBasic + FEES.medicationGuidance;
  points += Math.min(oralLines.length, 3) * FEES.oralPreparationPerRegimen;
  points += externalLines.length * FEES.externalPreparation;
  if (oralLines.length > 0) points += dispensingManagementPoints(longestDays);
  return points + lines.reduce((sum, line) => sum + linePoints(line), 0);
}

/**
 * Builds a patient's claim history between `from` and `to` (Japanese calendar dates of the instants):
 * chronic prescriptions every 28–30 days (56 days once stable), a brand → generic switch partway
 * through, short antibiotic courses, an NSAID with a PPI, and dental visits with an analgesic.
 */
export function generateClaims(input: DemoClaimsInput): Claim[] {
  const { rng, conditions } = input;
  const master = input.master ?? loadDrugMaster();
  const copayPercent = input.copayPercent ?? 30;
  const firstDate = japanDate(input.from);
  const lastDate = japanDate(input.to);
  const spanDays = daysBetween(firstDate, lastDate);
  if (spanDays < 0) return [];

  const visitsByKey = new Map<string, Visit>();
  function visitOn(provider: Provider, date: string): Visit {
    const key = `${provider}|${date}`;
    let visit = visitsByKey.get(key);
    if (!visit) {
      visit = { provider, date, lines: [], bloodTest: false, lifestyleFollowUp: false, toothExtraction: false };
      visitsByKey.set(key, visit);
    }
    return visit;
  }
  const randomDate = (fromOffset: number, toOffset: number) =>
    addDays(firstDate, randomInt(rng, Math.max(0, fromOffset), Math.min(spanDays, Math.max(0, toOffset))));

  // Chronic care at the clinic.
  const activeConditions = CONDITION_NAMES.filter((name) => conditions[name]);
  const conditionStart = new Map<keyof DemoConditions, string>();
  for (const name of activeConditions) {
    conditionStart.set(name, FROM_START_CONDITIONS.includes(name) ? firstDate : randomDate(0, Math.floor(spanDays * 0.4)));
  }
  // The switch to generics happens between 35 % and 65 % of the way through (後発医薬品への変更).
  const genericSwitchDate = randomDate(Math.floor(spanDays * 0.35), Math.floor(spanDays * 0.65));
  const genericChoice = new Map<string, DrugMasterEntry>();
  const productFor = (spec: RegimenSpec, date: string): DrugMasterEntry => {
    const brand = pickProduct(master, spec.ingredient, spec.strength);
    if (date < genericSwitchDate) return brand;
    const equivalents = master.genericEquivalentsOf(brand.drugCode);
    if (equivalents.length === 0) return brand;
    let generic = genericChoice.get(brand.drugCode);
    if (!generic) {
      generic = pickOne(rng, equivalents);
      genericChoice.set(brand.drugCode, generic);
    }
    return generic;
  };

  if (activeConditions.length > 0) {
    let supplyDays = pickOne(rng, [28, 30]);
    let date = addDays(firstDate, randomInt(rng, 0, Math.min(6, spanDays)));
    let chronicVisitCount = 0;
    while (date <= lastDate) {
      const started = activeConditions.filter((name) => (conditionStart.get(name) ?? lastDate) <= date);
      if (started.length > 0) {
        const visit = visitOn('clinic', date);
        for (const name of started) {
          for (const spec of CHRONIC_REGIMENS[name]) visit.lines.push(oralLine(productFor(spec, date), spec, supplyDays));
        }
        visit.lifestyleFollowUp = started.some((name) => LIFESTYLE_CONDITIONS.includes(name));
        visit.bloodTest = chronicVisitCount % 3 === 0;
        chronicVisitCount += 1;
        // Once stable for a year, many patients move to 56-day prescriptions.
        if (supplyDays !== 56 && daysBetween(firstDate, date) > 365 && chance(rng, 0.15)) supplyDays = 56;
        date = addDays(date, supplyDays - randomInt(rng, 0, 3)); // patients come back a little before running out
      } else {
        date = addDays(date, 7);
      }
    }
  }

  // Short antibiotic courses: about one a year, at least one.
  const monthStarts: string[] = [];
  for (let offset = 0; offset <= spanDays; offset += 30) monthStarts.push(addDays(firstDate, offset));
  const antibioticDates = monthStarts.filter(() => chance(rng, 0.07)).map((start) => {
    const offset = daysBetween(firstDate, start);
    return randomDate(offset, offset + 29);
  });
  if (antibioticDates.length === 0) antibioticDates.push(randomDate(0, spanDays));
  for (const date of antibioticDates) {
    const spec = pickOne(rng, ANTIBIOTIC_COURSES);
    visitOn('clinic', date).lines.push(oralLine(pickProduct(master, spec.ingredient, spec.strength), spec, randomInt(rng, 5, 7)));
  }

  // An NSAID with a PPI for back or joint pain: at least once; no extra PPI when already on one for GERD.
  const painDates = [randomDate(0, spanDays), ...monthStarts.filter(() => chance(rng, 0.02)).map((start) => {
    const offset = daysBetween(firstDate, start);
    return randomDate(offset, offset + 29);
  })];
  for (const date of painDates) {
    const visit = visitOn('clinic', date);
    const days = pickOne(rng, [7, 14]);
    visit.lines.push(oralLine(pickProduct(master, NSAID.ingredient, NSAID.strength), NSAID, days));
    if (!conditions.gerd) visit.lines.push(oralLine(pickProduct(master, PPI.ingredient, PPI.strength), PPI, days));
    if (chance(rng, 0.5)) {
      const patch = pickProduct(master, PAIN_PATCH.ingredient, PAIN_PATCH.strength);
      visit.lines.push({ drug: patch, quantity: PAIN_PATCH.quantity, usage: PAIN_PATCH.usage });
    }
  }

  // Dental: an extraction with an analgesic (院内), and a check a week later.
  if (input.dentist) {
    const extractionDates = [randomDate(0, spanDays), ...monthStarts.filter(() => chance(rng, 0.01)).map((start) => {
      const offset = daysBetween(firstDate, start);
      return randomDate(offset, offset + 29);
    })];
    for (const date of extractionDates) {
      const visit = visitOn('dentist', date);
      visit.toothExtraction = true;
      const analgesic = conditions.anticoagulation ? DENTAL_ANALGESIC_ON_ANTICOAGULANT : NSAID;
      visit.lines.push(oralLine(pickProduct(master, analgesic.ingredient, analgesic.strength), analgesic, 3));
      if (chance(rng, 0.5)) {
        visit.lines.push(oralLine(pickProduct(master, DENTAL_ANTIBIOTIC.ingredient, DENTAL_ANTIBIOTIC.strength), DENTAL_ANTIBIOTIC, 3));
      }
      const followUp = addDays(date, 7);
      if (followUp <= lastDate) visitOn('dentist', followUp);
    }
  }

  const visits = [...visitsByKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.provider.localeCompare(b.provider));
  return billVisits(visits, input, copayPercent);
}

interface ClaimDraft {
  claimKind: ClaimKind;
  facilityCode: string;
  prescribingFacilityCode?: string;
  insurerNumber: string;
  serviceMonth: string;
  totalPoints: number;
  items: ClaimItem[];
  lifestyleBilled: boolean;
}

/** Groups visits into monthly claims per facility and insurer, as レセプト are billed. */
function billVisits(visits: readonly Visit[], input: DemoClaimsInput, copayPercent: number): Claim[] {
  const drafts = new Map<string, ClaimDraft>();
  const draftFor = (claimKind: ClaimKind, facilityCode: string, date: string, prescribingFacilityCode?: string): ClaimDraft => {
    const insurerNumber = input.insurerOn(date);
    const serviceMonth = monthOf(date);
    const key = [claimKind, facilityCode, prescribingFacilityCode ?? '', insurerNumber, serviceMonth].join('|');
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        claimKind,
        facilityCode,
        ...(prescribingFacilityCode === undefined ? {} : { prescribingFacilityCode }),
        insurerNumber,
        serviceMonth,
        totalPoints: 0,
        items: [],
        lifestyleBilled: false,
      };
      drafts.set(key, draft);
    }
    return draft;
  };

  let seenClinic = false;
  let seenDentist = false;
  for (const visit of visits) {
    if (visit.provider === 'clinic') {
      const claim = draftFor(input.clinic.kind, input.clinic.code, visit.date);
      claim.totalPoints += seenClinic ? FEES.clinicRevisit + FEES.outpatientManagement : FEES.clinicFirstVisit;
      seenClinic = true;
      if (visit.bloodTest) claim.totalPoints += FEES.bloodTest;
      if (visit.lifestyleFollowUp && !claim.lifestyleBilled) {
        claim.totalPoints += FEES.lifestyleDiseaseManagement;
        claim.lifestyleBilled = true;
      }
      if (visit.lines.length > 0) {
        claim.totalPoints += FEES.prescriptionSlip;
        // 院外: the pharmacy dispenses the same day and bills its own claim.
        const pharmacyClaim = draftFor('PHARMACY', input.pharmacy.code, visit.date, input.clinic.code);
        pharmacyClaim.totalPoints += pharmacyDispensingPoints(visit.lines);
        pharmacyClaim.items.push(...visit.lines.map((line) => toClaimItem(line, visit.date, 'OUT')));
      }
    } else if (input.dentist) {
      const claim = draftFor('DENTAL', input.dentist.code, visit.date);
      claim.totalPoints += seenDentist ? FEES.dentalRevisit : FEES.dentalFirstVisit;
      seenDentist = true;
      if (visit.toothExtraction) claim.totalPoints += FEES.toothExtraction;
      if (visit.lines.length > 0) {
        claim.totalPoints += FEES.inHouseDispensing + FEES.inHousePrescription;
        claim.totalPoints += visit.lines.reduce((sum, line) => sum + linePoints(line), 0);
        claim.items.push(...visit.lines.map((line) => toClaimItem(line, visit.date, 'IN')));
      }
    }
  }

  const kindOrder: Record<ClaimKind, number> = { MEDICAL: 0, DPC: 1, DENTAL: 2, PHARMACY: 3 };
  // レセプト番号: unique per facility and month across the demo world (the patient's opaque id + the claim's ordinal).
  const numberPrefix = input.patientId.replace(/[^0-9A-Za-z]/g, '').slice(-14);
  return [...drafts.values()]
    .sort((a, b) => a.serviceMonth.localeCompare(b.serviceMonth) || kindOrder[a.claimKind] - kindOrder[b.claimKind] || a.insurerNumber.localeCompare(b.insurerNumber))
    .map(({ lifestyleBilled: _lifestyleBilled, ...draft }, ordinal) => ({
      ...draft,
      claimNumber: `${numberPrefix}-${ordinal}`,
      patientId: input.patientId,
      patientShareYen: patientShareYenFor(draft.totalPoints, copayPercent),
    }));
}

/** A coverage change of the demo person: from `date` on, `to` insures instead of `from`. */
export interface DemoInsurerChange { date: string; from: string; to: string }

/**
 * Claims as facilities really address them after an insurer change (docs/drugs.md "Re-routing claims (レセプト振替)"):
 * a patient who still shows the old card has claims of the first two months under the new coverage addressed to the
 * former insurer (re-routed on ingest), with probability `oldCardShare`; and in the month of a change within the month,
 * a facility sometimes bills the whole month as one claim to the former insurer (`wholeMonthShare`), which cannot be
 * split by date and is returned. Reads `rng` only, so the claims themselves stay as `generateClaims` made them.
 */
export function misaddressAfterInsurerChanges(claims: readonly Claim[], changes: readonly DemoInsurerChange[], rng: () => number, shares = { oldCardShare: 0.35, wholeMonthShare: 0.3 }): Claim[] {
  let result = [...claims];
  for (const change of changes) {
    const changeMonth = monthOf(change.date);
    const windowEnd = addDays(change.date, 60);
    // Whole month as one claim to the former insurer: the facility's two claims of the change month merged.
    if (!change.date.endsWith('-01') && rng() < shares.wholeMonthShare) {
      const before = result.find((claim) => claim.serviceMonth === changeMonth && claim.insurerNumber === change.from && claim.items.length > 0);
      const after = before && result.find((claim) => claim.serviceMonth === changeMonth && claim.insurerNumber === change.to && claim.facilityCode === before.facilityCode && claim.claimKind === before.claimKind && claim.items.length > 0);
      if (before && after) {
        const merged: Claim = { ...before, totalPoints: before.totalPoints + after.totalPoints, patientShareYen: before.patientShareYen + after.patientShareYen, items: [...before.items, ...after.items] };
        result = result.filter((claim) => claim !== after).map((claim) => (claim === before ? merged : claim));
      }
    }
    // The old card shown for a while: whole claims of the new coverage addressed to the former insurer.
    const oldCard = rng() < shares.oldCardShare;
    if (!oldCard) continue;
    result = result.map((claim) => (claim.insurerNumber === change.to && claim.items.length > 0 && claim.items.every((item) => item.date >= change.date && item.date <= windowEnd)
      ? { ...claim, insurerNumber: change.from }
      : claim));
  }
  return result;
}
