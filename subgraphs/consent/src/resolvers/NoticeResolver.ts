import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { bilingual, Access, BadUserInputError } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { Patient } from '../schema/patient';
import { markNoticesReadThrough, noticesReadThrough } from '../store/noticeReads';
import { requireSelfOrOperator } from './PatientConsentResolver';
import { selfPatientId } from './PhrResolver';

/** An ISO 8601 instant with an explicit zone, as the portal sends the newest notice's time. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

/** The instant, or undefined for a malformed one or an impossible calendar day (`Date` rolls 02-31 into March). */
function parseInstant(text: string): Date | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/**
 * お知らせ read state (portal/README.md "Notices"): the portal's notices are derived from the access log and the
 * consents, so what a person has read is one instant per person, moved forward only — marking an older
 * instant later (a second tab, a replayed request) never makes read notices new again.
 */
@Resolver(() => Patient)
export class NoticeResolver {
  @FieldResolver(() => String, { nullable: true })
  async noticesReadThrough(@Root() patient: Patient, @Ctx() ctx: ConsentContext): Promise<string | null> {
    requireSelfOrOperator(ctx.actor, patient.id);
    return (await noticesReadThrough(ctx.db, patient.id))?.toISOString() ?? null;
  }

  @Access('PATIENT')
  @Mutation(() => String, { description: 'Marks my notices up to `through` (ISO 8601, not in the future) as read; returns how far they are now read (never moves back)' })
  async markNoticesRead(@Arg('through', () => String) through: string, @Ctx() ctx: ConsentContext): Promise<string> {
    const patientId = selfPatientId(ctx);
    const instant = parseInstant(through);
    const now = ctx.now();
    if (!instant) throw new BadUserInputError(bilingual('through must be an ISO 8601 instant', '日時の形式が正しくありません'), { field: 'through' });
    if (instant.getTime() > now.getTime()) throw new BadUserInputError(bilingual('through must not be in the future', '未来の日時は指定できません'), { field: 'through' });
    return ((await markNoticesReadThrough(ctx.db, patientId, instant, now)) ?? instant).toISOString();
  }
}
