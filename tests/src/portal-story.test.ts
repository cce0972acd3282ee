/**
 * Onboarding, the whole story in one Chromium run against the production build and the real system
 * (docs/operations.md "Taking a new facility into use"): the operator registers a new clinic, its administrator and
 * its reader in the console; the administrator enrolls (link, QR code of the otpauth URI, first code) and enrolls a
 * doctor, who enrolls and logs in; a patient verifies at the new reader on the kiosk page (/reader, playing the reader
 * the operator registered: its key file installed as `reader:register --out` writes it) and consents; the doctor reads
 * that patient's drugs at /clinic; the clinic applies for the subsidy at /clinic/admin, the operator approves and,
 * after confirming, marks it paid at /operator/subsidies; /operator/rollout shows the clinic live, its prefecture by
 * name. Every page is checked with axe-core and photographed at 360 and 1280 px (SCREENSHOT_DIR, default
 * /tmp/story-shots), in Japanese and, for the operator's pages at the end, in English.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { withCheckDigit } from '@onshi/kit';
import { DEMO_STAFF, demoTotpSecret } from '@onshi/demo';
import { newReaderKeyPair } from '@onshi/platform/readerStatement';
import { installedReaderKeyPath } from '@onshi/demo';
import { accessTokenOf, browserSessions, enrollStaffMember, enrollThroughLink, registerFacility, STAFF_PASSWORD, startPortalSystem, stopPortalSystem, type Session } from '../e2e/onboardingSteps';
import { pageChecks, staffLogin as staffLoginAt } from '../e2e/pageChecks';
import type { RunningPortal } from '../e2e/portal';
import { AS_OF, type TestSystem } from './harness';

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/story-shots';
/** A code no demo facility has (the generated ones number 1000–1059): a Kyoto 医科 clinic. */
const CLINIC = withCheckDigit('261089001');
const CLINIC_NAME = 'みやこ通り内科';

let system: TestSystem;
let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  ({ system, portal, browser } = await startPortalSystem(SCREENSHOTS));
}, 600_000);

const { openSession, closeAll } = browserSessions(() => browser);
afterAll(async () => {
  await closeAll();
  await stopPortalSystem({ system, portal, browser });
});

const { shoot, violations, checked } = pageChecks(SCREENSHOTS, 'story', (found) => expect(found).toEqual({ ...found, overflow: 0 }));
const shooting = (as: string) => ({ as, shoot });
const staffLogin = (page: Page, staffId: string, secret: string, stepsAhead = 0) => staffLoginAt(portal.url, page, CLINIC, staffId, STAFF_PASSWORD, secret, stepsAhead);

interface Dashboard { registered: number; live: number; byPrefecture: Array<{ key: string; live: number }> }
async function dashboard(token: string): Promise<Dashboard> {
  const result = await system.graphql<{ rolloutDashboard: Dashboard }>('{ rolloutDashboard { registered live byPrefecture { key live } } }', {}, token);
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.rolloutDashboard as Dashboard;
}

describe('the onboarding story: a new clinic from registration to live, in the portal', () => {
  let operator: Session;
  let operatorToken = '';
  let admin: Session;
  let adminSecret = '';
  let doctor: Session;
  let adminLink = '';
  let before: Dashboard;

  test('the operator registers the clinic, its administrator and its reader', async () => {
    operator = await openSession();
    const staff = DEMO_STAFF.find((candidate) => candidate.account === 'admin');
    await staffLoginAt(portal.url, operator.page, staff?.facilityCode, staff?.staffId ?? '', 'onshi-demo-pass', demoTotpSecret(system.demo.seed, 'admin'));
    await operator.page.waitForURL(`${portal.url}/operator`);
    operatorToken = await accessTokenOf(operator.context, portal.url);
    before = await dashboard(operatorToken);
    const { page } = operator;
    await page.goto(`${portal.url}/operator/facilities`);
    await shoot(page, 'operator-facilities');
    adminLink = await registerFacility(portal.url, page, CLINIC, CLINIC_NAME, shooting('operator-facility-registered'));
    expect(new URL(adminLink).pathname).toBe('/staff/enroll');

    // The reader: the device makes its key pair and keeps the private half; the operator registers the public half.
    const { publicJwk, privateJwk } = await newReaderKeyPair();
    await page.goto(`${portal.url}/operator/facilities/${CLINIC}`);
    await page.fill('#label', '受付');
    await page.fill('#publicKeyJwk', JSON.stringify(publicJwk));
    await page.click('section[aria-labelledby=register-reader-title] button[type=submit]');
    await page.waitForURL((url) => url.searchParams.get('done') === 'reader');
    const row = page.locator('[data-testid=readers-table] tbody tr[data-status=ACTIVE]');
    const readerId = await row.getAttribute('data-reader') ?? '';
    expect(readerId).not.toBe('');
    await shoot(page, 'operator-facility-reader');
    // Installed on this machine's kiosk as `reader:register --out` would write it (owner-only).
    const keyFile = installedReaderKeyPath(system.dataDir, CLINIC);
    mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, JSON.stringify({ readerId, facilityCode: CLINIC, privateJwk }), { mode: 0o600, flag: 'wx' });
    // Registered, not live yet.
    const registered = await dashboard(operatorToken);
    expect([registered.registered, registered.live]).toEqual([before.registered + 1, before.live]);
  });

  test('the administrator enrolls through the link, then enrolls a doctor, who enrolls TOTP and logs in', async () => {
    adminSecret = await enrollThroughLink(openSession, adminLink, shooting('admin-enroll'));
    admin = await openSession();
    await staffLogin(admin.page, 'M0001', adminSecret, 1);
    const { page } = admin;
    await page.goto(`${portal.url}/clinic/admin`);
    expect(await page.locator('h1').textContent()).toBe(`施設の管理：${CLINIC_NAME}`);
    expect(await page.locator('[data-testid=readers-table] tbody tr').evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-status')))).toEqual(['ACTIVE']);
    await shoot(page, 'clinic-admin');
    const doctorLink = await enrollStaffMember(portal.url, page, 'D0001', '都 一郎', 'DOCTOR', shooting('clinic-admin-doctor-enrolled'));
    const doctorSecret = await enrollThroughLink(openSession, doctorLink, shooting('doctor-enroll'));
    doctor = await openSession();
    await staffLogin(doctor.page, 'D0001', doctorSecret, 1);
    expect(new URL(doctor.page.url()).pathname).toBe('/clinic');
    await shoot(doctor.page, 'doctor-clinic-empty');
  });

  test('a patient verifies at the new reader on the kiosk and consents; the clinic is live', async () => {
    // The kiosk is opened with a staff login of the clinic: the administrator's (a TOTP code is good once, and the
    // next step is not yet valid, so a second tab of the same login rather than a second login within 30 s).
    const page = await admin.context.newPage();
    const kioskErrors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') kioskErrors.push(message.text()); });
    page.on('pageerror', (error) => kioskErrors.push(error.message));
    await page.goto(`${portal.url}/reader`);
    await shoot(page, 'reader-card');
    const yamada = system.patient(0);
    await page.fill('#reader-card', yamada.cardSerial);
    await page.click('main form button[type=submit]');
    await page.getByRole('heading', { name: '情報の提供に同意しますか' }).waitFor();
    await shoot(page, 'reader-consent');
    await page.locator('input[name=drug][value=yes]').check();
    await page.locator('input[name=checkup][value=yes]').check();
    await page.click('main form button[type=submit]');
    await page.locator('#reader-pin').waitFor();
    await shoot(page, 'reader-pin');
    await page.fill('#reader-pin', yamada.pin);
    await page.click('main form button[type=submit]');
    await page.getByRole('heading', { name: '受付が完了しました。カードをお取りください。' }).waitFor();
    await shoot(page, 'reader-done');
    expect(kioskErrors).toEqual([]);
    await page.close();
    // Live from this first verification at its reader (docs/operations.md "Rollout dashboard").
    const after = await dashboard(operatorToken);
    expect(after.live).toBe(before.live + 1);
    expect(after.byPrefecture.find((group) => group.key === '26')?.live).toBe((before.byPrefecture.find((group) => group.key === '26')?.live ?? 0) + 1);
  });

  test('the doctor reads that patient\'s drugs at /clinic', async () => {
    const yamada = system.patient(0);
    const own = await system.graphql<{ me: { dispensings: { edges: Array<{ node: { drugName: string } }> } } }>(
      '{ me { dispensings(first: 20, from: "2021-01-01") { edges { node { drugName } } } } }', {}, await system.token('yamada'));
    const drugNames = [...new Set(own.body.data?.me.dispensings.edges.map((edge) => edge.node.drugName) ?? [])];
    expect(drugNames.length).toBeGreaterThan(0);
    const { page } = doctor;
    await page.goto(`${portal.url}/clinic`);
    const row = page.getByTestId('today-row').filter({ hasText: yamada.name });
    expect(await row.count()).toBe(1);
    await shoot(page, 'doctor-clinic');
    await row.getByRole('link', { name: `${yamada.name} 表示` }).click();
    await page.waitForURL(/\/clinic\/patients\//u);
    await page.locator('.spinner').waitFor({ state: 'detached' });
    await page.getByTestId('dispensing').first().waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain(drugNames[0]);
    await shoot(page, 'doctor-patient');
    expect(doctor.consoleErrors).toEqual([]);
  });

  test('the clinic applies for the subsidy; the operator approves, confirms and marks it paid; the clinic sees it paid', async () => {
    const { page } = admin;
    await page.goto(`${portal.url}/clinic/admin#subsidy`);
    await page.getByTestId('subsidy-section').waitFor();
    await page.fill('#systemCost', '300000');
    await page.fill('#networkCost', '100000');
    await page.fill('#otherCost', '29000');
    await page.fill('#wentLiveOn', AS_OF);
    await page.click('[data-testid=subsidy-section] button[type=submit]');
    await page.locator('[data-testid=subsidy-table] tr[data-status=SUBMITTED]').waitFor();
    await shoot(page, 'clinic-subsidy-submitted');

    const review = operator.page;
    await review.goto(`${portal.url}/operator/subsidies`);
    const row = () => review.locator(`[data-testid=subsidies-table] tr[data-facility="${CLINIC}"]`);
    await row().getByRole('button', { name: '承認する' }).click();
    await review.locator(`[data-testid=subsidies-table] tr[data-facility="${CLINIC}"][data-status=APPROVED]`).waitFor();
    await shoot(review, 'operator-subsidy-approved');
    // Marking paid asks first; cancelling changes nothing.
    await row().getByRole('button', { name: '支払済みにする' }).click();
    const dialog = review.getByTestId('pay-subsidy-dialog').filter({ visible: true });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(CLINIC_NAME);
    await shoot(review, 'operator-subsidy-pay-dialog');
    await dialog.getByRole('button', { name: 'やめる' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await row().getAttribute('data-status')).toBe('APPROVED');
    await row().getByRole('button', { name: '支払済みにする' }).click();
    await dialog.getByRole('button', { name: '支払済みにする' }).click();
    await review.locator(`[data-testid=subsidies-table] tr[data-facility="${CLINIC}"][data-status=PAID]`).waitFor();
    await shoot(review, 'operator-subsidy-paid');

    await page.goto(`${portal.url}/clinic/admin#subsidy`);
    await page.locator('[data-testid=subsidy-table] tr[data-status=PAID]').waitFor();
    await shoot(page, 'clinic-subsidy-paid');
    expect(admin.consoleErrors).toEqual([]);
  });

  test('/operator/rollout shows the clinic live, prefectures by name, in Japanese and English', async () => {
    const api = await dashboard(operatorToken);
    const { page } = operator;
    await page.goto(`${portal.url}/operator/rollout`);
    await page.getByTestId('rollout-chart').waitFor();
    expect(await page.getByTestId('rollout-live').textContent()).toBe(String(api.live));
    const kyoto = page.locator('[data-testid=by-prefecture-table] tr[data-key="26"]');
    expect(await kyoto.getAttribute('data-live')).toBe(String(api.byPrefecture.find((group) => group.key === '26')?.live));
    expect(await kyoto.locator('th').textContent()).toBe('京都府');
    // The chart fills the page's column at 1280 px (not the phone drawing scaled to half of it).
    const column = await page.locator('main').evaluate((main) => main.clientWidth);
    const chart = await page.locator('[data-testid=rollout-chart] svg:visible').boundingBox();
    expect(chart?.width ?? 0).toBeGreaterThan(column * 0.9);
    await shoot(page, 'operator-rollout');

    await page.click('.site-header__actions form button[type=submit]');
    await page.locator('html[lang=en]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.getByRole('heading', { name: 'Rollout', exact: true }).waitFor();
    expect(await kyoto.locator('th').textContent()).toBe('Kyoto');
    await shoot(page, 'operator-rollout-en');
    for (const [pathname, state] of [['/operator/subsidies', 'operator-subsidies-en'], ['/operator/facilities', 'operator-facilities-en'], [`/operator/facilities/${CLINIC}`, 'operator-facility-en']] as const) {
      await page.goto(`${portal.url}${pathname}`);
      await shoot(page, state);
    }
    expect(operator.consoleErrors).toEqual([]);
  });

  test('axe-core finds no violation on any page', () => {
    expect(checked.size).toBeGreaterThanOrEqual(50);
    expect(violations).toEqual([]);
  });
});
