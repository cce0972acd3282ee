'use server';
import { redirect } from 'next/navigation';
import { gatewayMutation } from '@/lib/gateway';
import { refusal, text, token } from '@/lib/adminForms';
import { SetDemoCardStatusMutation } from '@/lib/graphql/cards';

/**
 * Demo only: suspends or expires a demo card from the operator console (docs/operations.md "Demo: card lifecycle");
 * the rules are consent's (services/demoCards.ts). Back to the card's page with the outcome in the address.
 */
export async function setDemoCardStatusAction(formData: FormData): Promise<void> {
  const cardSerial = text(formData, 'cardSerial');
  const action = text(formData, 'action');
  const result = await gatewayMutation(SetDemoCardStatusMutation, { cardSerial, action }, await token('/operator/cards'));
  const back = new URLSearchParams({ cardSerial });
  if (result.ok) back.set('done', action);
  else back.set('error', refusal(result).code);
  redirect(`/operator/cards?${back.toString()}`);
}
