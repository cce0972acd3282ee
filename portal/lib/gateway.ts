/**
 * The portal's only way to data: the gateway, called from the server with the user's own token
 * (GATEWAY_URL; the browser never talks to the gateway). One urql client per call, so no user's
 * results can ever sit in a cache another request reads.
 */
import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { headers } from 'next/headers';
import type { ErrorCode } from '@onshi/platform/errors';

/** How the gateway recognises the portal: it then accepts only the operations registered at build time. */
export const PORTAL_CLIENT_NAME = 'onshi-portal';

export function gatewayUrl(): string {
  return process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
}

/** The codes a page tells apart (the error catalogue's, docs/api-guide.md "Errors"); any other code reads as INTERNAL_SERVER_ERROR. */
const PAGE_CODES = [
  'UNAUTHENTICATED', 'FORBIDDEN', 'CONSENT_REQUIRED', 'NOT_FOUND', 'BAD_USER_INPUT', 'CARD_LOCKED', 'CARD_NOT_USABLE',
  'LOGIN_THROTTLED', 'TOTP_REUSED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR',
] as const satisfies readonly ErrorCode[];

export type GatewayErrorCode =
  | (typeof PAGE_CODES)[number]
  /** The gateway does not know a field yet (an API still being built): the page shows "準備中". */
  | 'NOT_READY';

export interface GatewayFailure {
  ok: false;
  code: GatewayErrorCode;
  message: string;
  extensions: Record<string, unknown>;
}
export type GatewayResult<T> = { ok: true; data: T } | GatewayFailure;

const KNOWN_CODES = new Set<string>(PAGE_CODES);

/**
 * The browser's address as the portal's server saw it (Next.js sets X-Forwarded-For from the socket, or a
 * reverse proxy in front appends it: the last entry is the hop we trust). The gateway trusts this header
 * from a peer on the same machine only, and consent throttles failed staff logins per address — without it
 * every portal user would share the portal's one address.
 */
async function browserAddress(): Promise<string | undefined> {
  try {
    return (await headers()).get('x-forwarded-for')?.split(',').pop()?.trim() || undefined;
  } catch {
    return undefined; // outside a request (build time)
  }
}

function client(token: string | undefined, address: string | undefined): Client {
  return new Client({
    url: gatewayUrl(),
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    // POST with a JSON body: the gateway's CSRF guard refuses simple GETs, and variables stay out of URLs and logs.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({
      headers: { 'apollographql-client-name': PORTAL_CLIENT_NAME, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(address ? { 'x-forwarded-for': address } : {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    }),
  });
}

function failure(error: { graphQLErrors: ReadonlyArray<{ message: string; extensions: Record<string, unknown> }>; networkError?: Error; response?: { status?: number } }): GatewayFailure {
  const first = error.graphQLErrors[0];
  if (first) {
    const raw = first.extensions.code;
    const code: GatewayErrorCode = raw === 'GRAPHQL_VALIDATION_FAILED' ? 'NOT_READY'
      : typeof raw === 'string' && KNOWN_CODES.has(raw) ? (raw as GatewayErrorCode) : 'INTERNAL_SERVER_ERROR';
    return { ok: false, code, message: first.message, extensions: first.extensions };
  }
  if (error.response?.status === 401) return { ok: false, code: 'UNAUTHENTICATED', message: 'unauthenticated', extensions: {} };
  return { ok: false, code: 'SERVICE_UNAVAILABLE', message: error.networkError?.message ?? 'gateway unavailable', extensions: {} };
}

export async function gatewayQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>, variables: Variables, token?: string,
): Promise<GatewayResult<Data>> {
  const result = await client(token, await browserAddress()).query(document, variables).toPromise();
  if (result.error) return failure(result.error);
  if (!result.data) return { ok: false, code: 'INTERNAL_SERVER_ERROR', message: 'empty response', extensions: {} };
  return { ok: true, data: result.data };
}

export async function gatewayMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>, variables: Variables, token?: string,
): Promise<GatewayResult<Data>> {
  const result = await client(token, await browserAddress()).mutation(document, variables).toPromise();
  if (result.error) return failure(result.error);
  if (!result.data) return { ok: false, code: 'INTERNAL_SERVER_ERROR', message: 'empty response', extensions: {} };
  return { ok: true, data: result.data };
}
