/** Any ASCII control character (browsers drop TAB, CR and LF from URLs, so `/\t/evil` becomes `//evil`) or a backslash (read as `/`). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this check
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/u;
const BASE = 'http://portal.invalid';

/**
 * The one check for every return target (`next` after login, `returnTo` of the language switch): only a
 * same-origin relative path is accepted — starting with a single `/`, without control characters or
 * backslashes, and still on this origin when a browser resolves it — otherwise `fallback` (no open
 * redirect: `//evil`, `/\t/evil`, `/\\evil`, `https://evil`, `javascript:` all fall back).
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2048) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE_CHARACTERS.test(value)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== BASE) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
