/**
 * Taking a facility into use (first slice; docs/operations.md "Taking a new facility into use"): the
 * operator registers the facility and its administrator, and the facility's card readers; the facility
 * administrator enrolls and disables the facility's own staff. Staff finish their enrollment themselves with a
 * one-time link: a password, then a TOTP secret shown once as an otpauth URI, confirmed by a first code before the
 * account can log in.
 *
 * Who may act is decided here, not only by the `@access` directive, so that every refusal is written to the access
 * log like every allowed action (the team's standard). Every action's entry is chained in the access log under the
 * facility it concerns (`facility:<code>`, kit ownerLogId) in the same transaction as the change, and names the
 * before/after row in admin_changes as its basis: if the log cannot be written, nothing changes (fail closed).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import { bilingual, BadUserInputError, ForbiddenError, NotFoundError, OnshiError, STAFF_ROLES, facilityKindOfCode, isPrefectureCode, isValidFacilityCode, ownerLogId, type Actor, type Db, type FacilityKind } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { accountByName, accountOfSubjectAtFacility, clearAccountCredentials, insertAccountIfNew, setAccountDisabledAt, setAccountPasswordHash, setAccountTotp, staffAccount, staffAccountsOfFacility, type AccountRow } from '../../store/accounts';
import { insertAdminChange } from '../../store/adminChanges';
import { cardReaderById } from '../../store/cardReaders';
import { endOpenEnrollments, enrollmentByTokenHash, insertEnrollment, setPendingTotpSecret, useEnrollment } from '../../store/enrollments';
import { facilitiesCounted, facilitiesPage, facilityRow, insertFacilityIfNew, isFacilityRegistered, type FacilityRow, type FacilitySearch } from '../../store/facilities';
import { insertHospital } from '../../store/hospitals';
import { revokeRefreshTokensOfSubject } from '../../store/refreshTokens';
import { appendAccessLog, type LoggedActor, type Transaction } from '../policy/decisionPoint';
import { parseReaderPublicKey, registerReader, setReaderStatus, type ReaderRow } from '../identity/readers';
import type { SecretBox } from '../identity/secretBox';
import { PASSWORD_MAX_LENGTH, checkTotp, hashPassword, totpUri } from '../identity/staffAuth';

/** The admin actions that change something: each is recorded in admin_changes with before and after (AdminChange.action). */
export const CHANGE_ACTIONS = [
  'REGISTER_FACILITY', 'REGISTER_READER', 'SET_READER_STATUS', 'ENROLL_STAFF', 'DISABLE_STAFF', 'RESET_STAFF_PASSWORD',
  'APPLY_SUBSIDY', 'REVIEW_SUBSIDY', 'PAY_SUBSIDY',
  'REGISTER_PHR_APP', 'ROTATE_PHR_APP_SECRET', 'DISABLE_PHR_APP',
  'REGISTER_INSURER',
  'DEMO_SUSPEND_CARD', 'DEMO_EXPIRE_CARD',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
/** Every admin action, the reads included: a refusal of any of them is logged as `<action>:<reason>`. */
export const ADMIN_ACTIONS = [
  ...CHANGE_ACTIONS,
  'VIEW_FACILITY_STAFF', 'VIEW_FACILITIES', 'VIEW_SUBSIDY', 'VIEW_ROLLOUT', 'VIEW_PHR_APPS', 'VIEW_INSURERS', 'VIEW_DEMO_CARD',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];
/** The access-log category of admin actions (auditChain.ts LoggedCategory). */
export const ADMINISTRATION = 'ADMINISTRATION';

/** How long an enrollment link can be used (handed over in person or by the facility's own channel). */
export const ENROLLMENT_LIFETIME_MS = 72 * 60 * 60 * 1000;
/** NIST SP 800-63B 5.1.1.2: at least 8 characters for a chosen secret; the upper bound is staffAuth's. */
export const PASSWORD_MIN_LENGTH = 12;

/** Licences a facility administrator may enroll, per facility kind (docs/domain.md "Who takes part": 医師, 歯科医師, 薬剤師; 事務 everywhere). */
const ROLES_OF_KIND: Record<FacilityKind, ReadonlyArray<(typeof STAFF_ROLES)[number]>> = {
  MEDICAL: ['RECEPTION', 'DOCTOR'],
  DENTAL: ['RECEPTION', 'DENTIST'],
  PHARMACY: ['RECEPTION', 'PHARMACIST'],
};

export type { AccountRow, FacilityRow };

export interface AuditRecord {
  action: ChangeAction;
  /** The facility the change concerns; null for what belongs to no facility (a PHR app), logged under `nation`. */
  facilityCode: string | null;
  /** An insurer's registration is logged under the insurer (`insurer:<number>`), not under `nation`. */
  insurerNumber?: string;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function loggedActor(actor: Actor): LoggedActor {
  return { subject: actor.subject, role: actor.role, ...(actor.facilityCode ? { facilityCode: actor.facilityCode } : {}) };
}

/** Writes the before/after and its access-log entry inside the caller's transaction. */
export async function recordChange(tx: Transaction, actor: Actor, record: AuditRecord, requestId: string, now: Date): Promise<void> {
  const change = await insertAdminChange(tx, {
    at: now, actorRole: actor.role, actorSubject: actor.subject, facilityCode: record.facilityCode, action: record.action, target: record.target, before: record.before, after: record.after,
  });
  if (!change) throw new OnshiError('SERVICE_UNAVAILABLE', 'The change could not be recorded');
  await appendAccessLog(tx, loggedActor(actor), [{ patientId: ownerLogId(record.insurerNumber !== undefined ? { insurerNumber: record.insurerNumber } : record.facilityCode === null ? {} : { facilityCode: record.facilityCode }), category: ADMINISTRATION, decision: 'ALLOW', reason: record.action, basisId: change.id, special: false }], requestId, now);
}

/** A refusal of an admin action, logged (fail closed: if it cannot be logged the caller gets SERVICE_UNAVAILABLE, still a refusal). */
export async function refuse(db: Db<Tables>, actor: Actor, action: AdminAction, facilityCode: string | null, code: string, message: string, requestId: string, now: Date): Promise<never> {
  await appendAccessLog(db, loggedActor(actor), [{
    patientId: facilityCode && isValidFacilityCode(facilityCode) ? ownerLogId({ facilityCode }) : ownerLogId({}), category: ADMINISTRATION, decision: 'DENY', reason: `${action}:${code}`, basisId: null, special: false,
  }], requestId, now);
  throw new ForbiddenError(message, { reason: code });
}

/** Operator actions (ADMIN): anyone else is refused and logged. */
export async function requireOperator(db: Db<Tables>, actor: Actor, action: AdminAction, facilityCode: string | null, requestId: string, now: Date): Promise<void> {
  if (actor.role !== 'ADMIN') await refuse(db, actor, action, facilityCode, 'NOT_OPERATOR', bilingual('Only the operator may do this', 'この操作は運用者のみ行えます'), requestId, now);
}

/**
 * A facility administrator acting for their own facility: the flag is read from the account now (never carried in
 * a token), so taking it away or disabling the account takes effect at the next request.
 */
export async function requireFacilityAdmin(db: Db<Tables>, actor: Actor, action: AdminAction, requestId: string, now: Date): Promise<FacilityRow> {
  const facilityCode = actor.facilityCode ?? null;
  const account = facilityCode ? await accountOfSubjectAtFacility(db, actor.subject, facilityCode) : undefined;
  if (!account || !account.facilityAdmin || account.disabledAt !== null || !facilityCode) {
    return refuse(db, actor, action, facilityCode, 'NOT_FACILITY_ADMIN', bilingual('Only the administrator of this facility may do this', 'この操作は施設管理者のみ行えます'), requestId, now);
  }
  const facility = await facilityRow(db, facilityCode);
  if (!facility) return refuse(db, actor, action, facilityCode, 'FACILITY_NOT_REGISTERED', bilingual('This facility is not registered', '施設が登録されていません'), requestId, now);
  return facility;
}

// ---------------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------------

export interface FacilityInput { code: string; name: string; kind: string; prefecture: string; hospital: boolean }
export interface StaffInput { staffId: string; displayName: string; role: string }

/**
 * One validator for a facility: the code's check digit (platform codes.ts, the same as every other subgraph's), and the
 * prefecture and kind given must be those the code itself says (docs/domain.md "Identity without the My Number").
 */
export function validateFacility(input: FacilityInput): FacilityInput & { kind: FacilityKind } {
  if (!isValidFacilityCode(input.code)) throw new BadUserInputError(bilingual('code is not a valid 医療機関コード (10 digits: prefecture, table 1/3/4, district, number, check digit)', '医療機関コードが正しくありません'), { field: 'code' });
  if (!isPrefectureCode(input.prefecture)) throw new BadUserInputError(bilingual('prefecture must be a code 01–47', '都道府県コードが正しくありません'), { field: 'prefecture' });
  if (input.code.slice(0, 2) !== input.prefecture) throw new BadUserInputError(bilingual('The code belongs to another prefecture', '医療機関コードの都道府県が一致しません'), { field: 'prefecture' });
  const kind = facilityKindOfCode(input.code);
  if (input.kind !== kind) throw new BadUserInputError(bilingual(`The code is of a ${kind} facility (table digit ${input.code.charAt(2)}), not ${input.kind}`, '医療機関コードの点数表と種別が一致しません'), { field: 'kind' });
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw new BadUserInputError(bilingual('name must have 1 to 200 characters', '名称を入力してください'), { field: 'name' });
  if (input.hospital && kind === 'PHARMACY') throw new BadUserInputError(bilingual('A pharmacy is not a hospital', '薬局は病院として登録できません'), { field: 'hospital' });
  return { ...input, name, kind };
}

export function validDisplayName(raw: string): string {
  const displayName = raw.trim();
  if (displayName.length === 0 || displayName.length > 100) throw new BadUserInputError(bilingual('displayName must have 1 to 100 characters', '氏名を入力してください'), { field: 'displayName' });
  return displayName;
}

export function validateStaffId(staffId: string): string {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(staffId)) throw new BadUserInputError(bilingual('staffId must be 1 to 32 letters, digits, - or _', '職員IDが正しくありません'), { field: 'staffId' });
  return staffId;
}

function validateStaff(input: StaffInput, kind: FacilityKind): { staffId: string; displayName: string; role: (typeof STAFF_ROLES)[number] } {
  validateStaffId(input.staffId);
  const displayName = validDisplayName(input.displayName);
  const allowed = ROLES_OF_KIND[kind];
  const role = allowed.find((r) => r === input.role);
  if (!role) throw new BadUserInputError(bilingual(`At a ${kind} facility the role is one of ${allowed.join(', ')}`, 'この施設で登録できない職種です'), { field: 'role' });
  return { staffId: input.staffId, displayName, role };
}

// ---------------------------------------------------------------------------------------------------
// Views (what admin_changes keeps: never a secret)
// ---------------------------------------------------------------------------------------------------

export function facilityRecord(row: FacilityRow): Record<string, unknown> {
  return { code: row.code, name: row.name, kind: row.kind, prefecture: row.prefecture, hospital: row.hospital };
}
export function accountRecord(row: Pick<AccountRow, 'staffId' | 'role' | 'displayName' | 'facilityAdmin' | 'disabledAt'>): Record<string, unknown> {
  return { staffId: row.staffId, role: row.role, displayName: row.displayName, facilityAdmin: row.facilityAdmin, disabledAt: row.disabledAt?.toISOString() ?? null };
}
function readerRecord(row: ReaderRow): Record<string, unknown> {
  return { id: row.id, facilityCode: row.facilityCode, status: row.status, label: row.label, publicKeyJwk: row.publicKey };
}

// ---------------------------------------------------------------------------------------------------
// Enrollment links
// ---------------------------------------------------------------------------------------------------

function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface Enrollment { token: string; expiresAt: Date }

export async function newEnrollment(tx: Transaction, account: string, createdBy: string, now: Date): Promise<Enrollment> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ENROLLMENT_LIFETIME_MS);
  await insertEnrollment(tx, { tokenHash: tokenHash(token), account, createdBy, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** A new staff account of a facility: no password and no TOTP until the person completes the enrollment link. */
async function insertStaffAccount(tx: Transaction, facility: FacilityRow, staff: { staffId: string; displayName: string; role: string }, facilityAdmin: boolean): Promise<AccountRow> {
  const subject = `${facility.code}:${staff.staffId}`;
  const row = await insertAccountIfNew(tx, {
    account: subject, role: staff.role, staffId: staff.staffId, subject, displayName: staff.displayName, facilityCode: facility.code, facilityKind: facility.kind, facilityAdmin,
  });
  if (!row) throw new BadUserInputError(bilingual('This staff ID is already used at this facility', 'この職員IDは既に登録されています'), { field: 'staffId', reason: 'DUPLICATE_STAFF_ID' });
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Operator actions
// ---------------------------------------------------------------------------------------------------

export interface RegisteredFacility { facility: FacilityRow; administrator: AccountRow; enrollment: Enrollment }

export async function registerFacility(
  db: Db<Tables>, actor: Actor, input: FacilityInput, administrator: { staffId: string; displayName: string }, requestId: string, now: Date,
): Promise<RegisteredFacility> {
  await requireOperator(db, actor, 'REGISTER_FACILITY', input.code, requestId, now);
  const valid = validateFacility(input);
  // The administrator is a reception (事務) account with the facility-administrator flag: it reads no patient data.
  const admin = validateStaff({ ...administrator, role: 'RECEPTION' }, valid.kind);
  return db.transaction(async (tx) => {
    const facility = await insertFacilityIfNew(tx, {
      code: valid.code, name: valid.name, kind: valid.kind, prefecture: valid.prefecture, hospital: valid.hospital, registeredBy: actor.subject, registeredAt: now,
    });
    if (!facility) throw new BadUserInputError(bilingual('A facility with this code is already registered', 'この医療機関コードは登録済みです'), { field: 'code', reason: 'DUPLICATE_FACILITY' });
    // Hospitals are where emergency access may be opened (docs/domain.md "Emergency access").
    if (facility.hospital) await insertHospital(tx, { facilityCode: facility.code, name: facility.name, registeredBy: actor.subject, registeredAt: now });
    const account = await insertStaffAccount(tx, facility, admin, true);
    const enrollment = await newEnrollment(tx, account.account, actor.subject, now);
    await recordChange(tx, actor, { action: 'REGISTER_FACILITY', facilityCode: facility.code, target: facility.code, before: null, after: { ...facilityRecord(facility), administrator: accountRecord(account) } }, requestId, now);
    return { facility, administrator: account, enrollment };
  });
}

/**
 * The one path that registers a reader for callers (the mutation, and so `pnpm reader:register`, which calls it):
 * the facility must be registered and the key an Ed25519 public key; the demo seed's own readers use registerReader.
 */
export async function registerFacilityReader(db: Db<Tables>, actor: Actor, facilityCode: string, publicKeyJwk: string, label: string | null, requestId: string, now: Date): Promise<ReaderRow> {
  await requireOperator(db, actor, 'REGISTER_READER', facilityCode, requestId, now);
  if (!isValidFacilityCode(facilityCode)) throw new BadUserInputError('facilityCode is not a valid 医療機関コード (10 digits with check digit)', { field: 'facilityCode' });
  parseReaderPublicKey(publicKeyJwk);
  if (!(await isFacilityRegistered(db, facilityCode))) throw new NotFoundError(bilingual('No facility is registered with this code', 'この医療機関コードの施設は登録されていません'));
  return db.transaction(async (tx) => {
    const reader = await registerReader(tx, actor, facilityCode, publicKeyJwk, label, now);
    await recordChange(tx, actor, { action: 'REGISTER_READER', facilityCode, target: reader.id, before: null, after: readerRecord(reader) }, requestId, now);
    return reader;
  });
}

/** Suspends, reactivates or retires a reader; a SUSPENDED or RETIRED reader's challenges and statements are refused (readers.ts activeReader). */
export async function changeReaderStatus(db: Db<Tables>, actor: Actor, readerId: string, status: string, requestId: string, now: Date): Promise<ReaderRow> {
  const current = readerId.length <= 64 ? await cardReaderById(db, readerId) : undefined;
  await requireOperator(db, actor, 'SET_READER_STATUS', current?.facilityCode ?? null, requestId, now);
  if (!current) throw new NotFoundError('No such card reader');
  return db.transaction(async (tx) => {
    const reader = await setReaderStatus(tx, readerId, status, now);
    await recordChange(tx, actor, { action: 'SET_READER_STATUS', facilityCode: reader.facilityCode, target: reader.id, before: readerRecord(current), after: readerRecord(reader) }, requestId, now);
    return reader;
  });
}

// ---------------------------------------------------------------------------------------------------
// Facility administrator actions (own facility only: the facility is the administrator's, never an argument)
// ---------------------------------------------------------------------------------------------------

export async function enrollStaff(db: Db<Tables>, actor: Actor, input: StaffInput, requestId: string, now: Date): Promise<{ account: AccountRow; enrollment: Enrollment }> {
  const facility = await requireFacilityAdmin(db, actor, 'ENROLL_STAFF', requestId, now);
  const staff = validateStaff(input, facility.kind as FacilityKind);
  return db.transaction(async (tx) => {
    const account = await insertStaffAccount(tx, facility, staff, false);
    const enrollment = await newEnrollment(tx, account.account, actor.subject, now);
    await recordChange(tx, actor, { action: 'ENROLL_STAFF', facilityCode: facility.code, target: account.subject, before: null, after: accountRecord(account) }, requestId, now);
    return { account, enrollment };
  });
}

/** Disables a staff account of the administrator's facility: its logins are refused from now on, its open links end. */
export async function disableStaff(db: Db<Tables>, actor: Actor, staffId: string, requestId: string, now: Date): Promise<AccountRow> {
  const facility = await requireFacilityAdmin(db, actor, 'DISABLE_STAFF', requestId, now);
  const current = await staffAccount(db, facility.code, staffId);
  if (!current) throw new NotFoundError(bilingual('No staff member of this facility has this ID', 'この職員IDの職員は登録されていません'));
  if (current.subject === actor.subject) throw new BadUserInputError(bilingual('An administrator cannot disable their own account', '自分自身は無効化できません'), { field: 'staffId' });
  return db.transaction(async (tx) => {
    const row = await setAccountDisabledAt(tx, current.account, current.disabledAt ?? now);
    await endOpenEnrollments(tx, current.account, now);
    const after = row ?? current;
    await recordChange(tx, actor, { action: 'DISABLE_STAFF', facilityCode: facility.code, target: current.subject, before: accountRecord(current), after: accountRecord(after) }, requestId, now);
    return after;
  });
}

/**
 * Password reset (docs/operations.md "Taking a new facility into use", step 5): the staff member's password and TOTP
 * secret are cleared at once, so neither the old password nor the old authenticator logs in again, their refresh
 * tokens are revoked and their open links end; they get a new one-time link and enroll again as the first time
 * (password, then a new TOTP secret confirmed by a first code). An access token already issued lives out its 15 minutes.
 */
export async function resetStaffPassword(db: Db<Tables>, actor: Actor, staffId: string, requestId: string, now: Date): Promise<{ account: AccountRow; enrollment: Enrollment }> {
  const facility = await requireFacilityAdmin(db, actor, 'RESET_STAFF_PASSWORD', requestId, now);
  const current = staffId.length <= 32 ? await staffAccount(db, facility.code, staffId) : undefined;
  if (!current) throw new NotFoundError(bilingual('No staff member of this facility has this ID', 'この職員IDの職員は登録されていません'));
  if (current.subject === actor.subject) throw new BadUserInputError(bilingual('An administrator cannot reset their own password here; ask the operator', '自分自身のパスワードはここでは再設定できません'), { field: 'staffId', reason: 'OWN_ACCOUNT' });
  if (current.disabledAt !== null) throw new BadUserInputError(bilingual('This account is disabled', 'この職員アカウントは無効化されています'), { field: 'staffId', reason: 'STAFF_DISABLED' });
  return db.transaction(async (tx) => {
    const account = await clearAccountCredentials(tx, current.account);
    if (!account) throw new NotFoundError(bilingual('No staff member of this facility has this ID', 'この職員IDの職員は登録されていません'));
    await endOpenEnrollments(tx, current.account, now);
    await revokeRefreshTokensOfSubject(tx, current.subject, now);
    const enrollment = await newEnrollment(tx, account.account, actor.subject, now);
    await recordChange(tx, actor, {
      action: 'RESET_STAFF_PASSWORD', facilityCode: facility.code, target: current.subject,
      before: { ...accountRecord(current), enrolled: current.totpSecret !== null }, after: { ...accountRecord(account), enrolled: false },
    }, requestId, now);
    return { account, enrollment };
  });
}

export async function staffOfFacility(db: Db<Tables>, facilityCode: string): Promise<AccountRow[]> {
  return staffAccountsOfFacility(db, facilityCode);
}

// ---------------------------------------------------------------------------------------------------
// The staff member's own enrollment (no token: the one-time link is the proof)
// ---------------------------------------------------------------------------------------------------

const ENROLLMENT_UNUSABLE = bilingual('This enrollment link is unknown, expired or already used; ask your facility administrator for a new one', '登録用リンクが無効です。施設管理者に再発行を依頼してください');

async function openEnrollment(db: Db<Tables>, token: string, now: Date) {
  const row = token.length > 0 && token.length <= 128 ? await enrollmentByTokenHash(db, tokenHash(token)) : undefined;
  if (!row || row.usedAt !== null || row.expiresAt.getTime() <= now.getTime()) throw new BadUserInputError(ENROLLMENT_UNUSABLE, { field: 'enrollmentToken', reason: 'ENROLLMENT_UNUSABLE' });
  const account = await accountByName(db, row.account);
  if (!account || account.disabledAt !== null) throw new BadUserInputError(ENROLLMENT_UNUSABLE, { field: 'enrollmentToken', reason: 'ENROLLMENT_UNUSABLE' });
  return { row, account };
}

/**
 * Step 1: the person chooses a password and gets a new TOTP secret as an otpauth URI (to be shown once as a QR code).
 * Asking again draws a new secret, so a URI seen over a shoulder is worthless once the person scans theirs.
 */
export async function startEnrollment(db: Db<Tables>, secrets: SecretBox, token: string, password: string, now: Date): Promise<{ otpauthUri: string; staffId: string; facilityCode: string }> {
  const { row, account } = await openEnrollment(db, token, now);
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) throw new BadUserInputError(bilingual(`The password needs ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`, `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください`), { field: 'password' });
  const secret = new Secret({ size: 20 }).base32;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPendingTotpSecret(tx, row.tokenHash, secrets.seal(secret));
    // The password is set now, but login needs the TOTP secret, which the account gets only at confirmation.
    await setAccountPasswordHash(tx, account.account, passwordHash);
  });
  return { otpauthUri: totpUri(secret, `${account.facilityCode ?? account.insurerNumber ?? ''}:${account.staffId ?? ''}`), staffId: account.staffId ?? '', facilityCode: account.facilityCode ?? '' };
}

/** Step 2: a first code from the authenticator proves the secret was taken over; only then can the account log in. */
export async function confirmEnrollment(db: Db<Tables>, secrets: SecretBox, token: string, code: string, now: Date): Promise<AccountRow> {
  const { row, account } = await openEnrollment(db, token, now);
  if (!row.pendingTotpSecret) throw new BadUserInputError(bilingual('Choose a password first', '先にパスワードを設定してください'), { field: 'enrollmentToken', reason: 'ENROLLMENT_NOT_STARTED' });
  const check = checkTotp(secrets.open(row.pendingTotpSecret), code, now);
  if (check.result !== 'OK') throw new BadUserInputError(bilingual('The code does not match; check the time on your phone and try again', '確認コードが一致しません'), { field: 'totp', reason: 'TOTP_WRONG' });
  return db.transaction(async (tx) => {
    if (!(await useEnrollment(tx, row.tokenHash, now))) throw new BadUserInputError(ENROLLMENT_UNUSABLE, { field: 'enrollmentToken', reason: 'ENROLLMENT_UNUSABLE' });
    // The confirming code's step counts as used: it cannot also log in.
    const updated = await setAccountTotp(tx, account.account, row.pendingTotpSecret, check.step);
    return updated ?? account;
  });
}

// ---------------------------------------------------------------------------------------------------
// The operator's facility directory
// ---------------------------------------------------------------------------------------------------

export const FACILITY_SEARCH_MAX = 100;
export interface FacilityFilter { search?: string | null; prefecture?: string | null }

/**
 * The facilities a search names, checked here and matched in store/facilities.ts: part of the name (case-insensitive,
 * full-width letters and digits as half-width) or the start of the 医療機関コード, and optionally one prefecture
 * (01–47). No filter: every facility.
 */
function facilitySearch(filter: FacilityFilter): FacilitySearch {
  const search = (filter.search ?? '').normalize('NFKC').trim();
  if (search.length > FACILITY_SEARCH_MAX) throw new BadUserInputError(bilingual(`search has at most ${FACILITY_SEARCH_MAX} characters`, '検索語が長すぎます'), { field: 'search' });
  const prefecture = filter.prefecture ?? null;
  if (prefecture !== null && !isPrefectureCode(prefecture)) throw new BadUserInputError(bilingual('prefecture must be a code 01–47', '都道府県コードが正しくありません'), { field: 'prefecture' });
  return { search, prefecture };
}

/** One page of the directory, newest registration first (then by code, so pages never overlap). */
export async function facilityDirectory(db: Db<Tables>, filter: FacilityFilter, first: number, offset: number): Promise<FacilityRow[]> {
  return facilitiesPage(db, facilitySearch(filter), first, offset);
}

export async function facilityCount(db: Db<Tables>, filter: FacilityFilter): Promise<number> {
  return facilitiesCounted(db, facilitySearch(filter));
}

export async function facilityByCode(db: Db<Tables>, code: string): Promise<FacilityRow> {
  const row = code.length <= 10 ? await facilityRow(db, code) : undefined;
  if (!row) throw new NotFoundError(bilingual('This facility is not registered', '施設が登録されていません'));
  return row;
}
