import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { bilingual, Access, BadUserInputError, DataCategoryEnum, NotFoundError, UnauthenticatedError, type Category } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { grantableApp, PHR_GRANT_DAYS } from '../services/operator/phrApps';
import { CATEGORIES, isCategory } from '../services/policy/roles';
import { readerNamesOf, type ReaderNames } from '../services/audit/readerNames';
import { endGrantSessions } from '../services/identity/sessions';
import { Patient } from '../schema/patient';
import { PhrGrant } from '../schema/policy';
import { insertPhrGrant, phrGrantOfPatient, revokeStandingPhrGrant, type GrantRow } from '../store/phrGrants';
import { requireSelfOrOperator } from './PatientConsentResolver';

const MAX_GRANT_DAYS = 366;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The app's display name and operator as patients see them (null when the app is no longer registered). */
interface GrantApp { name: string | null; operatorName: string | null }

const appOf = (names: ReaderNames, appId: string): GrantApp => ({ name: names.appNameOf(appId), operatorName: names.appOperatorOf(appId) });

function toPhrGrant(row: GrantRow, now: Date, app: GrantApp): PhrGrant {
  return {
    // An operator name left empty at registration is no name (readerNames.ts).
    id: row.id, appId: row.appId, appName: app.name ?? row.appId, appOperatorName: app.operatorName || null, categories: row.categories, grantedAt: row.grantedAt.toISOString(), expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null, active: row.revokedAt === null && row.expiresAt.getTime() > now.getTime(),
  };
}

/** The patient acting on their own records (PHR grants, notices); anyone else is refused. */
export function selfPatientId(ctx: ConsentContext): string {
  const patientId = ctx.actor?.role === 'PATIENT' ? ctx.actor.patientId : undefined;
  if (!patientId) throw new UnauthenticatedError(bilingual('Only the patient themself may do this', '本人のみ操作できます'));
  return patientId;
}

/** PHR grants (docs/domain.md "PHR apps"): the patient chooses the app, the categories and the period. */
@Resolver(() => Patient)
export class PhrResolver {
  @FieldResolver(() => [PhrGrant])
  async phrGrants(@Root() patient: Patient, @Ctx() ctx: ConsentContext): Promise<PhrGrant[]> {
    requireSelfOrOperator(ctx.actor, patient.id);
    // The apps' names with the grants, and the consents when both are asked (マイページ): one statement (patientLists.ts).
    const rows = await ctx.lists.load('phrGrants', patient.id);
    const now = ctx.now();
    return rows.map(({ grant, name, operatorName }) => toPhrGrant(grant, now, { name, operatorName }));
  }

  @Access('PATIENT')
  @Mutation(() => PhrGrant, { description: 'Lets a PHR app read the given categories of my data for `days` days (default 90). The categories must be within the app\'s registered scopes (BAD_USER_INPUT, OUTSIDE_APP_SCOPES); a disabled app is refused (BAD_USER_INPUT, PHR_APP_DISABLED)' })
  async grantPhrAccess(
    @Arg('appId', () => String) appId: string,
    @Arg('categories', () => [DataCategoryEnum]) categories: Category[],
    @Arg('days', () => Int, { defaultValue: PHR_GRANT_DAYS }) days: number,
    @Ctx() ctx: ConsentContext,
  ): Promise<PhrGrant> {
    const patientId = selfPatientId(ctx);
    const unique = [...new Set(categories)];
    if (unique.length === 0 || !unique.every(isCategory)) throw new BadUserInputError(`categories must be one or more of ${CATEGORIES.join(', ')}`);
    if (!Number.isInteger(days) || days < 1 || days > MAX_GRANT_DAYS) throw new BadUserInputError(`days must be between 1 and ${MAX_GRANT_DAYS}`);
    await grantableApp(ctx.db, appId, unique);
    const now = ctx.now();
    const row = await insertPhrGrant(ctx.db, { patientId, appId, categories: unique, grantedAt: now, expiresAt: new Date(now.getTime() + days * 86_400_000) });
    if (!row) throw new NotFoundError('The grant could not be stored');
    return toPhrGrant(row, now, appOf(await readerNamesOf(ctx.db, [{ actorRole: 'PHR_APP', actorSubject: row.appId }]), row.appId));
  }

  @Access('PATIENT')
  @Mutation(() => PhrGrant, { description: 'Stops a PHR grant at once: the app reads nothing more, its refresh tokens are revoked' })
  async revokePhrAccess(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: ConsentContext): Promise<PhrGrant> {
    const patientId = selfPatientId(ctx);
    if (!UUID.test(grantId)) throw new NotFoundError(bilingual('No such grant', '該当する連携がありません'));
    const now = ctx.now();
    const row = (await revokeStandingPhrGrant(ctx.db, grantId, patientId, now)) ?? (await phrGrantOfPatient(ctx.db, grantId, patientId));
    if (!row) throw new NotFoundError(bilingual('No such grant', '該当する連携がありません'));
    await endGrantSessions(ctx.db, row.id, now);
    return toPhrGrant(row, now, appOf(await readerNamesOf(ctx.db, [{ actorRole: 'PHR_APP', actorSubject: row.appId }]), row.appId));
  }
}
