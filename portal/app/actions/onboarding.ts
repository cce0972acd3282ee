'use server';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { gatewayMutation, type GatewayFailure } from '@/lib/gateway';
import type { CardReaderStatus, FacilityKind, Role } from '@/lib/graphql/generated/graphql';
import { refusal, text, token, type FormRefusal } from '@/lib/adminForms';
import {
  ConfirmStaffEnrollmentMutation, DisableStaffMutation, EnrollStaffMutation, RegisterCardReaderMutation, RegisterFacilityMutation, ResetStaffPasswordMutation,
  SetCardReaderStatusMutation, StartStaffEnrollmentMutation,
} from '@/lib/graphql/onboarding';

/**
 * Taking a facility into use from the portal (docs/operations.md "Taking a new facility into use"). Every rule —
 * who may act, for which facility, what input is valid — is the consent subgraph's (services/operator/onboarding.ts): these
 * actions pass the form on and show the answer's code. A one-time enrollment link comes back in the action's state,
 * never in an address, so it is shown once and stays out of history and logs.
 */
export type EnrollmentLinkState =
  | { status: 'idle' }
  | FormRefusal
  | { status: 'done'; name: string; code: string; staffName: string; enrollmentPath: string; expiresAt: string };

/** The portal's own enrollment page for a one-time token (the person opens it on this portal). */
function enrollmentPath(enrollmentToken: string): string {
  return `/staff/enroll?token=${encodeURIComponent(enrollmentToken)}`;
}

export async function registerFacilityAction(_previous: EnrollmentLinkState, formData: FormData): Promise<EnrollmentLinkState> {
  const result = await gatewayMutation(RegisterFacilityMutation, {
    // The API's FacilityKind enum refuses any other word (BAD_USER_INPUT), so the form's value is passed on as it is.
    code: text(formData, 'code'), name: text(formData, 'name'), kind: text(formData, 'kind') as FacilityKind, prefecture: text(formData, 'prefecture'),
    hospital: formData.get('hospital') === 'yes', administratorStaffId: text(formData, 'administratorStaffId'), administratorName: text(formData, 'administratorName'),
  }, await token('/operator/facilities'));
  if (!result.ok) return refusal(result);
  const { facility, administrator } = result.data.registerFacility;
  return { status: 'done', name: facility.name, code: facility.code, staffName: administrator.staff.displayName, enrollmentPath: enrollmentPath(administrator.enrollmentToken), expiresAt: administrator.expiresAt };
}

export async function enrollStaffAction(_previous: EnrollmentLinkState, formData: FormData): Promise<EnrollmentLinkState> {
  const result = await gatewayMutation(EnrollStaffMutation, {
    // The API's Role enum refuses any other word (BAD_USER_INPUT), so the form's value is passed on as it is.
    staffId: text(formData, 'staffId'), displayName: text(formData, 'displayName'), role: text(formData, 'role') as Role,
  }, await token('/clinic/admin'));
  if (!result.ok) return refusal(result);
  const link = result.data.enrollStaff;
  return { status: 'done', name: link.staff.displayName, code: link.staff.staffId, staffName: link.staff.displayName, enrollmentPath: enrollmentPath(link.enrollmentToken), expiresAt: link.expiresAt };
}

/** A password reset: the old password and authenticator stop at once; the person enrolls again with the new link. */
export async function resetStaffPasswordAction(_previous: EnrollmentLinkState, formData: FormData): Promise<EnrollmentLinkState> {
  const result = await gatewayMutation(ResetStaffPasswordMutation, { staffId: text(formData, 'staffId') }, await token('/clinic/admin'));
  if (!result.ok) return refusal(result);
  const link = result.data.resetStaffPassword;
  return { status: 'done', name: link.staff.displayName, code: link.staff.staffId, staffName: link.staff.displayName, enrollmentPath: enrollmentPath(link.enrollmentToken), expiresAt: link.expiresAt };
}

function facilityPage(facilityCode: string): string {
  return `/operator/facilities/${encodeURIComponent(facilityCode)}`;
}

export async function registerReaderAction(formData: FormData): Promise<void> {
  const facilityCode = text(formData, 'facilityCode');
  const label = text(formData, 'label');
  const result = await gatewayMutation(RegisterCardReaderMutation, { facilityCode, publicKeyJwk: text(formData, 'publicKeyJwk'), label: label || null }, await token(facilityPage(facilityCode)));
  if (!result.ok) {
    const { field } = refusal(result);
    redirect(`${facilityPage(facilityCode)}?error=${encodeURIComponent(result.code)}${field ? `&field=${encodeURIComponent(field)}` : ''}#readers`);
  }
  redirect(`${facilityPage(facilityCode)}?done=reader#readers`);
}

export async function setReaderStatusAction(formData: FormData): Promise<void> {
  const facilityCode = text(formData, 'facilityCode');
  // The API's CardReaderStatus enum refuses any other word (BAD_USER_INPUT), so the form's value is passed on as it is.
  const result = await gatewayMutation(SetCardReaderStatusMutation, { readerId: text(formData, 'readerId'), status: text(formData, 'status') as CardReaderStatus }, await token(facilityPage(facilityCode)));
  if (!result.ok) redirect(`${facilityPage(facilityCode)}?error=${encodeURIComponent(refusal(result).code)}#readers`);
  redirect(`${facilityPage(facilityCode)}?done=reader#readers`);
}

export async function disableStaffAction(formData: FormData): Promise<void> {
  const result = await gatewayMutation(DisableStaffMutation, { staffId: text(formData, 'staffId') }, await token('/clinic/admin'));
  if (!result.ok) redirect(`/clinic/admin?error=${encodeURIComponent(refusal(result).code)}#staff`);
  redirect('/clinic/admin?done=disabled#staff');
}

export type EnrollmentState =
  | { status: 'idle' }
  | { status: 'error'; step: 'password' | 'code'; reason: 'UNUSABLE' | 'PASSWORD' | 'WRONG_CODE' | 'SERVICE_UNAVAILABLE'; qrSvg?: string; otpauthUri?: string }
  | { status: 'scan'; qrSvg: string; otpauthUri: string }
  | { status: 'done'; staffId: string; facilityCode: string };

function enrollmentRefusal(failure: GatewayFailure): 'UNUSABLE' | 'PASSWORD' | 'WRONG_CODE' | 'SERVICE_UNAVAILABLE' {
  if (failure.code === 'SERVICE_UNAVAILABLE' || failure.code === 'INTERNAL_SERVER_ERROR' || failure.code === 'NOT_READY' || failure.code === 'RATE_LIMITED') return 'SERVICE_UNAVAILABLE';
  if (failure.extensions.field === 'password') return 'PASSWORD';
  if (failure.extensions.reason === 'TOTP_WRONG' || failure.code === 'TOTP_REUSED') return 'WRONG_CODE';
  return 'UNUSABLE';
}

/**
 * The one-time link, step 1: the password; the answer's otpauth URI is drawn as a QR code here on the server (qrcode,
 * SVG) and shown once. Asking again draws a new secret (docs/operations.md step 3), so a reload shows no old one.
 */
export async function startEnrollmentAction(previous: EnrollmentState, formData: FormData): Promise<EnrollmentState> {
  const enrollmentToken = text(formData, 'token');
  if (formData.get('step') === 'code' && (previous.status === 'scan' || (previous.status === 'error' && previous.qrSvg))) {
    const shown = previous.status === 'scan' ? previous : { qrSvg: previous.qrSvg ?? '', otpauthUri: previous.otpauthUri ?? '' };
    const confirmed = await gatewayMutation(ConfirmStaffEnrollmentMutation, { enrollmentToken, totp: text(formData, 'totp') });
    if (!confirmed.ok) return { status: 'error', step: 'code', reason: enrollmentRefusal(confirmed), qrSvg: shown.qrSvg, otpauthUri: shown.otpauthUri };
    return { status: 'done', staffId: confirmed.data.confirmStaffEnrollment.staffId, facilityCode: confirmed.data.confirmStaffEnrollment.facilityCode };
  }
  const started = await gatewayMutation(StartStaffEnrollmentMutation, { enrollmentToken, password: String(formData.get('password') ?? '') });
  if (!started.ok) return { status: 'error', step: 'password', reason: enrollmentRefusal(started) };
  const { otpauthUri } = started.data.startStaffEnrollment;
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { status: 'scan', qrSvg, otpauthUri };
}
