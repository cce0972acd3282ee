import { japanDate, addDays } from '@onshi/kit';
// A first-visit medication summary for licensed staff (doctor, dentist, pharmacist; docs/domain.md
// "Consent (同意) — the core rule"): which drugs the patient is probably taking now, the same ingredient prescribed by more
// than one facility (重複投薬), and a polypharmacy (多剤投与) flag. Reducing 多剤・重複投薬 is one of the
// purposes the seed gives for providing drug information (seed: 「薬剤情報の提供により、多剤・重複投薬の
// 軽減等が期待できる」). This is decision support; the clinician judges.
import type { Claim } from './claims';
import type { DrugLookup } from './drugMaster';

/** One dispensing as drug information shows it (docs/domain.md "Drug information (薬剤情報) and medical expenses" fields). */
export interface Dispensing {
  /** DiDate: dispensing (or 院内 prescribing) date, YYYY-MM-DD. */
  date: string;
  drugCode: string;
  drugName: string;
  ingredient: string;
  quantity: number;
  unit: string;
  usage: string;
  /** Days supplied; absent or 0 for external or once-only items. */
  days?: number;
  /** Prescribing facility (its name is the facility master's, through the Facility entity). */
  facilityCode: string;
  /** Dispensing pharmacy, for 院外 prescriptions. */
  pharmacyCode?: string;
}

/**
 * Items supplied without a number of days (ointments, patches, eye drops, once-only doses) carry no
 * end date. We treat them as in use for 30 days from dispensing: long enough to show a patch or eye
 * drop the patient is still using at a follow-up visit, short enough that last year's ointment does
 * not pad the active list. This is our assumption, not a rule from the seed.
 */
export const UNTIMED_ITEM_ACTIVE_DAYS = 30;

/**
 * Polypharmacy threshold: 6 or more drugs. The Japan Geriatrics Society's 高齢者の安全な薬物療法
 * ガイドライン 2015 (and MHLW's 高齢者の医薬品適正使用の指針, 2018) note that adverse drug events rise
 * markedly at 6 or more drugs. We count distinct ingredients so a brand→generic switch or two
 * strengths of one drug count once.
 */
export const POLYPHARMACY_MIN_INGREDIENTS = 6;

export interface ActiveDrug {
  dispensing: Dispensing;
  /** Last day the supply covers (inclusive). */
  coveredThrough: string;
  /** How coverage was decided: days supplied, or the 30-day rule for untimed items. */
  basis: 'days-supplied' | 'untimed-30-days';
}

export interface IngredientDuplicate {
  ingredient: string;
  /** The different prescribing facilities, sorted. */
  facilityCodes: string[];
  activeDrugs: ActiveDrug[];
}

export interface MedicationSummary {
  /** The Japanese calendar date the summary is for. */
  asOf: string;
  /**
   * The last day of care the drug information is complete through on `asOf` (kit claimsLag.ts: claims of month M
   * are viewable from the 11th of M+2). Active drugs are judged against it, not against `asOf`.
   */
  informationThrough: string;
  /** One entry per drug code and prescribing facility (the latest covering dispensing), sorted by ingredient then date. */
  activeDrugs: ActiveDrug[];
  /** Active ingredients prescribed by two or more different facilities. */
  duplicates: IngredientDuplicate[];
  counts: {
    dispensings: number;
    activeDrugs: number;
    activeIngredients: number;
    prescribingFacilities: number;
    duplicateIngredients: number;
  };
  polypharmacy: boolean;
}

/** Last day a dispensing's supply covers: date + days − 1, or date + 29 for untimed items. */
export function coverageOf(dispensing: Dispensing): { coveredThrough: string; basis: ActiveDrug['basis'] } {
  const days = dispensing.days ?? 0;
  if (days >= 1) return { coveredThrough: addDays(dispensing.date, days - 1), basis: 'days-supplied' };
  return { coveredThrough: addDays(dispensing.date, UNTIMED_ITEM_ACTIVE_DAYS - 1), basis: 'untimed-30-days' };
}

/**
 * True when the patient is probably taking the dispensed drug on `today`: dispensed by then, and its supply lasts at
 * least to `informationThrough`, the end of what claims tell (docs/domain.md "Drug information (薬剤情報) and medical expenses": about 1.5 months behind).
 * Judged against today, a 28-day supply would never be current, since the claims of the last weeks are not in yet; a
 * supply that ran out before the information ends was not renewed, so that drug was stopped. With the information
 * complete through today this is "the supply covers today".
 */
export function isProbablyTaken(dispensing: Dispensing, today: string, informationThrough: string): boolean {
  return dispensing.date <= today && informationThrough <= coverageOf(dispensing).coveredThrough;
}

/** `informationThrough`: the last day of care the dispensings are complete through (kit claimsViewableThrough). */
export function summarizeMedications(dispensings: readonly Dispensing[], asOf: Date, informationThrough: string): MedicationSummary {
  const asOfDate = japanDate(asOf);

  // Keep the latest covering dispensing per drug and prescriber, so an early refill does not list a drug twice.
  const activeByDrugAndFacility = new Map<string, ActiveDrug>();
  for (const dispensing of dispensings) {
    if (!isProbablyTaken(dispensing, asOfDate, informationThrough)) continue;
    const key = `${dispensing.drugCode}|${dispensing.facilityCode}`;
    const candidate: ActiveDrug = { dispensing, ...coverageOf(dispensing) };
    const existing = activeByDrugAndFacility.get(key);
    if (!existing || candidate.dispensing.date > existing.dispensing.date) activeByDrugAndFacility.set(key, candidate);
  }
  const activeDrugs = [...activeByDrugAndFacility.values()].sort(
    (a, b) =>
      a.dispensing.ingredient.localeCompare(b.dispensing.ingredient)
      || a.dispensing.date.localeCompare(b.dispensing.date)
      || a.dispensing.facilityCode.localeCompare(b.dispensing.facilityCode),
  );

  const activeByIngredient = new Map<string, ActiveDrug[]>();
  for (const active of activeDrugs) {
    const group = activeByIngredient.get(active.dispensing.ingredient);
    if (group) group.push(active);
    else activeByIngredient.set(active.dispensing.ingredient, [active]);
  }

  const duplicates: IngredientDuplicate[] = [];
  for (const [ingredient, group] of activeByIngredient) {
    const facilityCodes = [...new Set(group.map((active) => active.dispensing.facilityCode))].sort();
    if (facilityCodes.length >= 2) duplicates.push({ ingredient, facilityCodes, activeDrugs: group });
  }

  const activeIngredients = activeByIngredient.size;
  return {
    asOf: asOfDate,
    informationThrough,
    activeDrugs,
    duplicates,
    counts: {
      dispensings: dispensings.length,
      activeDrugs: activeDrugs.length,
      activeIngredients,
      prescribingFacilities: new Set(activeDrugs.map((active) => active.dispensing.facilityCode)).size,
      duplicateIngredients: duplicates.length,
    },
    polypharmacy: activeIngredients >= POLYPHARMACY_MIN_INGREDIENTS,
  };
}

/**
 * Drug information is extracted from claims (docs/domain.md "Drug information (薬剤情報) and medical expenses": built from claims): a PHARMACY claim's
 * items were dispensed by the billing pharmacy on the prescribing facility's prescription; items on
 * other claims were handed out by the billing facility itself. Items whose code is not in the master
 * are skipped (validated claims never have them).
 */
export function dispensingsFromClaims(
  claims: readonly Claim[],
  master: DrugLookup,
): Dispensing[] {
  const dispensings: Dispensing[] = [];
  for (const claim of claims) {
    const isPharmacy = claim.claimKind === 'PHARMACY';
    const prescriberCode = isPharmacy ? (claim.prescribingFacilityCode ?? claim.facilityCode) : claim.facilityCode;
    for (const item of claim.items) {
      const drug = master.byCode(item.drugCode);
      if (!drug) continue;
      dispensings.push({
        date: item.date,
        drugCode: item.drugCode,
        drugName: drug.name,
        ingredient: drug.ingredient,
        quantity: item.quantity,
        unit: item.unit,
        usage: item.usage,
        ...(item.days === undefined ? {} : { days: item.days }),
        facilityCode: prescriberCode,
        ...(isPharmacy ? { pharmacyCode: claim.facilityCode } : {}),
      });
    }
  }
  return dispensings.sort((a, b) => a.date.localeCompare(b.date));
}
