import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Access, AccessTo, NotFoundError, UnauthenticatedError } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { Confirmation } from '../schema/Confirmation';
import { Patient } from '../schema/Patient';
import { Qualification } from '../schema/Qualification';
import { coverageInForce, type ConfirmationView } from '../services/patients';
import { requireDate } from '../services/validation';

/**
 * Loads a patient after the decision point allowed the caller to see this person's qualification
 * (ARCHITECTURE.md layer 3): the same path serves `patient(id:)`, `me` and `__resolveReference`.
 */
export async function loadAllowedPatient(ctx: QualificationsContext, id: string): Promise<Patient> {
  await ctx.decisions.require(id, 'QUALIFICATION');
  const row = await ctx.loaders.patient.load(id);
  if (!row) throw new NotFoundError(`No patient with id ${id} / 該当する患者がいません`);
  return row;
}

@Resolver(() => Patient)
export class PatientResolver {
  @AccessTo('QUALIFICATION')
  @Query(() => Patient, { description: 'A person by opaque id; requires an allow from the decision point' })
  async patient(@Arg('id', () => ID) id: string, @Ctx() ctx: QualificationsContext): Promise<Patient> {
    return loadAllowedPatient(ctx, id);
  }

  @Access('PATIENT')
  @Query(() => Patient, { description: 'The logged-in patient (マイページ)' })
  async me(@Ctx() ctx: QualificationsContext): Promise<Patient> {
    const patientId = ctx.actor?.patientId;
    if (!patientId) throw new UnauthenticatedError('This token does not belong to a patient / 本人のトークンではありません');
    return loadAllowedPatient(ctx, patientId);
  }

  @FieldResolver(() => [Qualification])
  async qualifications(@Root() patient: Patient, @Ctx() ctx: QualificationsContext): Promise<Qualification[]> {
    return ctx.loaders.history.load(patient.id);
  }

  @FieldResolver(() => Qualification, { nullable: true })
  async currentQualification(@Root() patient: Patient, @Ctx() ctx: QualificationsContext): Promise<Qualification | null> {
    return coverageInForce(await ctx.loaders.history.load(patient.id), ctx.today);
  }

  /** "Who insured this person on date D" (DOMAIN.md "Receipt re-routing"): answered from the batched history. */
  @AccessTo('QUALIFICATION')
  @FieldResolver(() => Qualification, { nullable: true, description: 'The coverage in force on `date` (YYYY-MM-DD), if any' })
  async qualificationOn(@Root() patient: Patient, @Arg('date', () => String) date: string, @Ctx() ctx: QualificationsContext): Promise<Qualification | null> {
    const day = requireDate(date, 'date', { ja: '日付', en: 'The date' });
    return coverageInForce(await ctx.loaders.history.load(patient.id), day);
  }

  @FieldResolver(() => [Confirmation])
  async confirmations(@Root() patient: Patient, @Ctx() ctx: QualificationsContext): Promise<ConfirmationView[]> {
    return ctx.loaders.confirmations.load(patient.id);
  }
}
