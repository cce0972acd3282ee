import type { GatewayFailure } from './gateway';
import { currentSession } from './session';

/**
 * The shared front of the year files (`/expenses/csv`, `/expenses/etax`): a calendar year from `?year=`, the
 * session's own token (never another person's data: the gateway answers for the token's holder), and the HTTP
 * status for a gateway failure. The route builds the file.
 */
export async function serveYearFile(request: Request, build: (year: number, token: string) => Promise<Response>): Promise<Response> {
  const year = Number(new URL(request.url).searchParams.get('year'));
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return new Response('year must be a calendar year', { status: 400 });
  const session = await currentSession();
  if (!session) return new Response('login required', { status: 401 });
  return build(year, session.token);
}

/** The status a year file answers when the gateway could not give the data. */
export function unavailable(failure: Pick<GatewayFailure, 'code'>): Response {
  return new Response('medical expenses unavailable', { status: failure.code === 'UNAUTHENTICATED' ? 401 : failure.code === 'FORBIDDEN' ? 403 : 502 });
}
