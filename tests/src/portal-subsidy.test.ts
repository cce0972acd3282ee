/**
 * The subsidy in the portal, in Chromium against the production build and the real system: a new clinic, live after its
 * first verification at its reader, applies for the 医療情報化支援基金 subsidy on /clinic/admin (a negative cost is
 * refused in plain words, nothing stored); the operator approves and pays on /operator/subsidies; the clinic sees
 * its application paid; the operator's /operator/rollout shows the clinic live (Japanese, then English). Every page
 * state is checked with axe-core and photographed at 360 and 1280 px (SCREENSHOT_DIR or a temp dir), with no
 * sideways scrolling at 360 px (tests/e2e/pageChecks.ts).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withCheckDigit } from '@onshi/kit';
import { DEMO_STAFF, demoTotpSecret } from '@onshi/demo';
import { readerVisit } from '@onshi/consent/src/cli/demoClient';
import { newReaderKeyPair } from '@onshi/platform/readerStatement';
import { totpCode } from '../../subgraphs/consent/src/services/identity/staffAuth';
import { pageChecks, staffLogin as staffLoginAt } from '../e2e/pageChecks';
import { buildPortal, launchChromium, startPortal, type RunningPortal } from '../e2e/portal';
import { AS_OF, startTestSystem, type TestSystem } from './harness';

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? path.join(tmpdir(), 'onshi-subsidy-screenshots');
const DEMO_PASSWORD = 'onshi-demo-pass';
const PASSWORD = 'correct horse battery staple';
/** A code no demo facility has: an Osaka 医科 clinic. */
const CLINIC = withCheckDigit('271079001');

let system: TestSystem;
let portal: RunningPortal;
let browser: Browser;
let adminSecret = '';

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const [started] = await Promise.all([startTestSystem({ patients: 5 }), buildPortal()]);
  system = started;
  portal = await startPortal(`${system.gatewayUrl}/graphql`, system.demo.seed, system.dataDir);
  browser = await launchChromium();
  // Taken into use through the API (its pages are portal-onboarding's): the clinic, its administrator, its reader, a first patient.
  const operatorToken = await system.token('admin');
  const registered = await system.graphql<{ registerFacility: { administrator: { enrollmentToken: string } } }>(
    `mutation { registerFacility(code: "${CLINIC}", name: "補助金テスト内科", kind: MEDICAL, prefecture: "27", hospital: false, administratorStaffId: "M0001", administratorName: "施設 管理者") { administrator { enrollmentToken } } }`, {}, operatorToken);
  const link = registered.body.data?.registerFacility.administrator.enrollmentToken ?? '';
  const started2 = await system.graphql<{ startStaffEnrollment: { otpauthUri: string } }>('mutation($t: String!, $p: String!) { startStaffEnrollment(enrollmentToken: $t, password: $p) { otpauthUri } }', { t: link, p: PASSWORD });
  adminSecret = new URL(started2.body.data?.startStaffEnrollment.otpauthUri ?? 'x:').searchParams.get('secret') ?? '';
  const confirmed = await system.graphql('mutation($t: String!, $c: String!) { confirmStaffEnrollment(enrollmentToken: $t, totp: $c) { enrolled } }', { t: link, c: totpCode(adminSecret, new Date()) });
  expect(confirmed.body.errors).toBeUndefined();
  const { publicJwk, privateJwk } = await newReaderKeyPair();
  const reader = await system.graphql<{ registerCardReader: { id: string } }>('mutation($f: String!, $k: String!) { registerCardReader(facilityCode: $f, publicKeyJwk: $k, label: "受付") { id } }', { f: CLINIC, k: JSON.stringify(publicJwk) }, operatorToken);
  const call = async (q: string, v?: Record<string, unknown>, t?: string) => (await system.graphql(q, v, t)).body;
  await readerVisit(call, system.demo, { readerId: reader.body.data?.registerCardReader.id ?? '', facilityCode: CLINIC, privateJwk }, system.patient(1).cardSerial, { drug: true, checkup: false });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await system?.stop();
});

const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
async function openPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { context, page };
}
afterAll(async () => { for (const context of contexts) await context.close().catch(() => undefined); });

const { shoot, violations, checked } = pageChecks(SCREENSHOTS, 'subsidy', (found) => expect(found).toEqual({ ...found, overflow: 0 }));
const staffLogin = (page: Page, facilityCode: string | undefined, staffId: string, password: string, secret: string, stepsAhead = 0) => staffLoginAt(portal.url, page, facilityCode, staffId, password, secret, stepsAhead);

describe('subsidy and rollout in the portal', () => {
  let clinic: Page;
  let operator: Page;
  let operatorContext: BrowserContext;

  test('the clinic\'s administrator applies; a negative cost is refused in plain words and nothing is stored', async () => {
    ({ page: clinic } = await openPage());
    await staffLogin(clinic, CLINIC, 'M0001', PASSWORD, adminSecret, 1);
    await clinic.goto(`${portal.url}/clinic/admin`);
    await clinic.getByTestId('subsidy-section').waitFor();
    await shoot(clinic, 'clinic-form');

    await clinic.fill('#systemCost', '500000');
    await clinic.fill('#networkCost', '-5');
    await clinic.fill('#wentLiveOn', AS_OF);
    await clinic.click('[data-testid=subsidy-section] button[type=submit]');
    await clinic.locator('[data-testid=subsidy-section] .notice--error[data-code=BAD_USER_INPUT]').waitFor();
    expect(await clinic.locator('[data-testid=subsidy-section] .notice--error').textContent()).toContain('networkCost');
    expect(await clinic.getByTestId('subsidy-table').count()).toBe(0);
    await shoot(clinic, 'clinic-refused');

    await clinic.fill('#systemCost', '300,000');
    await clinic.fill('#networkCost', '100000');
    await clinic.fill('#otherCost', '29000');
    await clinic.fill('#wentLiveOn', AS_OF);
    await clinic.click('[data-testid=subsidy-section] button[type=submit]');
    await clinic.locator('[data-testid=subsidy-table] tr[data-status=SUBMITTED]').waitFor();
    // 3/4 of ¥429,000 rounded down, capped at ¥321,000 (docs/operations.md).
    expect(await clinic.locator('[data-testid=subsidy-table] tr[data-status=SUBMITTED]').textContent()).toContain('321,000');
    // One open application at a time: the form is gone until a rejection.
    expect(await clinic.locator('#systemCost').count()).toBe(0);
    await shoot(clinic, 'clinic-submitted');
  });

  test('the operator approves and pays; the clinic sees it paid', async () => {
    ({ page: operator, context: operatorContext } = await openPage());
    const staff = DEMO_STAFF.find((candidate) => candidate.account === 'admin');
    // The next 30 s step: the set-up's API login used this one (a TOTP code is good once).
    await staffLogin(operator, staff?.facilityCode, staff?.staffId ?? '', DEMO_PASSWORD, demoTotpSecret(system.demo.seed, 'admin'), 1);
    await operator.goto(`${portal.url}/operator/subsidies`);
    const row = operator.locator(`[data-testid=subsidies-table] tr[data-facility="${CLINIC}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('SUBMITTED');
    expect(await row.textContent()).toContain('補助金テスト内科');
    await shoot(operator, 'operator-submitted');
    await row.getByRole('button', { name: '承認する' }).click();
    await operator.locator(`[data-testid=subsidies-table] tr[data-facility="${CLINIC}"][data-status=APPROVED]`).waitFor();
    await shoot(operator, 'operator-approved');
    await operator.locator(`[data-testid=subsidies-table] tr[data-facility="${CLINIC}"]`).getByRole('button', { name: '支払済みにする' }).click();
    // Paying cannot be undone: the operator confirms in a dialog first.
    await operator.getByTestId('pay-subsidy-dialog').filter({ visible: true }).getByRole('button', { name: '支払済みにする' }).click();
    await operator.locator(`[data-testid=subsidies-table] tr[data-facility="${CLINIC}"][data-status=PAID]`).waitFor();
    await shoot(operator, 'operator-paid');

    await clinic.goto(`${portal.url}/clinic/admin#subsidy`);
    await clinic.locator('[data-testid=subsidy-table] tr[data-status=PAID]').waitFor();
    expect(await clinic.locator('[data-testid=subsidy-table] tr[data-status=PAID]').textContent()).toContain('支払済み');
    await shoot(clinic, 'clinic-paid');
  });

  test('the rollout dashboard shows the clinic live, as the API counts it, in Japanese and English', async () => {
    const api = await system.graphql<{ rolloutDashboard: { registered: number; live: number; byKind: Array<{ key: string; live: number }> } }>(
      '{ rolloutDashboard { registered live byKind { key live } } }', {}, await operatorContext.cookies(portal.url).then((cookies) => cookies.find((cookie) => cookie.name === 'onshi_at')?.value));
    expect(api.body.data?.rolloutDashboard.live).toBeGreaterThanOrEqual(1);
    await operator.goto(`${portal.url}/operator/rollout`);
    await operator.getByTestId('rollout-chart').waitFor();
    expect(await operator.getByTestId('rollout-live').textContent()).toBe(String(api.body.data?.rolloutDashboard.live));
    expect(await operator.getByTestId('rollout-registered').textContent()).toBe(String(api.body.data?.rolloutDashboard.registered));
    const clinics = api.body.data?.rolloutDashboard.byKind.find((kind) => kind.key === 'MEDICAL_CLINIC')?.live ?? 0;
    expect(clinics).toBeGreaterThanOrEqual(1);
    expect(await operator.locator('[data-testid=by-kind-table] tr[data-key=MEDICAL_CLINIC]').getAttribute('data-live')).toBe(String(clinics));
    expect(Number(await operator.locator('[data-testid=by-prefecture-table] tr[data-key="27"]').getAttribute('data-live'))).toBeGreaterThanOrEqual(1);
    await shoot(operator, 'rollout-ja');
    await operator.click('.site-header__actions form button[type=submit]');
    await operator.locator('html[lang=en]').waitFor({ state: 'attached', timeout: 20_000 });
    await operator.getByRole('heading', { name: 'Rollout', exact: true }).waitFor();
    await shoot(operator, 'rollout-en');
  });

  test('axe-core finds no violation, and no page logged an error', () => {
    expect(checked.size).toBe(18);
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
