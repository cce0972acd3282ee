import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { bilingual, Access, AccessTo, ForbiddenError, UnauthenticatedError } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { CardRegistration } from '../schema/CardRegistration';
import { Confirmation } from '../schema/Confirmation';
import { cardView } from '../services/cards';
import { cardsOfPerson } from '../store/cards';
import { Patient } from '../schema/Patient';
import { Qualification } from '../schema/Qualification';
import { coverageInForce, type ConfirmationView, type QualificationRow } from '../store/patients';
import { asksOnlyTheKey, loadAllowedPatient, loadAllowedReference, visibleAddress, visibleCoverage, type AllowedPatient, type AllowedReference } from '../services/qualificationAccess';
import { requireDate } from '../services/validation';

export { loadAllowedPatient };

@Resolver(() => Patient)
export class PatientResolver {
  @AccessTo('QUALIFICATION')
  @Query(() => Patient, {
    description: 'A person by opaque id, when the decision point allows: staff only for a person their facility confirmed (or whose card it verified with a consent) in the last 24 h, with the coverage that confirmation answered; insurers their own coverage periods. Anything else answers NOT_FOUND, exactly as an unknown id',
  })
  async patient(@Arg('id', () => ID) id: string, @Ctx() ctx: QualificationsContext, @Info() info: GraphQLResolveInfo): Promise<AllowedPatient | AllowedReference> {
    // Only the id asked (a read that passes through to another subgraph): decided, and no row read here.
    return asksOnlyTheKey(info) ? loadAllowedReference(ctx, id) : loadAllowedPatient(ctx, id);
  }

  @Access('PATIENT')
  @Query(() => Patient, { description: 'The logged-in patient (マイページ)' })
  async me(@Ctx() ctx: QualificationsContext): Promise<AllowedPatient> {
    const patientId = ctx.actor?.patientId;
    if (!patientId) throw new UnauthenticatedError(bilingual('This token does not belong to a patient', '本人のトークンではありません'));
    return loadAllowedPatient(ctx, patientId);
  }

  private async coverage(patient: AllowedPatient, ctx: QualificationsContext): Promise<QualificationRow[]> {
    return visibleCoverage(patient, await ctx.loaders.history.load(patient.id), ctx.today);
  }

  @FieldResolver(() => [Qualification])
  async qualifications(@Root() patient: AllowedPatient, @Ctx() ctx: QualificationsContext): Promise<QualificationRow[]> {
    return this.coverage(patient, ctx);
  }

  @FieldResolver(() => Qualification, { nullable: true })
  async currentQualification(@Root() patient: AllowedPatient, @Ctx() ctx: QualificationsContext): Promise<QualificationRow | null> {
    return coverageInForce(await this.coverage(patient, ctx), ctx.today);
  }

  /** "Who insured this person on date D" (docs/domain.md "Receipt re-routing (レセプト振替), seed 3"): answered from the coverage the caller may see. */
  @AccessTo('QUALIFICATION')
  @FieldResolver(() => Qualification, { nullable: true, description: 'The coverage in force on `date` (YYYY-MM-DD), if any, among the periods you may see' })
  async qualificationOn(@Root() patient: AllowedPatient, @Arg('date', () => String) date: string, @Ctx() ctx: QualificationsContext): Promise<QualificationRow | null> {
    const day = requireDate(date, 'date', { ja: '日付', en: 'The date' });
    return coverageInForce(await this.coverage(patient, ctx), day);
  }

  @FieldResolver(() => String, { nullable: true })
  address(@Root() patient: AllowedPatient): string | null {
    return visibleAddress(patient).address;
  }

  @FieldResolver(() => String, { nullable: true })
  postNumber(@Root() patient: AllowedPatient): string | null {
    return visibleAddress(patient).postNumber;
  }

  // The holder's own cards: not part of any facility's or insurer's view (a card serial identifies a person's card).
  @Access('PATIENT')
  @FieldResolver(() => [CardRegistration], { description: "My My Number Cards: registration for insurance use, status, and the certificate's expiry (docs/domain.md \"Card certificate expiry\"); the holder only" })
  async myNumberCards(@Root() patient: AllowedPatient, @Ctx() ctx: QualificationsContext): Promise<CardRegistration[]> {
    if (ctx.actor?.patientId !== patient.id) throw new ForbiddenError();
    return (await cardsOfPerson(ctx.db, patient.linkageNumber)).map((card) => cardView(card, ctx.today));
  }

  @FieldResolver(() => [Confirmation])
  async confirmations(@Root() patient: AllowedPatient, @Ctx() ctx: QualificationsContext): Promise<ConfirmationView[]> {
    return ctx.loaders.confirmations.load(patient.id);
  }
}
