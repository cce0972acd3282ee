/**
 * The portal's own defences, driven in Chromium against the production build and the real
 * system: `next` and `returnTo` accept only same-origin relative paths (the `/\t/evil` open redirect), a
 * Content-Security-Policy that the portal itself never trips (no console violations while it is used), HSTS
 * over TLS, and the expenses CSV with formula cells neutralised.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_PIN } from '@onshi/demo';
import path from 'node:path';
import { PORTAL_DIR, buildPortal, launchChromium, startPortal, type RunningPortal } from '../e2e/portal';
import { startTestSystem, type TestSystem } from './harness';

// The portal's own helpers, loaded at run time (the portal is its own TypeScript project, outside tests/).
interface PortalHelpers {
  safeReturnPath(value: unknown, fallback?: string): string;
  csvField(value: string | number): string;
  expensesCsv(notice: unknown, header: string[]): string;
}
async function portalHelpers(): Promise<PortalHelpers> {
  const [paths, expenses] = await Promise.all([import(path.join(PORTAL_DIR, 'lib', 'paths')), import(path.join(PORTAL_DIR, 'lib', 'expenses'))]);
  return { ...(paths as Pick<PortalHelpers, 'safeReturnPath'>), ...(expenses as Omit<PortalHelpers, 'safeReturnPath'>) };
}

let system: TestSystem;
let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  const [started] = await Promise.all([startTestSystem({ patients: 4 }), buildPortal()]);
  system = started;
  portal = await startPortal(`${system.gatewayUrl}/graphql`, system.demo.seed, system.dataDir);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await system?.stop();
});

const ATTACKS = ['/\t/evil.example', '/\n/evil.example', '//evil.example', '/\\evil.example', '/\\/evil.example', 'https://evil.example/', 'javascript:alert(1)', ' /evil'];

async function openPage(): Promise<{ page: Page; consoleErrors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, consoleErrors, close: () => context.close() };
}

async function cardLogin(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.fill('#cardSerial', system.patient(0).cardSerial);
  await page.fill('#pin', DEMO_PIN);
  await page.click('main button[type=submit]');
  await page.waitForURL((target) => !target.pathname.startsWith('/login'));
}

describe('return targets: same-origin relative paths only', () => {
  test.each(ATTACKS)('safeReturnPath(%j) falls back', async (attack) => {
    const { safeReturnPath } = await portalHelpers();
    expect(safeReturnPath(attack)).toBe('/');
  });

  test('ordinary paths stay as they are', async () => {
    const { safeReturnPath } = await portalHelpers();
    expect(safeReturnPath('/drugs?year=2025#top')).toBe('/drugs?year=2025#top');
    expect(safeReturnPath('/clinic/patients/pt_1', '/clinic')).toBe('/clinic/patients/pt_1');
    // An encoded TAB is a path segment of this origin; the browser does not decode it into a host.
    expect(safeReturnPath('/%09/evil.example')).toBe('/%09/evil.example');
  });

  test('Chromium: logging in from /login?next=%2F%09%2Fevil.example stays on the portal', async () => {
    const { page, close } = await openPage();
    const leftFor: string[] = [];
    page.on('request', (request) => { if (!request.url().startsWith(portal.url)) leftFor.push(request.url()); });
    await cardLogin(page, `${portal.url}/login?next=%2F%09%2Fevil.example`);
    expect(new URL(page.url()).origin).toBe(portal.url);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(leftFor).toEqual([]);
    await close();
  });

  test('Chromium: a tampered returnTo of the language switch stays on the portal', async () => {
    const { page, close } = await openPage();
    await page.goto(`${portal.url}/login`);
    for (const attack of ['/\t/evil.example', '//evil.example', '/\\evil.example']) {
      await page.goto(`${portal.url}/login`);
      await page.locator('input[name=returnTo]').evaluate((input, value) => { (input as unknown as { value: string }).value = value; }, attack);
      await page.click('.site-header__actions form button[type=submit]');
      await page.waitForLoadState('load');
      expect(new URL(page.url()).origin).toBe(portal.url);
    }
    await close();
  });
});

describe('Content-Security-Policy and HSTS', () => {
  test('every page carries a nonce-based CSP; the portal works under it without a single console violation', async () => {
    const { page, consoleErrors, close } = await openPage();
    const policies: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') policies.push(response.headers()['content-security-policy'] ?? '');
    });
    await cardLogin(page, `${portal.url}/login`);
    for (const path of ['/drugs', '/checkups', '/expenses', '/access', '/phr']) {
      await page.goto(`${portal.url}${path}`);
      await page.locator('.spinner').waitFor({ state: 'detached' });
    }
    // Client-side navigation and a server action (the language switch) also work under the policy.
    await page.click('.site-header__actions form button[type=submit]');
    await page.locator('html[lang=en]').waitFor({ state: 'attached', timeout: 20_000 });
    expect(policies.length).toBeGreaterThanOrEqual(6);
    for (const policy of policies) {
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain("'unsafe-eval'");
    }
    expect(new Set(policies).size).toBe(policies.length); // a fresh nonce per response
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test('HSTS only when the portal is reached over TLS (X-Forwarded-Proto from the TLS proxy)', async () => {
    const plain = await fetch(`${portal.url}/login`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await fetch(`${portal.url}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });
});

describe('expenses CSV', () => {
  test('cells that a spreadsheet would run as a formula stay text', async () => {
    const { csvField, expensesCsv } = await portalHelpers();
    for (const attack of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvField(attack).replace(/^"/u, '').startsWith("'")).toBe(true);
    }
    expect(csvField('オンシ内科クリニック')).toBe('オンシ内科クリニック');
    expect(csvField(-120)).toBe('-120');
    const notice = { year: 2025, months: [{ serviceMonth: '2025-04', facilityCode: '1310123458', facility: { code: '1310123458', name: '=cmd|\' /C calc\'!A0' }, claimCount: 1, totalPoints: 100, totalCostYen: 1000, patientShareYen: 300 }] };
    const csv = expensesCsv(notice, ['month', 'code', 'name', 'claims', 'points', 'cost', 'share']);
    expect(csv).toContain(",'=cmd|' /C calc'!A0,");
    expect(csv).not.toMatch(/,=/u);
  });

  test('the download still works for the patient (Chromium session)', async () => {
    const { page, close } = await openPage();
    await cardLogin(page, `${portal.url}/login`);
    const response = await page.request.get(`${portal.url}/expenses/csv?year=2025`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('\r\n');
    await close();
  });
});
