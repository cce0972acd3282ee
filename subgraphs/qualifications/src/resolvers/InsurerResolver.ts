import { desc, eq } from 'drizzle-orm';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, UnauthenticatedError } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { insurerChangeOutbox } from '../db/tables';
import { InsurerChangeEvent } from '../schema/InsurerChangeEvent';
import { Qualification } from '../schema/Qualification';
import { QualificationInput } from '../schema/QualificationInput';
import { changeInsurer, endQualification, registerQualification } from '../services/insurerOperations';
import type { QualificationRow } from '../services/patients';

/** 保険者 operations on their own members (DOMAIN.md "Actors"). */
@Resolver(() => Qualification)
export class InsurerResolver {
  @Access('INSURER')
  @Mutation(() => Qualification, { description: '資格取得: your insurer starts covering the person with this 紐付番号 (no other coverage open on that date)' })
  async registerQualification(
    @Arg('linkageNumber', () => String) linkageNumber: string,
    @Arg('qualification', () => QualificationInput) qualification: QualificationInput,
    @Ctx() ctx: QualificationsContext,
  ): Promise<QualificationRow> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const result = await registerQualification(ctx.db, ctx.actor, linkageNumber, qualification, ctx.today);
    ctx.insurerChanges.nudge();
    return result;
  }

  @Access('INSURER')
  @Mutation(() => Qualification, { description: '保険者変更: your insurer takes over; the previous coverage ends the day before. Checkups follow (contract 6)' })
  async changeInsurer(
    @Arg('linkageNumber', () => String) linkageNumber: string,
    @Arg('qualification', () => QualificationInput) qualification: QualificationInput,
    @Ctx() ctx: QualificationsContext,
  ): Promise<QualificationRow> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const result = await changeInsurer(ctx.db, ctx.actor, linkageNumber, qualification, ctx.today);
    ctx.insurerChanges.nudge();
    return result;
  }

  @Access('ADMIN')
  @Query(() => [InsurerChangeEvent], { description: 'Operators: insurer-change events of a person and their delivery to checkups, newest first' })
  async insurerChangeEvents(@Arg('patientId', () => ID) patientId: string, @Ctx() ctx: QualificationsContext): Promise<InsurerChangeEvent[]> {
    const rows = await ctx.db.select().from(insurerChangeOutbox).where(eq(insurerChangeOutbox.patientId, patientId)).orderBy(desc(insurerChangeOutbox.createdAt));
    return rows.map((row) => ({
      eventId: row.eventId, fromInsurerNumber: row.payload.fromInsurerNumber, toInsurerNumber: row.payload.toInsurerNumber, effectiveDate: row.payload.effectiveDate,
      attempts: row.attempts, deliveredAt: row.deliveredAt?.toISOString() ?? null, lastError: row.lastError,
    }));
  }

  @Access('INSURER')
  @Mutation(() => Qualification, { description: '資格喪失: ends one of your own members\' coverage' })
  async endQualification(
    @Arg('qualificationId', () => ID) qualificationId: string,
    @Arg('disqualificationDate', () => String) disqualificationDate: string,
    @Ctx() ctx: QualificationsContext,
  ): Promise<QualificationRow> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return endQualification(ctx.db, ctx.actor, qualificationId, disqualificationDate, ctx.today);
  }
}
