import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { bilingual, Access, BadUserInputError, NotFoundError, STAFF_ROLES, UnauthenticatedError, VIEWING_AUTHORITIES, facilityKindOfCode, isValidFacilityCode, rolesWith, type ViewingAuthority } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { disasterSearch, recordDisasterBasis, type DisasterPermission as Permission } from '../services/policy/disasterSearch';
import { startEmergencyAccess } from '../services/policy/emergencyAccess';
import { accountByName } from '../store/accounts';
import { disasterExists } from '../store/disasters';
import { insertHospital, isHospital } from '../store/hospitals';
import { searchSpecialSearchLog } from '../store/searchLog';
import { insertViewingAuthority, revokeViewingAuthorities } from '../store/viewingAuthorities';
import { DisasterPermission, DisasterSearchResult, EmergencyAccess } from '../schema/specialAccess';
import { Hospital, SpecialSearchLogEntry, ViewingAuthorityGrant } from '../schema/policy';
import { PAGE_DEFAULT, PAGE_MAX } from '../schema/paging';
import { parseInstant } from './OperatorResolver';
import { cardStatusLookup } from './ReaderResolver';
import { ViewingAuthorityEnum } from '../schema/codes';

function permissionView(permission: Permission): DisasterPermission {
  return {
    identificationId: permission.identificationId, patient: { id: permission.patientId }, disasterId: permission.disasterId, basis: permission.basis,
    reason: permission.reason, recordedBy: permission.recordedBy, recordedAt: permission.recordedAt.toISOString(),
  };
}

function requireActor(ctx: ConsentContext) {
  if (!ctx.actor) throw new UnauthenticatedError();
  return ctx.actor;
}

/**
 * Disaster mode and emergency access (docs/domain.md "Disaster", "Emergency access"; docs/api-guide.md "Disaster mode
 * and emergency access"). Who may call each is the access policy's (policy.ts): the role lists here are the roles of
 * the rules with that condition; authority, hospital and declaration are checked by the services against the database.
 */
@Resolver()
export class SpecialAccessResolver {
  @Access(...rolesWith('DRUG', 'DISASTER_IDENTIFIED'))
  @Query(() => DisasterSearchResult, { description: 'Disaster mode: all four fields, exactly one match, or NOT_FOUND. Names the person only: record consent or the exemption before any data is readable. Rate-limited; every search is logged' })
  async disasterSearch(
    @Arg('name', () => String) name: string,
    @Arg('birthdate', () => String, { description: 'YYYY-MM-DD' }) birthdate: string,
    @Arg('sex', () => String, { description: '1 男 / 2 女' }) sex: string,
    @Arg('insurerNameOrAddress', () => String, { description: 'At least two characters of the insurer name, or the address down to its municipality (…市/区/町/村)' }) insurerNameOrAddress: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<DisasterSearchResult> {
    const hit = await disasterSearch(ctx.db, ctx.searchThrottle, requireActor(ctx), { name, birthdate, sex, insurerNameOrAddress }, ctx.requestId, ctx.now());
    return { patient: { id: hit.patientId }, disasterId: hit.disasterId, identificationId: hit.identificationId, special: true };
  }

  @Access(...rolesWith('DRUG', 'DISASTER_IDENTIFIED'))
  @Mutation(() => DisasterPermission, { description: "Disaster mode: the patient's separate consent, given orally and attested by me, for the person identified here" })
  async recordDisasterConsent(@Arg('patientId', () => ID) patientId: string, @Ctx() ctx: ConsentContext): Promise<DisasterPermission> {
    return permissionView(await recordDisasterBasis(ctx.db, requireActor(ctx), patientId, { basis: 'CONSENT' }, ctx.requestId, ctx.now()));
  }

  @Access(...rolesWith('DRUG', 'DISASTER_IDENTIFIED'))
  @Mutation(() => DisasterPermission, { description: 'Disaster mode: the patient cannot express their will and viewing is needed to protect life or body; the reason is required' })
  async recordDisasterExemption(@Arg('patientId', () => ID) patientId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: ConsentContext): Promise<DisasterPermission> {
    return permissionView(await recordDisasterBasis(ctx.db, requireActor(ctx), patientId, { basis: 'EXEMPTION', reason }, ctx.requestId, ctx.now()));
  }

  @Access(...rolesWith('DRUG', 'EMERGENCY_OPENED'))
  @Mutation(() => EmergencyAccess, { description: '救急時医療情報閲覧: at a hospital, staff holding the emergency viewing authority identify the patient by card or by the four fields, with a reason; opens drug and checkup reads here for 24 h' })
  async startEmergencyAccess(
    @Arg('reason', () => String) reason: string,
    @Arg('cardSerial', () => String, { nullable: true }) cardSerial: string | null,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Arg('birthdate', () => String, { nullable: true }) birthdate: string | null,
    @Arg('sex', () => String, { nullable: true }) sex: string | null,
    @Arg('insurerNameOrAddress', () => String, { nullable: true }) insurerNameOrAddress: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<EmergencyAccess> {
    // An omitted argument arrives as undefined, an explicit null as null: neither is a field given.
    const anyField = [name, birthdate, sex, insurerNameOrAddress].some((value) => value !== null && value !== undefined);
    const fourFields = anyField ? { name: name ?? '', birthdate: birthdate ?? '', sex: sex ?? '', insurerNameOrAddress: insurerNameOrAddress ?? '' } : null;
    const opened = await startEmergencyAccess(ctx.db, ctx.searchThrottle, cardStatusLookup(ctx), requireActor(ctx), { cardSerial: cardSerial ?? null, fourFields, reason }, ctx.requestId, ctx.now());
    return {
      id: opened.id, patient: { id: opened.patientId }, facilityCode: opened.facilityCode, identifiedBy: opened.identifiedBy, reason: opened.reason,
      openedAt: opened.openedAt.toISOString(), expiresAt: opened.expiresAt.toISOString(), special: true,
    };
  }

  @Access('ADMIN')
  @Mutation(() => ViewingAuthorityGrant, { description: 'Grants a staff account a viewing authority: DISASTER_VIEWING (optionally for one declaration) or EMERGENCY_VIEWING (hospitals only)' })
  async grantViewingAuthority(
    @Arg('account', () => String) account: string,
    @Arg('authority', () => ViewingAuthorityEnum) authority: string,
    @Arg('disasterId', () => ID, { nullable: true }) disasterId: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<ViewingAuthorityGrant> {
    if (!(VIEWING_AUTHORITIES as readonly string[]).includes(authority)) throw new BadUserInputError(`authority must be one of ${VIEWING_AUTHORITIES.join(', ')}`);
    const staff = await accountByName(ctx.db, account);
    if (!staff || !staff.facilityCode || !(STAFF_ROLES as readonly string[]).includes(staff.role)) throw new NotFoundError('No staff account of a facility by that name');
    if (authority === 'EMERGENCY_VIEWING') {
      if (!(await isHospital(ctx.db, staff.facilityCode))) throw new BadUserInputError(bilingual('Emergency access is for hospitals: register the facility as a hospital first', '病院として登録された医療機関の職員のみです'));
    }
    const declarationId = disasterId ?? null; // omitted arrives as undefined
    if (declarationId !== null) {
      if (authority !== 'DISASTER_VIEWING') throw new BadUserInputError('Only DISASTER_VIEWING is granted for one declaration');
      if (!/^[0-9a-f-]{36}$/i.test(declarationId)) throw new BadUserInputError('disasterId is not a declaration id');
      if (!(await disasterExists(ctx.db, declarationId))) throw new NotFoundError('No such disaster declaration');
    }
    const row = await insertViewingAuthority(ctx.db, {
      subject: staff.subject, facilityCode: staff.facilityCode, authority: authority as ViewingAuthority, disasterId: declarationId, grantedBy: requireActor(ctx).subject, grantedAt: ctx.now(),
    });
    if (!row) throw new NotFoundError('The authority could not be stored');
    return { id: row.id, account, facilityCode: row.facilityCode, authority: row.authority, disasterId: row.disasterId, grantedAt: row.grantedAt.toISOString(), revokedAt: null };
  }

  @Access('ADMIN')
  @Mutation(() => Int, { description: 'Revokes every standing viewing authority of this kind of a staff account; the number revoked' })
  async revokeViewingAuthority(@Arg('account', () => String) account: string, @Arg('authority', () => ViewingAuthorityEnum) authority: string, @Ctx() ctx: ConsentContext): Promise<number> {
    const staff = await accountByName(ctx.db, account);
    if (!staff || !staff.facilityCode) throw new NotFoundError('No staff account of a facility by that name');
    return revokeViewingAuthorities(ctx.db, { subject: staff.subject, facilityCode: staff.facilityCode }, authority, ctx.now());
  }

  @Access('ADMIN')
  @Mutation(() => Hospital, { description: 'Registers a medical or dental institution as a hospital (病院) for emergency access' })
  async registerHospital(@Arg('facilityCode', () => String) facilityCode: string, @Arg('name', () => String) name: string, @Ctx() ctx: ConsentContext): Promise<Hospital> {
    if (!isValidFacilityCode(facilityCode) || facilityKindOfCode(facilityCode) === 'PHARMACY') throw new BadUserInputError('A hospital has a valid medical or dental facility code (not a pharmacy)');
    if (name.trim() === '' || name.length > 200) throw new BadUserInputError('name must have 1 to 200 characters');
    await insertHospital(ctx.db, { facilityCode, name: name.trim(), registeredBy: requireActor(ctx).subject, registeredAt: ctx.now() });
    return { facilityCode, name: name.trim() };
  }

  @Access('ADMIN')
  @Query(() => [SpecialSearchLogEntry], { description: 'Operators: disaster and emergency searches, found or not (including blocked and refused ones), newest first' })
  async specialSearchLog(
    @Ctx() ctx: ConsentContext,
    @Arg('facilityCode', () => String, { nullable: true }) facilityCode: string | null,
    @Arg('from', () => String, { nullable: true, description: 'ISO 8601, inclusive' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'ISO 8601, inclusive' }) to: string | null,
    @Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number,
  ): Promise<SpecialSearchLogEntry[]> {
    if (first < 1 || first > PAGE_MAX) throw new BadUserInputError(`first must be between 1 and ${PAGE_MAX}`);
    const filter = { facilityCode, from: from ? parseInstant('from', from) : null, to: to ? parseInstant('to', to) : null };
    if (!filter.facilityCode && !filter.from && !filter.to) throw new BadUserInputError('Give a facility or a period');
    const rows = await searchSpecialSearchLog(ctx.db, filter, first);
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }
}
