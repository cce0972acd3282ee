import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, ROLES, RoleEnum, UnauthenticatedError, type Actor, type Role } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { AdminChange } from '../schema/audit';
import { CardReader } from '../schema/identity';
import { FacilityRegistration, OnboardedFacility, StaffAccount, StaffEnrollmentLink, TotpEnrollment } from '../schema/operator';
import { PAGE_DEFAULT, PAGE_MAX } from '../schema/paging';
import { confirmEnrollment, disableStaff, enrollStaff, facilityByCode, facilityCount, facilityDirectory, resetStaffPassword, registerFacility, requireFacilityAdmin, requireOperator, staffOfFacility, startEnrollment, type AccountRow, type Enrollment, type FacilityRow } from '../services/operator/onboarding';
import { readersOf } from '../services/identity/readers';
import { adminChangesOfFacility, type AdminChangeRow } from '../store/adminChanges';
import { readerView } from './ReaderResolver';
import { FacilityKindEnum } from '../schema/codes';

function facilityView(row: FacilityRow): OnboardedFacility {
  return { code: row.code, name: row.name, kind: row.kind, prefecture: row.prefecture, hospital: row.hospital, registeredAt: row.registeredAt.toISOString() };
}
function staffView(row: AccountRow): StaffAccount {
  return {
    staffId: row.staffId ?? '', facilityCode: row.facilityCode ?? '', displayName: row.displayName, role: row.role, facilityAdmin: row.facilityAdmin,
    enrolled: row.totpSecret !== null, disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}
export function linkView(row: AccountRow, enrollment: Enrollment): StaffEnrollmentLink {
  return { staff: staffView(row), enrollmentToken: enrollment.token, expiresAt: enrollment.expiresAt.toISOString() };
}
export function adminChangeView(row: AdminChangeRow): AdminChange {
  return { ...row, at: row.at.toISOString(), before: row.before ? JSON.stringify(row.before) : null, after: row.after ? JSON.stringify(row.after) : null };
}
export function actorOf(ctx: ConsentContext): Actor {
  if (!ctx.actor) throw new UnauthenticatedError();
  return ctx.actor;
}

/**
 * Taking a facility into use (services/operator/onboarding.ts). The mutations accept every signed-in role at the
 * directive and decide who may act themselves, so that a refusal is logged like an allowed action. The two
 * enrollment mutations carry no token: the one-time link is the proof, as a card signature is for a card login.
 */
@Resolver()
export class OnboardingResolver {
  @Access(...ROLES)
  @Mutation(() => FacilityRegistration, { description: 'Operator (ADMIN): registers a facility (医療機関コード with check digit, matching prefecture and kind) and its administrator, who gets a one-time enrollment link. A code already registered: BAD_USER_INPUT (DUPLICATE_FACILITY)' })
  async registerFacility(
    @Arg('code', () => String) code: string,
    @Arg('name', () => String) name: string,
    @Arg('kind', () => FacilityKindEnum) kind: string,
    @Arg('prefecture', () => String, { description: '01–47' }) prefecture: string,
    @Arg('hospital', () => Boolean, { description: '病院 (20 beds or more) rather than 診療所' }) hospital: boolean,
    @Arg('administratorStaffId', () => String) administratorStaffId: string,
    @Arg('administratorName', () => String) administratorName: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<FacilityRegistration> {
    const result = await registerFacility(ctx.db, actorOf(ctx), { code, name, kind, prefecture, hospital }, { staffId: administratorStaffId, displayName: administratorName }, ctx.requestId, ctx.now());
    return { facility: facilityView(result.facility), administrator: linkView(result.administrator, result.enrollment) };
  }

  @Access(...ROLES)
  @Mutation(() => StaffEnrollmentLink, { description: 'Facility administrator: enrolls a staff member of their own facility (RECEPTION, or the licence the facility kind allows: DOCTOR, DENTIST, PHARMACIST) and gets a one-time enrollment link' })
  async enrollStaff(
    @Arg('staffId', () => String) staffId: string,
    @Arg('displayName', () => String) displayName: string,
    @Arg('role', () => RoleEnum) role: Role,
    @Ctx() ctx: ConsentContext,
  ): Promise<StaffEnrollmentLink> {
    const { account, enrollment } = await enrollStaff(ctx.db, actorOf(ctx), { staffId, displayName, role }, ctx.requestId, ctx.now());
    return linkView(account, enrollment);
  }

  @Access(...ROLES)
  @Mutation(() => StaffAccount, { description: 'Facility administrator: disables a staff account of their own facility (its logins and refreshes are refused from now on)' })
  async disableStaff(@Arg('staffId', () => String) staffId: string, @Ctx() ctx: ConsentContext): Promise<StaffAccount> {
    return staffView(await disableStaff(ctx.db, actorOf(ctx), staffId, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Mutation(() => StaffEnrollmentLink, { description: 'Facility administrator: resets the password of a staff member of their own facility: the old password and TOTP secret stop working at once, their refresh tokens are revoked, and a new one-time link enrolls them again (password and TOTP)' })
  async resetStaffPassword(@Arg('staffId', () => String) staffId: string, @Ctx() ctx: ConsentContext): Promise<StaffEnrollmentLink> {
    const { account, enrollment } = await resetStaffPassword(ctx.db, actorOf(ctx), staffId, ctx.requestId, ctx.now());
    return linkView(account, enrollment);
  }

  @Access(...ROLES)
  @Query(() => OnboardedFacility, { description: 'Facility administrator: their own facility' })
  async myFacility(@Ctx() ctx: ConsentContext): Promise<OnboardedFacility> {
    return facilityView(await requireFacilityAdmin(ctx.db, actorOf(ctx), 'VIEW_FACILITY_STAFF', ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Query(() => [StaffAccount], { description: 'Facility administrator: the staff accounts of their own facility' })
  async facilityStaff(@Ctx() ctx: ConsentContext): Promise<StaffAccount[]> {
    const facility = await requireFacilityAdmin(ctx.db, actorOf(ctx), 'VIEW_FACILITY_STAFF', ctx.requestId, ctx.now());
    return (await staffOfFacility(ctx.db, facility.code)).map(staffView);
  }

  @Access(...ROLES)
  @Query(() => [CardReader], { description: 'Facility administrator: the card readers of their own facility' })
  async facilityReaders(@Ctx() ctx: ConsentContext): Promise<CardReader[]> {
    const facility = await requireFacilityAdmin(ctx.db, actorOf(ctx), 'VIEW_FACILITY_STAFF', ctx.requestId, ctx.now());
    return (await readersOf(ctx.db, facility.code)).map(readerView);
  }

  @Access(...ROLES)
  @Query(() => [CardReader], { description: 'Operator (ADMIN): the card readers of a facility, to suspend or retire one (the operator registers them)' })
  async readersOfFacility(@Arg('facilityCode', () => String) facilityCode: string, @Ctx() ctx: ConsentContext): Promise<CardReader[]> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_FACILITIES', facilityCode, ctx.requestId, ctx.now());
    return (await readersOf(ctx.db, facilityCode)).map(readerView);
  }

  @Access(...ROLES)
  @Query(() => [OnboardedFacility], { description: 'Operator (ADMIN): registered facilities, newest first (the demo facilities included), a page at a time: `first` from `offset`, optionally only those whose name contains `search` or whose code starts with it, and only one prefecture' })
  async onboardedFacilities(
    @Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Facilities skipped (0: the first page)' }) offset: number,
    @Arg('search', () => String, { nullable: true, description: 'Part of the name, or the start of the 医療機関コード (at most 100 characters)' }) search: string | null,
    @Arg('prefecture', () => String, { nullable: true, description: 'Only this prefecture (01–47)' }) prefecture: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<OnboardedFacility[]> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_FACILITIES', null, ctx.requestId, ctx.now());
    if (first < 1 || first > PAGE_MAX) throw new BadUserInputError(`first must be between 1 and ${PAGE_MAX}`, { field: 'first' });
    if (offset < 0) throw new BadUserInputError('offset must be 0 or more', { field: 'offset' });
    return (await facilityDirectory(ctx.db, { search, prefecture }, first, offset)).map(facilityView);
  }

  @Access(...ROLES)
  @Query(() => Int, { description: 'Operator (ADMIN): how many registered facilities onboardedFacilities would page through with the same search and prefecture' })
  async onboardedFacilityCount(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('prefecture', () => String, { nullable: true }) prefecture: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<number> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_FACILITIES', null, ctx.requestId, ctx.now());
    return facilityCount(ctx.db, { search, prefecture });
  }

  @Access(...ROLES)
  @Query(() => OnboardedFacility, { description: 'Operator (ADMIN): one registered facility by its code; NOT_FOUND if it is not registered' })
  async onboardedFacility(@Arg('code', () => String) code: string, @Ctx() ctx: ConsentContext): Promise<OnboardedFacility> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_FACILITIES', code, ctx.requestId, ctx.now());
    return facilityView(await facilityByCode(ctx.db, code));
  }

  @Access(...ROLES)
  @Query(() => [AdminChange], { description: 'Operator (ADMIN): the admin actions concerning a facility, newest first, with before and after' })
  async adminChanges(@Arg('facilityCode', () => String) facilityCode: string, @Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number, @Ctx() ctx: ConsentContext): Promise<AdminChange[]> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_FACILITIES', facilityCode, ctx.requestId, ctx.now());
    if (first < 1 || first > PAGE_MAX) throw new BadUserInputError(`first must be between 1 and ${PAGE_MAX}`);
    const rows = await adminChangesOfFacility(ctx.db, facilityCode, first);
    return rows.map(adminChangeView);
  }

  @Mutation(() => TotpEnrollment, { description: 'Enrollment, step 1 (no token: the one-time link is the proof): choose a password (12+ characters) and get the TOTP secret as an otpauth URI, shown once' })
  async startStaffEnrollment(@Arg('enrollmentToken', () => String) enrollmentToken: string, @Arg('password', () => String) password: string, @Ctx() ctx: ConsentContext): Promise<TotpEnrollment> {
    return startEnrollment(ctx.db, ctx.secrets, enrollmentToken, password, ctx.now());
  }

  @Mutation(() => StaffAccount, { description: 'Enrollment, step 2: a first code from the authenticator confirms the TOTP secret; only then can the account log in. The link is used up' })
  async confirmStaffEnrollment(@Arg('enrollmentToken', () => String) enrollmentToken: string, @Arg('totp', () => String) totp: string, @Ctx() ctx: ConsentContext): Promise<StaffAccount> {
    return staffView(await confirmEnrollment(ctx.db, ctx.secrets, enrollmentToken, totp, ctx.now()));
  }
}
