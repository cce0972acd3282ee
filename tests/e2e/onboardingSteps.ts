/**
 * The steps of taking a facility into use in the portal (docs/operations.md "Taking a new facility into use"), shared by
 * the Chromium tests of onboarding (portal-onboarding, portal-story): browser sessions that collect console errors, the
 * operator's registration of a facility and its administrator, and a one-time enrollment link completed in a fresh
 * browser (password, the QR code's otpauth URI, a first TOTP code).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCode } from '../../subgraphs/consent/src/services/identity/staffAuth';
import { startTestSystem, type TestSystem } from '../src/harness';
import { buildPortal, launchChromium, startPortal, type RunningPortal } from './portal';

export const STAFF_PASSWORD = 'correct horse battery staple';

export interface Session { context: BrowserContext; page: Page; consoleErrors: string[] }

/** Browser sessions (1280 px, Japanese unless told) recording every console error and page error; `closeAll` in afterAll. */
export function browserSessions(browser: () => Browser) {
  const sessions: Session[] = [];
  async function openSession(locale = 'ja-JP'): Promise<Session> {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, locale });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const session = { context, page, consoleErrors };
    sessions.push(session);
    return session;
  }
  async function closeAll(): Promise<void> {
    for (const session of sessions) await session.context.close().catch(() => undefined);
  }
  return { openSession, closeAll };
}

/** The session's access token (the portal's httpOnly cookie), for the API checks beside the pages. */
export async function accessTokenOf(context: BrowserContext, portalUrl: string): Promise<string> {
  const cookie = (await context.cookies(portalUrl)).find((candidate) => candidate.name === 'onshi_at');
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

type Shoot = (page: Page, state: string) => Promise<void>;

/** Registers a 医科 clinic and its administrator M0001 in the operator's browser; returns the one-time link the page shows. */
export async function registerFacility(portalUrl: string, page: Page, code: string, name: string, shoot?: { as: string; shoot: Shoot }): Promise<string> {
  await page.goto(`${portalUrl}/operator/facilities`);
  await page.fill('#code', code);
  await page.fill('#name', name);
  await page.selectOption('#kind', 'MEDICAL');
  await page.fill('#prefecture', code.slice(0, 2));
  await page.fill('#administratorStaffId', 'M0001');
  await page.fill('#administratorName', '施設 管理者');
  await page.click('section[aria-labelledby=register-facility-title] button[type=submit]');
  await page.getByTestId('facility-registered').waitFor();
  if (shoot) await shoot.shoot(page, shoot.as);
  return page.getByTestId('enrollment-url').inputValue();
}

/** Completes a one-time link in a fresh browser: password, the QR code's URI, a first code. Returns the TOTP secret. */
export async function enrollThroughLink(openSession: () => Promise<Session>, link: string, shoot?: { as: string; shoot: Shoot }): Promise<string> {
  const { page } = await openSession();
  await page.goto(link);
  if (shoot) await shoot.shoot(page, `${shoot.as}-password`);
  await page.fill('#password', STAFF_PASSWORD);
  await page.click('main button[type=submit]');
  await page.getByTestId('enroll-qr').waitFor();
  const uri = await page.getByTestId('enroll-uri').textContent() ?? '';
  if (!uri.startsWith('otpauth://totp/')) throw new Error(`the enrollment page shows no otpauth URI: ${uri}`);
  // The QR code is an image the browser drew (an SVG data URI), not a broken one.
  const drawn = await page.getByTestId('enroll-qr').evaluate((image) => { const shown = image as unknown as { complete: boolean; naturalWidth: number }; return shown.complete && shown.naturalWidth > 0; });
  if (!drawn) throw new Error('the enrollment QR code is not drawn');
  if (shoot) await shoot.shoot(page, `${shoot.as}-qr`);
  const secret = new URL(uri).searchParams.get('secret') ?? '';
  await page.fill('#totp', totpCode(secret, new Date()));
  await page.click('main button[type=submit]');
  await page.getByTestId('enroll-done').waitFor();
  if (shoot) await shoot.shoot(page, `${shoot.as}-done`);
  return secret;
}

/** The administrator enrolls a staff member on /clinic/admin; returns the one-time link the page shows. */
export async function enrollStaffMember(portalUrl: string, page: Page, staffId: string, displayName: string, role: string, shoot?: { as: string; shoot: Shoot }): Promise<string> {
  await page.goto(`${portalUrl}/clinic/admin`);
  await page.fill('#staffId', staffId);
  await page.fill('#displayName', displayName);
  await page.selectOption('#role', role);
  await page.click('section[aria-labelledby=enroll-staff-title] button[type=submit]');
  await page.getByTestId('staff-enrolled').waitFor();
  if (shoot) await shoot.shoot(page, shoot.as);
  return page.getByTestId('enrollment-url').inputValue();
}

/** A test system (5 patients), the production portal build serving it, and Chromium; stop with `stopPortalSystem`. */
export async function startPortalSystem(screenshotDir: string): Promise<{ system: TestSystem; portal: RunningPortal; browser: Browser }> {
  mkdirSync(screenshotDir, { recursive: true });
  const [system] = await Promise.all([startTestSystem({ patients: 5 }), buildPortal()]);
  const portal = await startPortal(`${system.gatewayUrl}/graphql`, system.demo.seed, system.dataDir);
  return { system, portal, browser: await launchChromium() };
}

export async function stopPortalSystem(running: { system?: TestSystem; portal?: RunningPortal; browser?: Browser }): Promise<void> {
  await running.browser?.close();
  await running.portal?.stop();
  await running.system?.stop();
}
