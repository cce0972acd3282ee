'use server';
import { redirect } from 'next/navigation';
import { gatewayMutation, type GatewayFailure } from '@/lib/gateway';
import { ApplyForSubsidyMutation, ApproveSubsidyMutation, MarkSubsidyPaidMutation, RejectSubsidyMutation } from '@/lib/graphql/subsidy';
import { currentSession } from '@/lib/session';

/**
 * The subsidy forms (docs/operations.md "Subsidy (医療情報化支援基金)"): they pass the form on and show the answer's
 * code; every rule and the amount are the consent subgraph's (services/operator/subsidy.ts).
 */
function text(formData: FormData, name: string): string {
  return String(formData.get(name) ?? '').trim();
}
/** A yen amount or count as typed: digits only (commas and spaces allowed); anything else goes to the API as NaN → refused there. */
function whole(formData: FormData, name: string): number {
  const value = text(formData, name).replace(/[,\s]/g, '');
  return value === '' ? 0 : /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
}
async function token(back: string): Promise<string> {
  const session = await currentSession();
  if (!session) redirect(`/staff/login?next=${encodeURIComponent(back)}`);
  return session.token;
}
function refused(back: string, anchor: string, failure: GatewayFailure): never {
  if (failure.code === 'UNAUTHENTICATED') redirect('/staff/login?expired=1');
  const field = typeof failure.extensions.field === 'string' ? `&field=${encodeURIComponent(failure.extensions.field)}` : '';
  redirect(`${back}?subsidyError=${encodeURIComponent(failure.code)}${field}#${anchor}`);
}

export async function applyForSubsidyAction(formData: FormData): Promise<void> {
  const values = {
    systemCost: whole(formData, 'systemCost'), networkCost: whole(formData, 'networkCost'), readerCost: whole(formData, 'readerCost'), otherCost: whole(formData, 'otherCost'),
    readersBought: whole(formData, 'readersBought'), wentLiveOn: text(formData, 'wentLiveOn'), largeChainPharmacy: formData.get('largeChainPharmacy') === 'yes',
  };
  // A number that is not a whole number cannot be sent as an Int: refused here with the API's code for it.
  const bad = Object.entries(values).find(([, value]) => typeof value === 'number' && !Number.isSafeInteger(value));
  if (bad) redirect(`/clinic/admin?subsidyError=BAD_USER_INPUT&field=${bad[0]}#subsidy`);
  const result = await gatewayMutation(ApplyForSubsidyMutation, values, await token('/clinic/admin'));
  if (!result.ok) refused('/clinic/admin', 'subsidy', result);
  redirect('/clinic/admin?done=subsidy#subsidy');
}

export async function reviewSubsidyAction(formData: FormData): Promise<void> {
  const id = text(formData, 'id');
  const decision = text(formData, 'decision');
  const auth = await token('/operator/subsidies');
  const result = decision === 'approve' ? await gatewayMutation(ApproveSubsidyMutation, { id }, auth)
    : decision === 'pay' ? await gatewayMutation(MarkSubsidyPaidMutation, { id }, auth)
    : await gatewayMutation(RejectSubsidyMutation, { id, reason: text(formData, 'reason') }, auth);
  if (!result.ok) refused('/operator/subsidies', 'applications', result);
  redirect('/operator/subsidies?done=1#applications');
}
