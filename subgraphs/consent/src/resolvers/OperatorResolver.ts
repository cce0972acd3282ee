import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, NotFoundError, isValidFacilityCode } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { AccessLogEntry } from '../schema/audit';
import { Disaster } from '../schema/policy';
import { PAGE_DEFAULT, PAGE_MAX } from '../schema/paging';
import { readerNamesOf } from '../services/audit/readerNames';
import { searchAccessLog } from '../store/accessLog';
import { disastersInForce, insertDisaster, type DisasterRow } from '../store/disasters';
import { toAccessLogEntry } from './PatientConsentResolver';

function toDisaster(row: DisasterRow): Disaster {
  return { id: row.id, name: row.name, prefectures: row.prefectures, facilityCodes: row.facilityCodes, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() };
}
export function parseInstant(name: string, value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new BadUserInputError(`${name} must be an ISO 8601 date or date-time`);
  return date;
}
function operatorSubject(ctx: ConsentContext): string {
  return ctx.actor?.subject ?? 'unknown';
}

/** Operators' tools (docs/domain.md "Special rules"): disaster declarations and the access-log search (DV/abuse blocks: DvRegistrationResolver). */
@Resolver()
export class OperatorResolver {
  @Access('ADMIN')
  @Mutation(() => Disaster, { description: '災害時の特別措置: declare a disaster for prefectures (and optionally named facilities) for a period' })
  async declareDisaster(
    @Arg('name', () => String) name: string,
    @Arg('prefectures', () => [String]) prefectures: string[],
    @Arg('facilityCodes', () => [String], { nullable: true }) facilityCodes: string[] | null,
    @Arg('startsAt', () => String) startsAt: string,
    @Arg('endsAt', () => String) endsAt: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<Disaster> {
    if (name.trim() === '' || name.length > 200) throw new BadUserInputError('name must have 1 to 200 characters');
    const badPrefecture = prefectures.find((p) => !/^\d{2}$/.test(p) || Number(p) < 1 || Number(p) > 47);
    if (badPrefecture !== undefined) throw new BadUserInputError(`${badPrefecture} is not a prefecture code (01–47)`);
    const badFacility = (facilityCodes ?? []).find((code) => !isValidFacilityCode(code));
    if (badFacility !== undefined) throw new BadUserInputError(`${badFacility} is not a valid facility code`);
    if (prefectures.length === 0 && (facilityCodes ?? []).length === 0) throw new BadUserInputError('Name at least one prefecture or facility');
    const start = parseInstant('startsAt', startsAt);
    const end = parseInstant('endsAt', endsAt);
    if (!(start.getTime() < end.getTime())) throw new BadUserInputError('endsAt must be after startsAt');
    const row = await insertDisaster(ctx.db, { name: name.trim(), prefectures, facilityCodes, startsAt: start, endsAt: end, declaredBy: operatorSubject(ctx) });
    if (!row) throw new NotFoundError('The declaration could not be stored');
    return toDisaster(row);
  }

  @Access('ADMIN', 'RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST')
  @Query(() => [Disaster], { description: 'Disaster declarations in force now' })
  async activeDisasters(@Ctx() ctx: ConsentContext): Promise<Disaster[]> {
    const now = ctx.now();
    const rows = await disastersInForce(ctx.db, now, PAGE_MAX);
    return rows.map(toDisaster);
  }

  @Access('ADMIN')
  @Query(() => [AccessLogEntry], { description: 'Operators: the access log by facility, patient and period, newest first' })
  async accessLogSearch(
    @Ctx() ctx: ConsentContext,
    @Arg('facilityCode', () => String, { nullable: true }) facilityCode: string | null,
    @Arg('patientId', () => ID, { nullable: true }) patientId: string | null,
    @Arg('from', () => String, { nullable: true, description: 'ISO 8601, inclusive' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'ISO 8601, inclusive' }) to: string | null,
    @Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number,
  ): Promise<AccessLogEntry[]> {
    if (first < 1 || first > PAGE_MAX) throw new BadUserInputError(`first must be between 1 and ${PAGE_MAX}`);
    const filter = { facilityCode, patientId, from: from ? parseInstant('from', from) : null, to: to ? parseInstant('to', to) : null };
    if (!filter.facilityCode && !filter.patientId && !filter.from && !filter.to) throw new BadUserInputError('Give a facility, a patient or a period');
    const rows = await searchAccessLog(ctx.db, filter, first);
    const names = await readerNamesOf(ctx.db, rows);
    return rows.map((row) => toAccessLogEntry(row, names));
  }
}
