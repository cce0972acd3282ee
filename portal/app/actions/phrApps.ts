'use server';
import { redirect } from 'next/navigation';
import { refusal, text, token, type FormRefusal } from '@/lib/adminForms';
import { gatewayMutation } from '@/lib/gateway';
import type { DataCategory } from '@/lib/graphql/generated/graphql';
import { DisablePhrAppMutation, RegisterPhrAppMutation, RotatePhrAppSecretMutation } from '@/lib/graphql/phrApps';

/**
 * PHR apps from the operator console (docs/operations.md "PHR apps"). The client secret comes back in the action's
 * state only, never in an address, so it is shown once and stays out of history and logs.
 */
const PAGE = '/operator/phr-apps';

/** What the operator typed, given back with a refusal so the form keeps it (React resets a form after its action). */
export interface PhrAppFormValues { clientId: string; displayName: string; operatorName: string; scopes: DataCategory[] }

export type ClientSecretState =
  | { status: 'idle' }
  | (FormRefusal & { values?: PhrAppFormValues })
  | { status: 'done'; clientId: string; displayName: string; clientSecret: string; rotated: boolean };

export async function registerPhrAppAction(_previous: ClientSecretState, formData: FormData): Promise<ClientSecretState> {
  const values: PhrAppFormValues = { clientId: text(formData, 'clientId'), displayName: text(formData, 'displayName'), operatorName: text(formData, 'operatorName'), scopes: formData.getAll('scopes').map(String) as DataCategory[] };
  const result = await gatewayMutation(RegisterPhrAppMutation, { ...values, clientId: values.clientId || null }, await token(PAGE));
  if (!result.ok) return { ...refusal(result), values };
  const { app, clientSecret } = result.data.registerPhrApp;
  return { status: 'done', clientId: app.clientId, displayName: app.displayName, clientSecret, rotated: false };
}

export async function rotatePhrAppSecretAction(_previous: ClientSecretState, formData: FormData): Promise<ClientSecretState> {
  const result = await gatewayMutation(RotatePhrAppSecretMutation, { clientId: text(formData, 'clientId') }, await token(PAGE));
  if (!result.ok) return refusal(result);
  const { app, clientSecret } = result.data.rotatePhrAppSecret;
  return { status: 'done', clientId: app.clientId, displayName: app.displayName, clientSecret, rotated: true };
}

export async function disablePhrAppAction(formData: FormData): Promise<void> {
  const result = await gatewayMutation(DisablePhrAppMutation, { clientId: text(formData, 'clientId') }, await token(PAGE));
  if (!result.ok) redirect(`${PAGE}?error=${encodeURIComponent(refusal(result).code)}`);
  redirect(`${PAGE}?done=disabled`);
}
