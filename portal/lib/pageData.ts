import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { GatewayFailure, GatewayResult } from './gateway';

/**
 * A page's data or its designed failure. An expired or rejected session goes back to the login page with
 * `next=` set to this page, so the user returns to where they were after logging in again.
 */
export async function pageData<T>(result: GatewayResult<T>, loginPath = '/login'): Promise<{ ok: true; data: T } | GatewayFailure> {
  if (!result.ok && result.code === 'UNAUTHENTICATED') {
    const here = (await headers()).get('x-onshi-path') ?? '/';
    redirect(`${loginPath}?expired=1&next=${encodeURIComponent(here)}`);
  }
  return result;
}

export async function currentPath(): Promise<string> {
  return (await headers()).get('x-onshi-path') ?? '/';
}
