import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { bilingual, japanDate, isCalendarDate, BadUserInputError, claimsViewableThrough, facilityReference } from '@onshi/kit';
import type { DrugsContext } from '../context';
import { Dispensing } from '../schema/Dispensing';
import { DispensingConnection } from '../schema/DispensingConnection';
import { MedicalExpenseNotice } from '../schema/MedicalExpenses';
import { ActiveDrug, MedicationSummary } from '../schema/MedicationSummary';
import { Patient } from '../schema/Patient';

import { decodeCursor, encodeCursor } from '../services/cursor';
import type { DispensingRecord } from '../store/drugReads';
import { summarizeMedications, type ActiveDrug as ActiveDrugValue, type Dispensing as DispensingValue } from '../services/medicationSummary';

export const DISPENSINGS_PAGE_DEFAULT = 20;
export const DISPENSINGS_PAGE_MAX = 100;

/**
 * Record-level check before any row is read (docs/architecture.md "Who may see what: three layers", layer 3): the decision point evaluates the access
 * policy for this caller, this patient and DRUG (consent for this visit, self, PHR grant and its token scope,
 * DV block) and logs it; the kit batches the question to one call per request and patient. False: answer as for a
 * person with no dispensings and read nothing (a DV-blocked person where she consented, docs/domain.md "DV").
 */
async function readsDrugRows(ctx: DrugsContext, patientId: string): Promise<boolean> {
  return ctx.decisions.readsRows(patientId, 'DRUG');
}

function toDispensing(value: DispensingValue & Partial<Pick<DispensingRecord, 'inOut' | 'drugKind'>>): Dispensing {
  return {
    date: value.date,
    drugCode: value.drugCode,
    drugName: value.drugName,
    ingredient: value.ingredient,
    drugKind: value.drugKind ?? 'other',
    quantity: value.quantity,
    unit: value.unit,
    usage: value.usage,
    days: value.days ?? null,
    inOut: value.inOut ?? (value.pharmacyCode === undefined ? 'IN' : 'OUT'),
    prescribingFacilityCode: value.facilityCode,
    prescribingFacility: facilityReference(value.facilityCode),
    pharmacyCode: value.pharmacyCode ?? null,
    pharmacy: value.pharmacyCode === undefined ? null : facilityReference(value.pharmacyCode),
  };
}

function toActiveDrug(active: ActiveDrugValue): ActiveDrug {
  return {
    dispensing: toDispensing(active.dispensing),
    coveredThrough: active.coveredThrough,
    basis: active.basis === 'days-supplied' ? 'DAYS_SUPPLIED' : 'UNTIMED_30_DAYS',
  };
}

function requireDateArg(name: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new BadUserInputError(bilingual(`${name} must be a date YYYY-MM-DD`, `${name} は YYYY-MM-DD 形式の日付で指定してください`), { argument: name });
  return value;
}

@Resolver(() => Patient)
export class PatientDrugsResolver {
  @FieldResolver(() => DispensingConnection, { nullable: true })
  async dispensings(
    @Root() patient: Patient,
    @Ctx() ctx: DrugsContext,
    @Arg('from', () => String, { nullable: true, description: 'Earliest date, YYYY-MM-DD (never before 5 years ago)' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Latest date, YYYY-MM-DD' }) to: string | null,
    @Arg('ingredient', () => String, { nullable: true, description: '成分名 (part of it), e.g. アムロジピン' }) ingredient: string | null,
    @Arg('first', () => Int, { defaultValue: DISPENSINGS_PAGE_DEFAULT, description: `Page size, 1–${DISPENSINGS_PAGE_MAX}` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after: string | null,
  ): Promise<DispensingConnection> {
    if (!Number.isInteger(first) || first < 1 || first > DISPENSINGS_PAGE_MAX) {
      throw new BadUserInputError(bilingual(`first must be between 1 and ${DISPENSINGS_PAGE_MAX}`, `first は1〜${DISPENSINGS_PAGE_MAX}で指定してください`), { argument: 'first' });
    }
    const fromDate = requireDateArg('from', from);
    const toDate = requireDateArg('to', to);
    if (fromDate !== undefined && toDate !== undefined && fromDate > toDate) {
      throw new BadUserInputError(bilingual('from must not be after to', 'from は to 以前の日付で指定してください'), { argument: 'from' });
    }
    const position = after === null || after === undefined ? undefined : decodeCursor(after);
    if (after !== null && after !== undefined && position === undefined) {
      throw new BadUserInputError(bilingual('after is not a cursor of this list', 'after のカーソルが不正です'), { argument: 'after' });
    }
    const trimmedIngredient = ingredient?.trim();
    const informationThrough = claimsViewableThrough(japanDate(ctx.now()));
    if (!(await readsDrugRows(ctx, patient.id))) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, informationThrough };
    const page = await ctx.loaders.dispensingPage.load({
      patientId: patient.id,
      ...(fromDate === undefined ? {} : { from: fromDate }),
      ...(toDate === undefined ? {} : { to: toDate }),
      ...(trimmedIngredient ? { ingredient: trimmedIngredient } : {}),
      first,
      ...(position === undefined ? {} : { after: position }),
    });
    const edges = page.records.map((record) => ({ cursor: encodeCursor(record), node: toDispensing(record) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null }, informationThrough };
  }

  @FieldResolver(() => MedicationSummary, { nullable: true })
  async medicationSummary(@Root() patient: Patient, @Ctx() ctx: DrugsContext): Promise<MedicationSummary> {
    const now = ctx.now();
    const summary = (await readsDrugRows(ctx, patient.id)) ? await ctx.loaders.medicationSummary.load(patient.id) : summarizeMedications([], now, claimsViewableThrough(japanDate(now)));
    return {
      asOf: summary.asOf,
      informationThrough: summary.informationThrough,
      activeDrugs: summary.activeDrugs.map(toActiveDrug),
      duplicates: summary.duplicates.map((duplicate) => ({
        ingredient: duplicate.ingredient,
        facilityCodes: duplicate.facilityCodes,
        activeDrugs: duplicate.activeDrugs.map(toActiveDrug),
      })),
      counts: summary.counts,
      polypharmacy: summary.polypharmacy,
    };
  }

  @FieldResolver(() => MedicalExpenseNotice, { nullable: true })
  async medicalExpenses(
    @Root() patient: Patient,
    @Ctx() ctx: DrugsContext,
    @Arg('year', () => Int, { description: 'Calendar year (1 January – 31 December)' }) year: number,
  ): Promise<MedicalExpenseNotice> {
    if (!Number.isInteger(year) || year < 1900 || year > 9999) {
      throw new BadUserInputError(bilingual('year must be a calendar year such as 2025', 'year は西暦で指定してください'), { argument: 'year' });
    }
    // 医療費通知 is its own category: the patient's and an app's under an explicit expenses scope, never a facility's.
    const readsRows = await ctx.decisions.readsRows(patient.id, 'EXPENSES');
    const notice = readsRows ? await ctx.loaders.medicalExpenses.load({ patientId: patient.id, year }) : { monthly: [], yearly: [] };
    const total = notice.yearly.find((entry) => entry.year === year);
    return {
      year,
      claimCount: total?.claimCount ?? 0,
      totalPoints: total?.totalPoints ?? 0,
      totalCostYen: total?.totalCostYen ?? 0,
      patientShareYen: total?.patientShareYen ?? 0,
      months: notice.monthly.map((month) => ({ ...month, facility: facilityReference(month.facilityCode) })),
    };
  }
}
