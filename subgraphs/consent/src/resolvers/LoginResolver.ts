import { and, desc, eq, isNull } from 'drizzle-orm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ForbiddenError, NotFoundError, PHR_SCOPES, isRole, type Actor, type FacilityKind } from '@onshi/kit';
import { isCategory } from '../services/roles';
import type { ConsentContext } from '../context';
import { accounts, phrGrants } from '../db/tables';
import { issueAccessToken } from '../services/signing';
import { AccessToken } from '../schema/types';

type AccountRow = typeof accounts.$inferSelect;

export function actorOfAccount(row: AccountRow): Actor {
  if (!isRole(row.role)) throw new Error(`account ${row.account} has an unknown role`);
  return {
    subject: row.subject,
    role: row.role,
    scopes: [],
    amr: [],
    ...(row.facilityCode ? { facilityCode: row.facilityCode, facilityKind: row.facilityKind as FacilityKind } : {}),
    ...(row.patientId ? { patientId: row.patientId } : {}),
    ...(row.insurerNumber ? { insurerNumber: row.insurerNumber } : {}),
  };
}

@Resolver()
export class LoginResolver {
  /**
   * PLACEHOLDER until the consent issue's card, staff and PHR logins land: issues a token for a named
   * demo account without a proof, and ONLY while the process runs in demo mode (DEMO_MODE=true).
   */
  @Mutation(() => AccessToken, { description: 'Demo mode only: a token for a named demo account (see README)' })
  async demoLogin(@Arg('account', () => String) account: string, @Ctx() ctx: ConsentContext): Promise<AccessToken> {
    if (!ctx.config.DEMO_MODE) throw new ForbiddenError('Demo login is disabled outside demo mode / デモモード以外では使用できません');
    const [row] = await ctx.db.select().from(accounts).where(eq(accounts.account, account));
    if (!row) throw new NotFoundError(`No demo account named ${account}`);
    let actor = actorOfAccount(row);
    if (actor.role === 'PHR_APP') {
      // A PHR app acts for the patient who granted it, within the grant's categories (DOMAIN.md "PHR").
      const [grant] = await ctx.db.select().from(phrGrants).where(and(eq(phrGrants.appId, actor.subject), isNull(phrGrants.revokedAt))).orderBy(desc(phrGrants.grantedAt)).limit(1);
      if (!grant) throw new ForbiddenError('No patient has granted this app access / 連携の許可がありません');
      actor = { ...actor, patientId: grant.patientId, grantId: grant.id, scopes: grant.categories.filter(isCategory).map((c) => PHR_SCOPES[c]) };
    }
    const amr = actor.role === 'PATIENT' ? ['hwk', 'pin'] : ['pwd', 'otp'];
    const token = await issueAccessToken(ctx.signingKey, { ...actor, amr });
    return { accessToken: token.accessToken, expiresAt: token.expiresAt.toISOString(), role: actor.role, patientId: actor.patientId ?? null, facilityCode: actor.facilityCode ?? null };
  }
}
