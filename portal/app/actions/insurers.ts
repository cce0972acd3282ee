'use server';
import { gatewayMutation } from '@/lib/gateway';
import { refusal, text, token } from '@/lib/adminForms';
import type { InsurerKind } from '@/lib/graphql/generated/graphql';
import { RegisterInsurerMutation } from '@/lib/graphql/insurers';
import type { EnrollmentLinkState } from './onboarding';

/**
 * Registers an insurer and its first operator account from the operator console (docs/operations.md "Registering an
 * insurer"). The rules are consent's (services/operator/insurers.ts); the one-time link comes back in the action's state only.
 */
export async function registerInsurerAction(_previous: EnrollmentLinkState, formData: FormData): Promise<EnrollmentLinkState> {
  // The API's InsurerKind enum refuses any other word (BAD_USER_INPUT), so the form's value is passed on as it is.
  const kind = text(formData, 'kind') as InsurerKind | '';
  const prefecture = text(formData, 'prefecture');
  const result = await gatewayMutation(RegisterInsurerMutation, {
    number: text(formData, 'number'), name: text(formData, 'name'), kind: kind === '' ? null : kind, prefecture: prefecture === '' ? null : prefecture,
    administratorStaffId: text(formData, 'administratorStaffId'), administratorName: text(formData, 'administratorName'),
  }, await token('/operator/insurers'));
  if (!result.ok) return refusal(result);
  const { insurer, administrator } = result.data.registerInsurer;
  return {
    status: 'done', name: insurer.name, code: insurer.number, staffName: administrator.staff.displayName,
    enrollmentPath: `/staff/enroll?token=${encodeURIComponent(administrator.enrollmentToken)}`, expiresAt: administrator.expiresAt,
  };
}
