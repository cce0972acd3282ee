/**
 * Registering an insurer in the portal, in Chromium against the production build and the real system (docs/operations.md
 * "Registering an insurer"): the operator's 保険者の登録 page refuses a bad number and a duplicate in plain words,
 * registers an insurer and shows its account's one-time link once; the account enrolls through the link and logs in
 * without a facility code, and reads no operator data. Japanese and English; every page state checked with axe-core
 * and photographed at 360 and 1280 px (test-output/screenshots/insurers-*.png) with no sideways scrolling.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withCheckDigit } from '@onshi/kit';
import { DEMO_STAFF, demoTotpSecret } from '@onshi/demo';
import { totpCode } from '../../subgraphs/consent/src/services/identity/staffAuth';
import { pageChecks, staffLogin } from '../e2e/pageChecks';
import { buildPortal, launchChromium, startPortal, type RunningPortal } from '../e2e/portal';
import { startTestSystem, type TestSystem } from './harness';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots');
const PASSWORD = 'correct horse battery staple';
/** No demo insurer has it: 横浜市国保 (6 digits, 神奈川 14). */
const NEW_KOKUHO = withCheckDigit('14100');

let system: TestSystem;
let portal: RunningPortal;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const [started] = await Promise.all([startTestSystem({ patients: 5 }), buildPortal()]);
  system = started;
  portal = await startPortal(`${system.gatewayUrl}/graphql`, system.demo.seed, system.dataDir);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await portal?.stop();
  await system?.stop();
});

async function openPage(locale: 'ja' | 'en' = 'ja'): Promise<{ page: Page; context: BrowserContext; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: locale === 'ja' ? 'ja-JP' : 'en-US' });
  if (locale === 'en') await context.addCookies([{ name: 'onshi_lang', value: 'en', url: portal.url }]);
  contexts.push(context);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, context, consoleErrors };
}

async function operatorLogin(page: Page, stepsAhead: number): Promise<void> {
  const admin = DEMO_STAFF.find((candidate) => candidate.account === 'admin');
  if (!admin) throw new Error('no demo operator');
  await staffLogin(portal.url, page, undefined, admin.staffId, 'onshi-demo-pass', demoTotpSecret(system.demo.seed, 'admin'), stepsAhead);
}

const { shoot, violations, checked } = pageChecks(SCREENSHOTS, 'insurers', (found) => expect(found).toEqual({ ...found, overflow: 0 }));

async function fillInsurer(page: Page, number: string, name: string, staffId: string): Promise<void> {
  await page.fill('#number', number);
  await page.fill('#name', name);
  await page.fill('#administratorStaffId', staffId);
  await page.fill('#administratorName', '横浜市 国保係');
  await page.click('section[aria-labelledby=register-insurer-title] button[type=submit]');
}

/** The operator's browser session token (the demo operator's TOTP code is single use: no second login for the API). */
let operatorToken = '';
async function registeredNumbers(): Promise<string[]> {
  const result = await system.graphql<{ insurers: Array<{ number: string }> }>('{ insurers(first: 500) { number } }', {}, operatorToken);
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.insurers.map((i) => i.number) ?? [];
}

describe('保険者の登録 in the operator console', () => {
  let link = '';
  let errors: string[] = [];

  test('refusals in plain words, nothing stored; then the insurer and its one-time link, shown once', async () => {
    const { page, context, consoleErrors } = await openPage();
    errors = consoleErrors;
    await operatorLogin(page, 0);
    operatorToken = (await context.cookies(portal.url)).find((cookie) => cookie.name === 'onshi_at')?.value ?? '';
    await page.goto(`${portal.url}/operator/insurers`);
    expect(await page.locator('nav.nav a[aria-current=page]').textContent()).toBe('保険者の登録');
    expect(await page.locator('[data-testid=insurers-table] tr[data-number="131011"]').textContent()).toContain('千代田区国民健康保険');
    await shoot(page, 'operator-insurers');

    await fillInsurer(page, `${NEW_KOKUHO.slice(0, 5)}${(Number(NEW_KOKUHO.charAt(5)) + 1) % 10}`, '横浜市国民健康保険', 'I1401');
    await expect(page.locator('main [role=alert][data-code=BAD_USER_INPUT]').textContent()).resolves.toBe('保険者番号が正しくありません。桁数と最後の検証番号を確認してください。');
    await shoot(page, 'operator-insurers-refused');
    expect(await registeredNumbers()).not.toContain(NEW_KOKUHO);

    await fillInsurer(page, NEW_KOKUHO, '横浜市国民健康保険', 'I1401');
    await page.getByTestId('insurer-registered').waitFor();
    expect(await page.getByTestId('insurer-registered').textContent()).toBe(`横浜市国民健康保険（${NEW_KOKUHO}）を登録しました。`);
    expect(await page.getByTestId('enrollment-link').textContent()).toContain('保険者自身の連絡経路で');
    await shoot(page, 'operator-insurer-registered');
    link = await page.getByTestId('enrollment-url').inputValue();
    expect(new URL(link).pathname).toBe('/staff/enroll');

    await page.goto(`${portal.url}/operator/insurers`);
    expect(await page.getByTestId('enrollment-url').count()).toBe(0);
    expect(await page.content()).not.toContain(new URL(link).searchParams.get('token') ?? 'no-token');
    expect(await page.locator(`[data-testid=insurers-table] tr[data-number="${NEW_KOKUHO}"]`).textContent()).toContain('国民健康保険');

    await fillInsurer(page, NEW_KOKUHO, '二重登録', 'I1402');
    await expect(page.locator('main [role=alert][data-code=BAD_USER_INPUT]').textContent()).resolves.toBe('この保険者番号は登録済みです。');
  }, 180_000);

  test('the insurer\'s account enrolls through the link and logs in without a facility code; it reads no operator data', async () => {
    const { page } = await openPage();
    await page.goto(link);
    await page.fill('#password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.getByTestId('enroll-qr').waitFor();
    await shoot(page, 'insurer-enroll-qr');
    const uri = await page.getByTestId('enroll-uri').textContent() ?? '';
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    await page.fill('#totp', totpCode(secret, new Date()));
    await page.click('main button[type=submit]');
    await page.getByTestId('enroll-done').waitFor();
    expect(await page.locator('main [role=status]').first().textContent()).toBe('初期設定が完了しました。施設コードは空欄のまま、職員ID I1401 でログインできます。');
    await shoot(page, 'insurer-enroll-done');

    const login = await system.graphql<{ staffLogin: { accessToken: string } }>('mutation($s: String!, $p: String!, $t: String!) { staffLogin(staffId: $s, password: $p, totp: $t) { accessToken } }',
      { s: 'I1401', p: PASSWORD, t: totpCode(secret, new Date(Date.now() + 30_000)) });
    expect(login.body.errors).toBeUndefined();
    const insurerToken = login.body.data?.staffLogin.accessToken ?? '';
    const refused = await system.graphql('{ insurers { number name } }', {}, insurerToken);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(refused.text).not.toContain('千代田区');
  }, 120_000);

  test('in English', async () => {
    const { page } = await openPage('en');
    await operatorLogin(page, 1);
    await page.goto(`${portal.url}/operator/insurers`);
    expect(await page.locator('h1').textContent()).toBe('Insurers');
    await fillInsurer(page, '131011', 'Duplicate', 'I1403');
    await expect(page.locator('main [role=alert][data-code=BAD_USER_INPUT]').textContent()).resolves.toBe('This insurer number is already registered.');
    await shoot(page, 'operator-insurers-en');
  }, 120_000);

  test('every state passed axe and fits 360 px; no console errors', () => {
    expect(checked.size).toBeGreaterThanOrEqual(10);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
