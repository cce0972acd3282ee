/**
 * Runs before every page: passes the current path to the layout (for "return here" links), and sends a
 * visitor without a live session to the right login page with `next=` so that, after logging in again,
 * they land on the page they were on (an expired session never loses the page). It also sets the
 * Content-Security-Policy with a fresh nonce (Next.js puts it on its own scripts) and, over TLS, HSTS.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { ACCESS_COOKIE, REFRESH_COOKIE, isExpired, readClaims } from '@/lib/session';
import { refreshTokens } from '@/lib/refresh';

const PATIENT_PAGES = ['/', '/drugs', '/checkups', '/expenses', '/access', '/phr'];
const STAFF_PAGES = ['/clinic', '/reader', '/operator'];

function loginPathFor(pathname: string): string | undefined {
  if (PATIENT_PAGES.some((page) => pathname === page || (page !== '/' && pathname.startsWith(`${page}/`)))) return '/login';
  if (STAFF_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return '/staff/login';
  return undefined;
}

/**
 * Scripts only from this origin with this response's nonce (Next.js reads it from the request's CSP header
 * and puts it on its inline bootstrap scripts), nothing framed, forms only to this origin.
 * Inline style attributes stay allowed: the charts set widths and colours with them.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function isTls(request: NextRequest): boolean {
  return request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
}

export async function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(btoa(crypto.randomUUID()));
  const response = await route(request, csp);
  response.headers.set('content-security-policy', csp);
  if (isTls(request)) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  return response;
}

async function route(request: NextRequest, csp: string) {
  const { pathname, search } = request.nextUrl;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-onshi-path', `${pathname}${search}`);
  requestHeaders.set('content-security-policy', csp);
  const loginPath = loginPathFor(pathname);
  if (loginPath) {
    const token = request.cookies.get(ACCESS_COOKIE)?.value;
    const claims = token ? readClaims(token) : undefined;
    if (!claims || isExpired(claims)) {
      const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
      const refreshed = refreshToken ? await refreshTokens(refreshToken) : undefined;
      if (refreshed) {
        // Hand the fresh token to this render too, then store it for the next requests.
        const cookieHeader = request.cookies.getAll()
          .filter((cookie) => cookie.name !== ACCESS_COOKIE && cookie.name !== REFRESH_COOKIE)
          .map((cookie) => `${cookie.name}=${cookie.value}`)
          .concat(`${ACCESS_COOKIE}=${refreshed.accessToken}`, `${REFRESH_COOKIE}=${refreshed.refreshToken}`)
          .join('; ');
        requestHeaders.set('cookie', cookieHeader);
        const response = NextResponse.next({ request: { headers: requestHeaders } });
        const secure = isTls(request);
        response.cookies.set(ACCESS_COOKIE, refreshed.accessToken, { httpOnly: true, sameSite: 'strict', path: '/', secure, expires: new Date(refreshed.expiresAt) });
        response.cookies.set(REFRESH_COOKIE, refreshed.refreshToken, { httpOnly: true, sameSite: 'strict', path: '/', secure, maxAge: 12 * 60 * 60 });
        return response;
      }
      const login = new URL(loginPath, request.url);
      login.searchParams.set('next', `${pathname}${search}`);
      if (token || refreshToken) login.searchParams.set('expired', '1');
      return NextResponse.redirect(login);
    }
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: ['/((?!_next/|favicon.ico|.*\\.(?:png|svg|woff2?|css|js)$).*)'],
};
