import { redirect } from 'next/navigation';
import type { GatewayFailure } from './gateway';
import { currentSession } from './session';

/**
 * What the operator's and the facility administrator's form actions share (app/actions/onboarding.ts, phrApps.ts):
 * every rule is the API's, so a form passes its fields on and shows the code of a refusal.
 */
export function text(formData: FormData, name: string): string {
  return String(formData.get(name) ?? '').trim();
}

/** The staff session's token, or off to the staff login (coming back to `back`). */
export async function token(back: string): Promise<string> {
  const session = await currentSession();
  if (!session) redirect(`/staff/login?next=${encodeURIComponent(back)}`);
  return session.token;
}

/** What a refused form shows: the code, and the field or reason the API named (BAD_USER_INPUT). */
export interface FormRefusal { status: 'error'; code: string; field?: string; reason?: string }

export function refusal(failure: GatewayFailure): FormRefusal {
  if (failure.code === 'UNAUTHENTICATED') redirect('/staff/login?expired=1');
  const { field, reason } = failure.extensions;
  return { status: 'error', code: failure.code, ...(typeof field === 'string' ? { field } : {}), ...(typeof reason === 'string' ? { reason } : {}) };
}
