/**
 * One error catalogue (errorCatalogue.ts): OnshiError takes only the catalogue's codes (a type error otherwise), and
 * this test reads every source file of the services and the portal for the other ways a code is written — an
 * `extensions` object, a plain-HTTP error answer — so a code sent by hand cannot bypass the catalogue either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CATALOGUE, bilingual, errorMessage, isClientSafeCode, isErrorCode } from './errorCatalogue';

const ROOT = path.join(__dirname, '..', '..');
const SOURCE_ROOTS = ['platform/src', 'subgraphs', 'gateway/src', 'system/src', 'portal/app', 'portal/components', 'portal/lib'];
const SKIPPED_DIRS = new Set(['node_modules', '.tsbuild', '.next', 'generated', 'drizzle']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Where a code is written in source: a typed error, an `extensions` object or error answer, an HTTP error helper, a page's comparison. */
const CODE_SITES = [
  /\bOnshiError\(\s*'([A-Z_]+)'/g,
  /\bcode: '([A-Z_]+)'/g,
  /\bsendError\([^,]+, \d+, '([A-Z_]+)'/g,
  /\.code === '([A-Z_]+)'/g,
];

/** Codes that look like error codes in those places but name something else: the portal's "field not in the schema yet". */
const NOT_ERROR_CODES = new Set(['NOT_READY']);

function codesWritten(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const root of SOURCE_ROOTS) {
    for (const file of sourceFiles(path.join(ROOT, root))) {
      const text = readFileSync(file, 'utf8');
      for (const site of CODE_SITES) {
        for (const match of text.matchAll(site)) {
          const code = match[1] ?? '';
          found.set(code, [...(found.get(code) ?? []), path.relative(ROOT, file)]);
        }
      }
    }
  }
  return found;
}

test('every error code written in the code base is in the catalogue', () => {
  const written = codesWritten();
  const unknown = [...written].filter(([code]) => !isErrorCode(code) && !NOT_ERROR_CODES.has(code)).map(([code, files]) => `${code} (${files.join(', ')})`);
  expect(unknown).toEqual([]);
  // The scan sees the codes sent by hand as well as the typed errors: were it blind, the check above would pass on nothing.
  for (const code of ['BAD_USER_INPUT', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'UNTRUSTED_DOCUMENT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'CARD_LOCKED']) {
    expect({ code, written: written.has(code) }).toEqual({ code, written: true });
  }
});

test('the scan refuses a code the catalogue does not hold, as the portal once wrote them', () => {
  expect(isErrorCode('UNAVAILABLE')).toBe(false);
  expect(isErrorCode('INTERNAL')).toBe(false);
  expect(isErrorCode('toString')).toBe(false);
  expect(isErrorCode('SERVICE_UNAVAILABLE')).toBe(true);
});

test('each entry has a status, both languages, and only internal codes are masked', () => {
  for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
    expect({ code, status: entry.status >= 200 && entry.status < 600, ja: entry.ja.length > 0, en: entry.en.length > 0 }).toEqual({ code, status: true, ja: true, en: true });
  }
  expect(isClientSafeCode('INTERNAL_SERVER_ERROR')).toBe(false);
  expect(isClientSafeCode('NO_RECORDS')).toBe(false);
  expect(isClientSafeCode('FORBIDDEN')).toBe(true);
  expect(isClientSafeCode('SOMETHING_ELSE')).toBe(false);
  // The API's messages are English, then Japanese (docs/api-guide.md "Errors"); the defaults of the typed errors come from here.
  expect(errorMessage('UNAUTHENTICATED')).toBe('Authentication required / ログインが必要です');
  expect(errorMessage('INTERNAL_SERVER_ERROR')).toBe('Internal server error / システムエラーが発生しました');
});

test('bilingual puts English first and Japanese second, one " / " between, as every message of the API does', () => {
  expect(bilingual('No such archive import', '該当する取込がありません')).toBe('No such archive import / 該当する取込がありません');
  expect(errorMessage('FORBIDDEN')).toBe(bilingual(ERROR_CATALOGUE.FORBIDDEN.en, ERROR_CATALOGUE.FORBIDDEN.ja));
});
