/**
 * The operator console (運用者, role ADMIN) in Chromium against the production build and the real system: the national
 * re-routing statistics (docs/drugs.md "Re-routing claims (レセプト振替)") as a chart and a table whose figures are
 * the API's own answer for the demo world; any other session is sent to its own home before anything is read, and
 * the API refuses that session's token the statistics, logged under the nation. Screenshots at 360 and 1280 px in
 * Japanese and English go to test-output/screenshots/operator-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PIN, DEMO_STAFF, demoTotpSecret } from '@onshi/demo';
import { totpCode } from '../../subgraphs/consent/src/services/identity/staffAuth';
import { buildPortal, launchChromium, startPortal, type RunningPortal } from '../e2e/portal';
import { startTestSystem, type TestSystem } from './harness';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots');
const STAFF_PASSWORD = 'onshi-demo-pass';
const STATISTICS = 'query($f: String!, $t: String!) { claimRoutingStatistics(fromMonth: $f, toMonth: $t) { serviceMonth checked asBilled rerouted returned checkedPoints reroutedPoints returnedPoints } }';
type MonthStatistics = { serviceMonth: string; checked: number; asBilled: number; rerouted: number; returned: number; checkedPoints: number; reroutedPoints: number; returnedPoints: number };
interface LogEntry { actorRole: string; category: string; decision: string; patientId: string }

let system: TestSystem;
let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const [started] = await Promise.all([startTestSystem({ patients: 10 }), buildPortal()]);
  system = started;
  portal = await startPortal(`${system.gatewayUrl}/graphql`, system.demo.seed, system.dataDir);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await system?.stop();
});

interface Session { context: BrowserContext; page: Page; consoleErrors: string[]; scripts: Map<string, Promise<string>> }

/** A fresh browser profile recording console errors and the text of every script the portal sends. */
async function openSession(): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const scripts = new Map<string, Promise<string>>();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('response', (response) => {
    if (response.url().startsWith(portal.url) && response.request().resourceType() === 'script') scripts.set(response.url(), response.text().catch(() => ''));
  });
  return { context, page, consoleErrors, scripts };
}

async function staffLogin(page: Page, account: string): Promise<void> {
  const staff = DEMO_STAFF.find((candidate) => candidate.account === account);
  if (!staff) throw new Error(`no demo staff ${account}`);
  await page.goto(`${portal.url}/staff/login`);
  if (staff.facilityCode) await page.fill('#facilityCode', staff.facilityCode);
  await page.fill('#staffId', staff.staffId);
  await page.fill('#password', STAFF_PASSWORD);
  await page.fill('#totp', totpCode(demoTotpSecret(system.demo.seed, account), new Date()));
  await page.click('main button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/staff/login'));
}

/** The session's own access token (the httpOnly cookie): what the portal calls the API with for this browser. */
async function accessTokenOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies(portal.url)).find((candidate) => candidate.name === 'onshi_at');
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

async function switchLanguage(page: Page, locale: 'ja' | 'en'): Promise<void> {
  await page.click('.site-header__actions form button[type=submit]');
  await page.locator(`html[lang=${locale}]`).waitFor({ state: 'attached', timeout: 20_000 });
}

let adminToken = '';

async function nationLog(): Promise<LogEntry[]> {
  const result = await system.graphql<{ accessLogSearch: LogEntry[] }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 200) { actorRole category decision patientId } }', { p: 'nation' }, adminToken);
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}

describe('operator console: claim re-routing statistics', () => {
  let admin: Session;

  beforeAll(async () => {
    admin = await openSession();
    // The operator has no facility: after logging in the portal takes them to their own console.
    await staffLogin(admin.page, 'admin');
    await admin.page.waitForURL(`${portal.url}/operator`);
    adminToken = await accessTokenOf(admin.context);
  }, 120_000);

  afterAll(async () => { await admin?.context.close(); });

  test('the operator sees the chart and a table with the API\'s figures for every month of the period', async () => {
    const { page } = admin;
    await page.goto(`${portal.url}/operator`);
    await expect(page.locator('nav.nav a[aria-current=page]').textContent()).resolves.toBe('レセプト振替');
    const period = page.getByTestId('routing-period');
    const fromMonth = await period.getAttribute('data-from') ?? '';
    const toMonth = await period.getAttribute('data-to') ?? '';
    expect(fromMonth).toMatch(/^\d{4}-\d{2}$/u);

    const answer = await system.graphql<{ claimRoutingStatistics: MonthStatistics[] }>(STATISTICS, { f: fromMonth, t: toMonth }, adminToken);
    expect(answer.body.errors).toBeUndefined();
    const months = answer.body.data?.claimRoutingStatistics ?? [];
    // The demo world re-routes claims of patients who showed an old card after an insurer change (patients 0 and 9
    // in 2025): not an empty page.
    expect(months.reduce((sum, month) => sum + month.rerouted, 0)).toBeGreaterThan(0);

    const rows = await page.locator('[data-testid=routing-table] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      month: tr.getAttribute('data-month') ?? '',
      values: [...tr.querySelectorAll('td')].map((td) => Number(td.getAttribute('data-value'))),
      text: tr.textContent ?? '',
    })));
    expect(rows.length).toBe(24);
    const byMonth = new Map(months.map((month) => [month.serviceMonth, month]));
    for (const row of rows) {
      const month = byMonth.get(row.month);
      const expected = month ? [month.checked, month.rerouted, month.returned, month.checkedPoints, month.reroutedPoints, month.returnedPoints] : [0, 0, 0, 0, 0, 0];
      expect({ month: row.month, values: row.values }).toEqual({ month: row.month, values: expected });
      // What the reader sees: counts, amounts in yen (1 point = 10 yen) and points, in Japanese number format.
      if (month) {
        expect(row.text).toContain(month.checked.toLocaleString('ja-JP'));
        expect(row.text).toContain(`￥${(month.reroutedPoints * 10).toLocaleString('ja-JP')}`);
        expect(row.text).toContain(`${month.returnedPoints.toLocaleString('ja-JP')}点`);
      }
    }
    for (const month of byMonth.keys()) expect(rows.map((row) => row.month)).toContain(month);

    // The chart: an SVG drawn by recharts with one bar per month and series.
    const chart = page.getByTestId('routing-chart');
    await chart.locator('svg.recharts-surface').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await chart.getAttribute('aria-label')).toContain('振替件数');
    expect(admin.consoleErrors).toEqual([]);

    // The read was decided and logged under the nation.
    expect(await nationLog()).toContainEqual({ actorRole: 'ADMIN', category: 'CLAIM_STATISTICS', decision: 'ALLOW', patientId: 'nation' });
  });

  test('360 px and 1280 px, Japanese and English: no sideways scrolling of the page, the month fixed while the figures scroll', async () => {
    const { page } = admin;
    await page.goto(`${portal.url}/operator`);
    for (const locale of ['ja', 'en'] as const) {
      if (locale === 'en') await switchLanguage(page, 'en');
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(400); // the chart re-measures after a resize
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect({ locale, width, overflow }).toEqual({ locale, width, overflow: 0 });
        await page.getByTestId('routing-chart').locator('svg.recharts-surface').first().waitFor();
        // The month stays on screen while the figures scroll sideways under it (a phone), or the whole row fits (desktop).
        const table = page.getByTestId('routing-table');
        const wrap = page.locator('.table-wrap:has([data-testid=routing-table])');
        await wrap.evaluate((element) => { element.scrollLeft = element.scrollWidth; });
        const month = await table.locator('tbody th[scope=row]').first().boundingBox();
        const lastFigure = await table.locator('tbody tr').first().locator('td').last().boundingBox();
        expect({ locale, width, month, monthFixedOnScreen: month !== null && month.x >= 0 && month.x + month.width <= width / 2 }).toMatchObject({ locale, width, monthFixedOnScreen: true });
        expect({ locale, width, lastFigure, lastFigureOnScreen: lastFigure !== null && lastFigure.x + lastFigure.width <= width }).toMatchObject({ locale, width, lastFigureOnScreen: true });
        await wrap.evaluate((element) => { element.scrollLeft = 0; });
        await page.screenshot({ path: path.join(SCREENSHOTS, `operator-${locale}-${width}.png`), fullPage: true });
        await page.screenshot({ path: path.join(SCREENSHOTS, `operator-${locale}-${width}-top.png`) });
      }
    }
    expect(await page.locator('h1').textContent()).toBe('Claim re-routing: national statistics');
    await switchLanguage(page, 'ja');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('demo card lifecycle: the operator finds a card by its holder, suspends it, and the API answers it suspended (docs/operations.md "Demo: card lifecycle")', async () => {
    const { page } = admin;
    const patient = system.patient(3);
    await page.goto(`${portal.url}/operator`);
    await page.locator('nav.nav a[href="/operator/cards"]').click();
    await page.waitForURL(`${portal.url}/operator/cards`);
    await page.fill('#patientId', patient.id);
    await page.getByRole('button', { name: '検索' }).click();
    await expect(page.getByTestId('card-status').textContent()).resolves.toBe('有効');
    await page.locator('button[data-action=SUSPEND]').click();
    await page.getByTestId('card-changed').waitFor();
    await expect(page.getByTestId('card-status').textContent()).resolves.toBe('一時停止');
    await expect(page.getByTestId('card-usable').textContent()).resolves.toContain('SUSPENDED');
    const card = await system.graphql<{ demoCard: { status: string; unusable: string | null } }>('query($s: String) { demoCard(cardSerial: $s) { status unusable } }', { s: patient.cardSerial }, adminToken);
    expect(card.body.data?.demoCard).toEqual({ status: 'SUSPENDED', unusable: 'SUSPENDED' });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect({ width, overflow }).toEqual({ width, overflow: 0 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `operator-cards-ja-${width}.png`), fullPage: true });
    }
    expect(admin.consoleErrors).toEqual([]);
  });

  test('the chart\'s code is loaded on the operator page only', async () => {
    const doctor = await openSession();
    await staffLogin(doctor.page, 'clinic-doctor');
    await doctor.page.goto(`${portal.url}/clinic`);
    await doctor.page.waitForLoadState('networkidle');
    const clinicScripts = await Promise.all([...doctor.scripts.values()]);
    const operatorScripts = await Promise.all([...admin.scripts.values()]);
    expect(operatorScripts.some((text) => text.includes('recharts-wrapper'))).toBe(true);
    expect(clinicScripts.filter((text) => text.includes('recharts-wrapper'))).toEqual([]);

    // Facility staff are refused: /operator sends them to their own page, with no statistics in what arrived.
    const html: string[] = [];
    doctor.page.on('response', (response) => { if (response.url().startsWith(portal.url)) void response.text().then((text) => html.push(text), () => undefined); });
    await doctor.page.goto(`${portal.url}/operator`);
    await doctor.page.waitForURL(`${portal.url}/clinic`);
    await doctor.page.waitForLoadState('networkidle');
    expect(await doctor.page.locator('[data-testid=routing-table], [data-testid=routing-chart]').count()).toBe(0);
    expect(html.join('\n')).not.toContain('routing-table');

    // And the API refuses this session's own token the statistics (the gateway, by role): nothing returned.
    const attempt = await system.graphql(STATISTICS, { f: '2020-01', t: '2030-12' }, await accessTokenOf(doctor.context));
    expect(attempt.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(attempt.body.data ?? null).toBeNull();
    await doctor.context.close();
  });

  test('a patient\'s session at /operator goes to the patient\'s home; no session goes to the staff login', async () => {
    const patient = await openSession();
    await patient.page.goto(`${portal.url}/login`);
    await patient.page.fill('#cardSerial', system.patient(0).cardSerial);
    await patient.page.fill('#pin', DEMO_PIN);
    await patient.page.click('main button[type=submit]');
    await patient.page.waitForURL(`${portal.url}/`);
    await patient.page.goto(`${portal.url}/operator`);
    await patient.page.waitForURL(`${portal.url}/`);
    expect(await patient.page.locator('[data-testid=routing-table]').count()).toBe(0);
    await patient.context.close();

    const anonymous = await fetch(`${portal.url}/operator`, { redirect: 'manual' });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
    expect(new URL(anonymous.headers.get('location') ?? '', portal.url).pathname).toBe('/staff/login');
  });
});
