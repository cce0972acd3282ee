import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, UnauthenticatedError } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { InsurerChangeEvent } from '../schema/InsurerChangeEvent';
import { Qualification } from '../schema/Qualification';
import { QualificationInput } from '../schema/QualificationInput';
import { changeInsurer, endQualification, registerQualification } from '../services/insurerOperations';
import { insurerChangeEventsOf } from '../store/outbox';
import type { QualificationRow } from '../store/patients';

/** 保険者 operations on their own members (docs/domain.md "Who takes part"). */
@Resolver(() => Qualification)
export class InsurerResolver {
  @Access('INSURER')
  @Mutation(() => Qualification, { description: '資格取得: your insurer starts covering the person with this 紐付番号 (refused while your own coverage is in force on that date; another insurer\'s stays open until it records the loss, and confirmation answers 5 meanwhile)' })
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
  @Mutation(() => Qualification, {
    description: '保険者変更: your insurer\'s 資格取得 of a person another insurer covers now. The other coverage stays open until that insurer records the loss (confirmation answers 5 meanwhile); checkups are copied to you (docs/contracts.md contract 6)',
    deprecationReason: 'Use registerQualification: each insurer records the acquisition and loss of its own members (docs/api-guide.md)',
  })
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
    const rows = await insurerChangeEventsOf(ctx.db, patientId);
    return rows.map((row) => ({
      eventId: row.eventId, fromInsurerNumber: row.payload.fromInsurerNumber, toInsurerNumber: row.payload.toInsurerNumber, effectiveDate: row.payload.effectiveDate,
      attempts: row.attempts, deliveredAt: row.deliveredAt?.toISOString() ?? null, lastError: row.lastError,
    }));
  }

  @Access('INSURER')
  @Mutation(() => Qualification, { description: '資格喪失: ends one of your own members\' coverage (another insurer\'s coverage answers NOT_FOUND)' })
  async endQualification(
    @Arg('qualificationId', () => ID) qualificationId: string,
    @Arg('disqualificationDate', () => String) disqualificationDate: string,
    @Ctx() ctx: QualificationsContext,
  ): Promise<QualificationRow> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return endQualification(ctx.db, ctx.actor, qualificationId, disqualificationDate, ctx.today);
  }
}
