import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadUserInputError, ForbiddenError, policyActorOf, ruleAppliesTo, rulesFor, type Actor } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { readerNamesOf, type ReaderNames } from '../services/audit/readerNames';
import { OWN_VIEW_DV_REASON, consentExpiresAt, isConsentValid } from '../services/policy/decision';
import { AccessLogEntry } from '../schema/audit';
import { Consent, SpecialAccessHere } from '../schema/policy';
import { PAGE_DEFAULT, PAGE_MAX } from '../schema/paging';
import { Patient } from '../schema/patient';
import { specialStandingOf } from '../services/policy/decisionPoint';
import { accessLogOfPatient, type AccessLogRow } from '../store/accessLog';

/**
 * The access policy's ACCESS_LOG rules (@onshi/platform policy.ts): a patient reads only their own log, consents and
 * grants; operators read any (docs/domain.md "Consent (同意) — the core rule": logged provisions).
 */
export function requireSelfOrOperator(actor: Actor | null, patientId: string): void {
  const holds = actor !== null && rulesFor('ACCESS_LOG').some((rule) => ruleAppliesTo(rule, policyActorOf(actor))
    && (rule.condition === 'OPERATOR' || (rule.condition === 'SELF' && actor.patientId !== undefined && actor.patientId === patientId)));
  if (!holds) throw new ForbiddenError();
}

export function toAccessLogEntry(row: AccessLogRow, names: ReaderNames): AccessLogEntry {
  return {
    ...row, at: row.at.toISOString(),
    insurerNumber: row.actorRole === 'INSURER' ? names.insurerNumberOf(row.actorSubject) : null,
    appName: row.actorRole === 'PHR_APP' ? names.appNameOf(row.actorSubject) : null,
    appOperatorName: row.actorRole === 'PHR_APP' ? names.appOperatorOf(row.actorSubject) : null,
  };
}

/**
 * The person's own 提供状況 as she (or whoever holds her card) reads it: a refusal for a DV/abuse block is shown as
 * "not provided", and the registration and lifting of the block are not listed (docs/domain.md "DV": nothing tells
 * that a block exists; the operator's search keeps the true reasons).
 */
const SELF_VIEW_HIDDEN_CATEGORY = 'DV_REGISTRATION';
function toOwnAccessLogEntry(row: AccessLogRow, names: ReaderNames): AccessLogEntry {
  const entry = toAccessLogEntry(row, names);
  return entry.reason === 'DV_BLOCK' ? { ...entry, reason: OWN_VIEW_DV_REASON } : entry;
}

@Resolver(() => Patient)
export class PatientConsentResolver {
  @FieldResolver(() => [AccessLogEntry])
  async accessLog(
    @Root() patient: Patient,
    @Ctx() ctx: ConsentContext,
    @Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number,
    @Arg('includeOwnViews', () => Boolean, { defaultValue: false, description: 'Also list your own reads' }) includeOwnViews: boolean,
  ): Promise<AccessLogEntry[]> {
    requireSelfOrOperator(ctx.actor, patient.id);
    if (first < 1 || first > PAGE_MAX) throw new BadUserInputError(`first must be between 1 and ${PAGE_MAX}`);
    const operator = ctx.actor?.role === 'ADMIN';
    const rows = await accessLogOfPatient(ctx.db, patient.id, { ownViews: !includeOwnViews, category: operator ? null : SELF_VIEW_HIDDEN_CATEGORY }, first);
    const names = await readerNamesOf(ctx.db, rows);
    return rows.map((row) => (operator ? toAccessLogEntry(row, names) : toOwnAccessLogEntry(row, names)));
  }

  @FieldResolver(() => SpecialAccessHere, { nullable: true })
  async specialAccessHere(@Root() patient: Patient, @Ctx() ctx: ConsentContext): Promise<SpecialAccessHere | null> {
    // Staff only (@Access on the field); Query.patient has already refused a person this facility may not see.
    if (ctx.actor === null) return null;
    return specialStandingOf(ctx.db, ctx.actor, patient.id, ctx.now());
  }

  @FieldResolver(() => [Consent])
  async consents(@Root() patient: Patient, @Ctx() ctx: ConsentContext): Promise<Consent[]> {
    requireSelfOrOperator(ctx.actor, patient.id);
    const now = ctx.now();
    // With the PHR grants when both are asked (マイページ): one statement (patientLists.ts).
    const rows = await ctx.lists.load('consents', patient.id);
    return rows.map((row) => ({
      id: row.id, facilityCode: row.facilityCode, category: row.category, method: row.method,
      registeredAt: row.registeredAt.toISOString(), expiresAt: consentExpiresAt(row.registeredAt).toISOString(),
      valid: isConsentValid({ registeredAt: row.registeredAt, ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}) }, now),
    }));
  }
}
