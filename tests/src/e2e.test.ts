/**
 * End-to-end: the production build of the portal against the real system (subgraphs + gateway on ephemeral
 * ports), driven in Debian's Chromium. Covers the patient's sections with the demo data, the card lock after
 * three wrong PINs, the reader kiosk with consent, and the staff view: a reception clerk's browser receives
 * no drug or checkup data at all (HTML, RSC/JSON payloads and scripts are inspected), a doctor sees them
 * with consent and a clear "consent required" state without.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { DEMO_CLINIC, DEMO_PHARMACY, DEMO_STAFF, demoTotpSecret } from '@onshi/demo';
import { totpCode } from '../../subgraphs/consent/src/services/identity/staffAuth';
import { axeFindings } from '../e2e/pageChecks';
import { buildPortal, launchChromium, startPortal, type RunningPortal } from '../e2e/portal';
import { startTestSystem, type TestSystem } from './harness';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots');
const YAMADA_CARD = 'CARD-YAMADA-0001';
const DEMO_PIN = '1234';
const STAFF_PASSWORD = 'onshi-demo-pass';

let system: TestSystem;
let portal: RunningPortal;

/** Measurements the issue asks to print (test-output/portal-measurements.json and stdout). */
const measurements: Record<string, number> = {};
function record(name: string, value: number): void {
  measurements[name] = value;
  process.stdout.write(`portal measurement ${name}: ${value}\n`);
}
let browser: Browser;

/** What yamada's own API calls return: the values the pages must show (and the clerk's pages must not). */
let yamadaDrugNames: string[] = [];
let yamadaIngredients: string[] = [];
let yamadaCheckupYears: number[] = [];
let yamadaOldestDispensing = '';

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const [started] = await Promise.all([startTestSystem({ patients: 10 }), buildPortal()]);
  system = started;
  portal = await startPortal(`${system.gatewayUrl}/graphql`, system.demo.seed, system.dataDir);
  browser = await launchChromium();
  const token = await system.token('yamada');
  const drugs = await system.graphql<{ me: { dispensings: { edges: Array<{ node: { date: string; drugName: string; ingredient: string } }> } } }>(
    '{ me { dispensings(first: 100, from: "2021-01-01") { edges { node { date drugName ingredient } } } } }', {}, token);
  const nodes = drugs.body.data?.me.dispensings.edges.map((edge) => edge.node) ?? [];
  yamadaDrugNames = [...new Set(nodes.map((node) => node.drugName))];
  yamadaIngredients = [...new Set(nodes.map((node) => node.ingredient))];
  yamadaOldestDispensing = nodes.map((node) => node.date).sort()[0] ?? '';
  const checkups = await system.graphql<{ me: { checkups: Array<{ fiscalYear: number }> } }>('{ me { checkups { fiscalYear } } }', {}, token);
  yamadaCheckupYears = checkups.body.data?.me.checkups.map((checkup) => checkup.fiscalYear) ?? [];
}, 300_000);

afterAll(async () => {
  writeFileSync(path.join(SCREENSHOTS, '..', 'axe-violations.json'), `${JSON.stringify(accessibilityViolations, null, 2)}\n`);
  writeFileSync(path.join(SCREENSHOTS, '..', 'portal-measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
  await browser?.close();
  await portal?.stop();
  await system?.stop();
});

interface Session { context: BrowserContext; page: Page; consoleErrors: string[]; responses: Array<{ url: string; contentType: string; body: string }> }

/** A fresh browser profile that records console errors, page errors and every response body from the portal. */
async function openSession(): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'ja-JP' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const responses: Session['responses'] = [];
  // The location names the resource of a "Failed to load resource" error.
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`.trim()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(portal.url)) return;
    void response.body().then(
      (body) => responses.push({ url: response.url(), contentType: response.headers()['content-type'] ?? '', body: body.toString('utf8') }),
      () => undefined, // redirects have no body
    );
  });
  return { context, page, consoleErrors, responses };
}

/** Opens a page and waits until the streamed content has replaced the loading state. */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.spinner').waitFor({ state: 'detached' });
}

/** axe-core's findings per photographed page state, of any impact (minor included); the last test asserts none. */
const accessibilityViolations: Array<{ state: string; rule: string; impact: string; targets: string[] }> = [];
const checkedStates = new Set<string>();

/** Runs axe-core (WCAG 2.x A/AA and best practices) in the page as it is now. */
async function checkAccessibility(page: Page, state: string): Promise<void> {
  const violations = await axeFindings(page);
  checkedStates.add(state);
  for (const violation of violations) accessibilityViolations.push({ state, ...violation });
}

/** Photographs a page state for the reviewers (test-output/screenshots) and checks it with axe-core. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await checkAccessibility(page, name);
}

/** The page at 360 px and 1280 px wide, in Japanese and English; no sideways scrolling at either width. */
async function shootBoth(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  for (const locale of ['ja', 'en'] as const) {
    if (locale === 'en') await switchLanguage(page, 'en');
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300); // charts re-measure after a resize
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect({ name, locale, width, overflow }).toEqual({ name, locale, width, overflow: 0 });
      await shoot(page, `${name}-${locale}-${width}`);
    }
  }
  await switchLanguage(page, 'ja');
  if (viewport) await page.setViewportSize(viewport);
}

/** The language cookie the header's switch sets (tested through the switch itself in the patient tests). */
async function switchLanguage(page: Page, locale: 'ja' | 'en'): Promise<void> {
  await page.context().addCookies([{ name: 'onshi_lang', value: locale, url: portal.url }]);
  await page.reload();
  await page.locator(`html[lang=${locale}]`).waitFor();
  await page.locator('.spinner').waitFor({ state: 'detached' });
}

async function cardLogin(page: Page, cardSerial: string, pin: string): Promise<void> {
  await visit(page, `${portal.url}/login`);
  await page.fill('#cardSerial', cardSerial);
  await page.fill('#pin', pin);
  await page.click('main button[type=submit]');
}

async function staffLogin(page: Page, account: string, facilityCode: string, staffId: string): Promise<void> {
  await visit(page, `${portal.url}/staff/login`);
  await page.fill('#facilityCode', facilityCode);
  await page.fill('#staffId', staffId);
  await page.fill('#password', STAFF_PASSWORD);
  await page.fill('#totp', totpCode(demoTotpSecret(system.demo.seed, account), new Date()));
  await page.click('main button[type=submit]');
  await page.waitForURL(`${portal.url}/clinic`);
}

function staffOf(account: string): { facilityCode: string; staffId: string } {
  const staff = DEMO_STAFF.find((candidate) => candidate.account === account);
  if (!staff?.facilityCode) throw new Error(`no facility staff account ${account}`);
  return { facilityCode: staff.facilityCode, staffId: staff.staffId };
}

describe('facility: reader kiosk and staff view', () => {
  test('reception opens the kiosk: no staff controls, nothing pre-selected, the patient answers; the result resets; no drug or checkup data reaches the browser', async () => {
    const { context, page, consoleErrors, responses } = await openSession();
    const { facilityCode, staffId } = staffOf('clinic-reception');
    await staffLogin(page, 'clinic-reception', facilityCode, staffId);
    await visit(page, `${portal.url}/reader`);
    // The patient-facing screen: no logout, no way back into the staff pages.
    expect(await page.getByRole('button', { name: 'ログアウト' }).count()).toBe(0);
    expect(await page.locator('a[href^="/clinic"]').count()).toBe(0);

    /** One patient at the kiosk: card, their own answers, PIN. */
    async function patientAtKiosk(card: string, answers: { drug: 'yes' | 'no'; checkup: 'yes' | 'no' }, shots?: string): Promise<void> {
      await page.fill('#reader-card', card);
      await page.click('main form button[type=submit]');
      await page.getByRole('heading', { name: '情報の提供に同意しますか' }).waitFor();
      // Nothing is pre-selected, and each question must be answered: submitting unanswered stays here.
      expect(await page.locator('input[type=radio]:checked').count()).toBe(0);
      expect(await page.locator('input[type=radio][required]').count()).toBe(4);
      await page.click('main form button[type=submit]');
      expect(await page.getByRole('heading', { name: '情報の提供に同意しますか' }).count()).toBe(1);
      // 「同意しない」 is the same kind of control as 「同意する」, the same size.
      const agree = await page.locator('label:has(input[name=drug][value=yes])').boundingBox();
      const disagree = await page.locator('label:has(input[name=drug][value=no])').boundingBox();
      expect(disagree?.height).toBe(agree?.height);
      if (shots) {
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await shoot(page, `${shots}-consent-${width}`);
        }
        await page.setViewportSize({ width: 1024, height: 900 });
      }
      await page.locator(`input[name=drug][value=${answers.drug}]`).check();
      await page.locator(`input[name=checkup][value=${answers.checkup}]`).check();
      await page.click('main form button[type=submit]');
      await page.fill('#reader-pin', DEMO_PIN);
      await page.click('main form button[type=submit]');
      await page.getByRole('heading', { name: '受付が完了しました。カードをお取りください。' }).waitFor();
      const done = await page.locator('main').innerText();
      expect(done).toContain(answers.drug === 'yes' ? '同意する' : '同意しない');
      // The patient's screen shows their answers, not the clerk's qualification result.
      expect(done).not.toContain('有効');
      if (shots) {
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await shoot(page, `${shots}-done-${width}`);
        }
        await page.setViewportSize({ width: 1024, height: 900 });
      }
    }

    await patientAtKiosk(YAMADA_CARD, { drug: 'yes', checkup: 'yes' }, 'reader');
    // The result does not wait for the next person: the kiosk returns to its start by itself.
    await page.getByRole('heading', { name: 'マイナンバーカードをカードリーダーに置いてください。' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('main').innerText()).not.toContain('同意する');

    // The next patient says no to both: nothing is registered for them.
    const next = system.patient(3);
    await patientAtKiosk(next.cardSerial, { drug: 'no', checkup: 'no' });
    const flags = await fetch(`${system.urls.consent}/internal/consent-flags`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-onshi-internal': system.internalSecret }, body: JSON.stringify({ patientId: next.id, facilityCode }),
    });
    expect(await flags.json()).toMatchObject({ drug: '0', checkup: '0' });
    await page.getByRole('button', { name: '次の方' }).click();
    await page.getByRole('heading', { name: 'マイナンバーカードをカードリーダーに置いてください。' }).waitFor();

    await visit(page, `${portal.url}/clinic`);
    expect(await page.locator('main').innerText()).toContain('山田 太郎');
    await page.getByRole('link', { name: '山田 太郎 表示' }).click();
    await page.waitForURL(/\/clinic\/patients\//u);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('main').innerText()).toContain('受付の職員には');
    // The clinician summary is never requested for reception.
    expect(await page.getByTestId('clinician-summary').count()).toBe(0);
    await shoot(page, 'clinic-reception');

    // Everything the portal sent to this browser: documents, RSC/JSON payloads, scripts and styles.
    const scripts = responses.filter((response) => /javascript/u.test(response.contentType));
    expect(scripts.length).toBeGreaterThan(0);
    expect(responses.length).toBeGreaterThan(5);
    const everything = responses.map((response) => response.body).join('\n');
    for (const value of [...yamadaDrugNames, ...yamadaIngredients]) expect(everything).not.toContain(value);
    // Checkup item names come only from the checkups API (the UI's own labels are not data).
    for (const item of ['HbA1c', '収縮期血圧', '中性脂肪', 'γ-GT', '空腹時血糖']) expect(everything).not.toContain(item);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  test("the doctor's own browser lists whom reception confirmed (one list per facility), and the patient page opens with the clinician summary", async () => {
    const doctor = await openSession();
    const { facilityCode, staffId } = staffOf('clinic-doctor');
    await staffLogin(doctor.page, 'clinic-doctor', facilityCode, staffId);
    // A different browser profile from reception's: nothing in its cookies says whom reception confirmed.
    await visit(doctor.page, `${portal.url}/clinic`);
    const row = doctor.page.getByTestId('today-row').filter({ hasText: '山田 太郎' });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/あり\s*残り(23|24)時間\d+分/u);
    await shootBoth(doctor.page, 'clinic-list');
    await row.getByRole('link', { name: '山田 太郎 表示' }).click();
    await doctor.page.waitForURL(/\/clinic\/patients\//u);
    await doctor.page.locator('.spinner').waitFor({ state: 'detached' });
    const summary = doctor.page.getByTestId('clinician-summary');
    const summaryText = await summary.innerText();
    for (const heading of ['診療サマリー', '重複投薬', '多剤投与', '服用中と推定される薬', '最新の特定健診', '階層化']) expect(summaryText).toContain(heading);
    expect(await summary.getByTestId('active-drug').count()).toBeGreaterThan(0);
    // The summary comes before the details: it sits above the first dispensing of the full list.
    const summaryBox = await summary.boundingBox();
    const firstDispensing = await doctor.page.getByTestId('dispensing').first().boundingBox();
    expect((summaryBox?.y ?? Infinity) + (summaryBox?.height ?? 0)).toBeLessThanOrEqual(firstDispensing?.y ?? 0);
    const text = await doctor.page.locator('main').innerText();
    for (const name of yamadaDrugNames.slice(0, 2)) expect(text).toContain(name);
    expect(text).toContain('HbA1c');
    // The newest dispensings first, a page at a time: yamada has more than one page (5 years), the link opens the
    // next older page of the same list and a way back to the newest.
    const firstPage = await doctor.page.getByTestId('dispensing').allInnerTexts();
    expect(firstPage).toHaveLength(20);
    const patientUrl = doctor.page.url();
    await doctor.page.getByTestId('dispensing-more').click();
    await doctor.page.waitForURL(/[?&]after=/u);
    await doctor.page.locator('.spinner').waitFor({ state: 'detached' });
    const secondPage = await doctor.page.getByTestId('dispensing').allInnerTexts();
    expect(secondPage).toHaveLength(20);
    expect(secondPage.filter((entry) => firstPage.includes(entry)).length).toBeLessThan(secondPage.length);
    expect(await doctor.page.getByTestId('clinician-summary').count()).toBe(1);
    await doctor.page.getByRole('link', { name: '最新の調剤に戻る' }).click();
    await doctor.page.waitForURL((url) => !url.search.includes('after='));
    expect(await doctor.page.getByTestId('dispensing').allInnerTexts()).toEqual(firstPage);
    // The checkup table carries every value and judgement; the trend charts are drawn when asked for.
    expect(await doctor.page.getByTestId('checkup-chart').count()).toBe(0);
    await doctor.page.getByTestId('checkup-charts-link').click();
    await doctor.page.waitForURL(/[?&]charts=1/u);
    await doctor.page.locator('.spinner').waitFor({ state: 'detached' });
    expect(await doctor.page.locator('figure', { hasText: 'HbA1c' }).getByTestId('checkup-chart').count()).toBe(1);
    expect(await doctor.page.getByTestId('dispensing').allInnerTexts()).toEqual(firstPage);
    // A forged cursor is the API's BAD_USER_INPUT: an error state in the drug section, and no dispensing.
    await visit(doctor.page, `${patientUrl}?after=forged`);
    expect(await doctor.page.getByTestId('dispensing').count()).toBe(0);
    expect(await doctor.page.locator('#clinic-drugs-title ~ [data-state=error][data-code=BAD_USER_INPUT]').count()).toBe(1);
    await visit(doctor.page, patientUrl);
    // Server time of the clinic patient page: the median of three requests (one slow request on a shared
    // machine says little), recorded for the report. Speed is claimed by `pnpm bench` (docs/benchmarks.md),
    // not here: the bound below only catches a page gone pathological (a lost loader, a query per row), and
    // is loose enough for a CI machine running other suites (872 ms was seen there, ~150 ms when idle).
    const times: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const started = Date.now();
      const response = await doctor.page.request.get(patientUrl);
      expect(response.status()).toBe(200);
      await response.body();
      times.push(Date.now() - started);
    }
    const median = [...times].sort((a, b) => a - b)[1] ?? Infinity;
    record('clinicPatientPageServerMs', median);
    process.stdout.write(`clinic patient page server times (ms): ${times.join(', ')}\n`);
    await shootBoth(doctor.page, 'clinic-doctor');
    expect(doctor.consoleErrors).toEqual([]);
    await doctor.context.close();
    expect(median).toBeLessThanOrEqual(3_000);
  });

  test('a doctor elsewhere: an empty list of today; the patient page says the person was not confirmed here, with no data', async () => {
    const elsewhere = await openSession();
    const hospital = staffOf('hospital-doctor');
    await staffLogin(elsewhere.page, 'hospital-doctor', hospital.facilityCode, hospital.staffId);
    expect(await elsewhere.page.getByTestId('today-row').count()).toBe(0);
    expect(await elsewhere.page.locator('main').innerText()).not.toContain('山田');
    await visit(elsewhere.page, `${portal.url}/clinic/patients/${system.patient(0).id}`);
    // Staff read a person only after a confirmation at their facility: the page says so and shows nothing of her.
    expect(await elsewhere.page.locator('[data-state=not-confirmed-here]').count()).toBe(1);
    expect(await elsewhere.page.getByTestId('clinician-summary').count()).toBe(0);
    const html = await elsewhere.page.content();
    expect(html).not.toContain('山田');
    for (const name of yamadaDrugNames) expect(html).not.toContain(name);
    await shoot(elsewhere.page, 'clinic-not-confirmed-here');
    await elsewhere.context.close();
  });

  test('disaster mode: the dentist identifies a person by the four fields, records her consent, and her page says "special operation — this view is logged" before any data', async () => {
    const declared = await system.graphql('mutation($s: String!, $e: String!) { declareDisaster(name: "E2E地震", prefectures: ["13"], startsAt: $s, endsAt: $e) { id } }',
      { s: new Date(Date.now() - 60_000).toISOString(), e: new Date(Date.now() + 3_600_000).toISOString() }, await system.token('admin'));
    expect(declared.body.errors).toBeUndefined();
    const person = system.patient(5);
    const municipality = /^(?:東京都|北海道|大阪府|京都府|.{2,3}県)?(.+?[市区町村])/u.exec(person.address)?.[1] ?? person.address;
    const dentist = await openSession();
    const { facilityCode, staffId } = staffOf('dental-dentist');
    await staffLogin(dentist.page, 'dental-dentist', facilityCode, staffId);
    await visit(dentist.page, `${portal.url}/clinic/special`);
    await dentist.page.fill('#disaster-name', person.name);
    await dentist.page.fill('#disaster-birthdate', person.birthdate);
    await dentist.page.selectOption('#disaster-sex', person.sex);
    await dentist.page.fill('#disaster-fourth', municipality);
    await dentist.page.locator('form', { has: dentist.page.locator('#disaster-name') }).locator('button[type=submit]').click();
    // Identified: only the consent-or-exemption step, nothing of her yet.
    await dentist.page.getByTestId('disaster-step').waitFor();
    expect(await dentist.page.locator('main').innerText()).not.toContain(person.name);
    await dentist.page.check('input[name=attest]');
    await dentist.page.getByRole('button', { name: '同意を記録する' }).click();
    await dentist.page.waitForURL(/\/clinic\/patients\//u);
    await dentist.page.locator('.spinner').waitFor({ state: 'detached' });
    const banner = dentist.page.getByTestId('special-viewing');
    expect(await banner.getAttribute('data-kind')).toBe('DISASTER');
    expect(await banner.innerText()).toContain('特別な運用です。この閲覧は記録され');
    // Before any data: above her name and above the first section.
    const bannerBox = await banner.boundingBox();
    const nameBox = await dentist.page.locator('h1').boundingBox();
    expect((bannerBox?.y ?? Infinity) + (bannerBox?.height ?? 0)).toBeLessThanOrEqual(nameBox?.y ?? 0);
    expect(await dentist.page.locator('h1').innerText()).toContain(person.name);
    await shootBoth(dentist.page, 'clinic-special-viewing');
    expect(dentist.consoleErrors).toEqual([]);
    await dentist.context.close();
  });
});

describe('card lock', () => {
  test('three wrong PINs lock the card, and then even the right PIN is refused', async () => {
    const { context, page, consoleErrors } = await openSession();
    const card = 'CARD-0000000005';
    const error = page.locator('#login-error');
    await cardLogin(page, card, '0000');
    expect(await error.innerText()).toContain('あと2回');
    await cardLogin(page, card, '0001');
    expect(await error.innerText()).toContain('あと1回');
    await cardLogin(page, card, '0002');
    expect(await error.innerText()).toContain('ロックされています');
    await cardLogin(page, card, DEMO_PIN);
    expect(await error.innerText()).toContain('ロックされています');
    expect(page.url()).toContain('/login');
    await shoot(page, 'login-locked');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

/** Katakana to hiragana (what a phone keyboard offers first), for the kana-insensitive drug search. */
function hiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/gu, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60));
}

/** The names the portal must show for readers that are not facilities (demo insurer, demo app). */
const YAMADA_INSURER_NAME = '千代田区国民健康保険';
const DEMO_APP_NAME = 'けんこう手帳アプリ (デモ)';
/** How often the insurer reads yamada's checkups below: one grouped row of 提供状況 with this count. */
const INSURER_CHECKUP_READS = 3;

describe('patient (yamada) with the virtual My Number Card', () => {
  let session: Session;
  beforeAll(async () => {
    // Readers that are not facilities, through the API as their systems would: her insurer (three times), the PHR
    // app she granted, the operator; and an emergency access at the hospital (a special read the home page flags).
    const yamada = system.patient(0);
    const checkupRead = 'query($id: ID!) { patient(id: $id) { id checkups { fiscalYear } } }';
    const insurer = await system.token('insurer-kokuho');
    for (let read = 0; read < INSURER_CHECKUP_READS; read += 1) expect((await system.graphql(checkupRead, { id: yamada.id }, insurer)).body.errors).toBeUndefined();
    expect((await system.graphql(checkupRead, { id: yamada.id }, await system.token('phr-demo'))).body.errors).toBeUndefined();
    const app = await system.token('phr-demo');
    await system.graphql('query($id: ID!) { patient(id: $id) { id dispensings(first: 1) { edges { node { drugName } } } } }', { id: yamada.id }, app);
    const admin = await system.token('admin');
    await system.graphql('query($id: ID!) { patient(id: $id) { id name } }', { id: yamada.id }, admin);
    await system.graphql(checkupRead, { id: yamada.id }, admin);
    // Staff of facilities she never presented to: refused (NOT_FOUND) and logged, rows of their own in 提供状況.
    for (const account of ['dental-dentist', 'pharmacy-pharmacist']) await system.graphql('query($id: ID!) { patient(id: $id) { id } }', { id: yamada.id }, await system.token(account));
    const hospital = await system.token('hospital-doctor');
    const opened = await system.graphql('mutation($c: String!) { startEmergencyAccess(reason: "意識障害で救急搬送、服薬歴の確認", cardSerial: $c) { id } }', { c: yamada.cardSerial }, hospital);
    expect(opened.body.errors).toBeUndefined();
    expect((await system.graphql('query($id: ID!) { patient(id: $id) { id dispensings(first: 1) { edges { node { drugName } } } } }', { id: yamada.id }, hospital)).body.errors).toBeUndefined();
    session = await openSession();
    await cardLogin(session.page, YAMADA_CARD, DEMO_PIN);
    await session.page.waitForURL(`${portal.url}/`);
  });
  afterAll(async () => {
    await session.context.close();
  });

  test('home shows the current insurance with the numbers masked until revealed', async () => {
    const { page } = session;
    expect(await page.locator('h1').innerText()).toContain('山田 太郎');
    expect(await page.locator('main').innerText()).toContain('千代田区国民健康保険');
    // The facility tests ran first: the clinic doctor's read of the drug information is a notice on the home page; so
    // are the insurer's, the app's (each by name, never 「—」 or a client id) and the hospital's emergency read, flagged.
    const alerts = page.locator('section[aria-labelledby=alerts-title]');
    const alertText = await alerts.innerText();
    expect(alertText).toContain('オンシ内科クリニックがあなたの薬剤情報を閲覧しました');
    expect(alertText).toContain(`${YAMADA_INSURER_NAME}があなたの特定健診情報を閲覧しました`);
    expect(alertText).toContain(`（${INSURER_CHECKUP_READS}回）`);
    expect(alertText).toContain(`${DEMO_APP_NAME}があなたの特定健診情報を閲覧しました`);
    expect(alertText).not.toMatch(/—|phr-demo| があなた/u);
    const emergency = alerts.locator('[data-special=true]', { hasText: '港総合病院' });
    expect(await emergency.count()).toBeGreaterThan(0);
    expect(await emergency.first().innerText()).toContain('救急時閲覧');
    // Special reads come first: they are what a patient must not miss.
    expect(await alerts.getByTestId('access-notice').first().getAttribute('data-special')).toBe('true');
    const number = page.getByTestId('insured-number');
    expect(await number.innerText()).toMatch(/^[＊・\s]+$/u);
    await page.getByRole('button', { name: '表示する' }).click();
    expect(await number.innerText()).toMatch(/\d/u);
    await page.getByRole('button', { name: '隠す' }).click();
    await shoot(page, 'home');
  });

  test('薬剤情報 shows five years of the demo dispensings, grouped by month, searchable, and what is active now', async () => {
    const { page } = session;
    await visit(page, `${portal.url}/drugs?year=all`);
    const text = await page.locator('main').innerText();
    for (const name of yamadaDrugNames.slice(0, 3)) expect(text).toContain(name);
    // The prescriber and the pharmacy by the facility master's names, read in the page's one query (the Facility entity).
    expect(text).toContain(DEMO_CLINIC.name);
    expect(text).toContain(DEMO_PHARMACY.name);
    expect(text).not.toMatch(/医療機関等（コード/u);
    const oldestYear = Number(yamadaOldestDispensing.slice(0, 4));
    // Five years back from the demo date (2026-11-25): the timeline reaches into 2021/2022.
    expect(oldestYear).toBeLessThanOrEqual(2022);
    expect(text).toContain(`${oldestYear}年`);
    expect(await page.getByTestId('dispensing').count()).toBeGreaterThan(20);
    await shoot(page, 'drugs');
    const ingredient = yamadaIngredients[0] ?? '';
    await page.fill('#q', ingredient.slice(0, 4));
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/q=/u);
    await page.locator('.spinner').waitFor({ state: 'detached' });
    expect(await page.getByTestId('dispensing-count').innerText()).toMatch(/^\d+件/u);
    const names = await page.locator('[data-testid=dispensing] .entry__name').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(await page.locator('main').innerText()).toContain(ingredient);
    // Kana-insensitive: a drug name in katakana is found by the same word typed in hiragana.
    const katakanaName = yamadaDrugNames.map((name) => /^[\u30a1-\u30fc]{3,}/u.exec(name)?.[0]).find((run): run is string => run !== undefined) ?? '';
    expect(katakanaName.length).toBeGreaterThanOrEqual(3);
    await visit(page, `${portal.url}/drugs?q=${encodeURIComponent(hiragana(katakanaName))}`);
    const found = await page.locator('[data-testid=dispensing] .entry__name').allInnerTexts();
    expect(found.length).toBeGreaterThan(0);
    for (const name of found) expect(name).toContain(katakanaName);
    await shoot(page, 'drugs-hiragana-search');
    await visit(page, `${portal.url}/drugs?view=active`);
    await page.getByRole('heading', { name: /服用期間中/u }).waitFor();
  });

  test('特定健診 shows the fiscal years side by side with judgement labels in words, and a chart per item', async () => {
    const { page } = session;
    await visit(page, `${portal.url}/checkups`);
    const headers = await page.locator('[data-testid=checkup-table] thead th').allInnerTexts();
    expect(yamadaCheckupYears.length).toBe(5);
    for (const year of yamadaCheckupYears) expect(headers.join(' ')).toContain(`${year}年度`);
    const labels = await page.locator('[data-testid=checkup-table] [data-judgement]').allInnerTexts();
    expect(labels.some((label) => label.includes('基準範囲内'))).toBe(true);
    expect(labels.some((label) => label.includes('保健指導') || label.includes('受診勧奨'))).toBe(true);
    // Charts are SVG from the server: every fiscal year labelled, a marker and the printed value per test, round ticks.
    const charts = page.getByTestId('checkup-chart');
    expect(await charts.count()).toBeGreaterThan(5);
    const hba1c = page.locator('figure', { hasText: 'HbA1c' }).getByTestId('checkup-chart');
    const chartText = await hba1c.locator('text').allTextContents();
    for (const year of yamadaCheckupYears) expect(chartText).toContain(String(year));
    expect(await hba1c.locator('circle').count()).toBe(yamadaCheckupYears.length);
    expect(await hba1c.locator('polyline').count()).toBe(1);
    const ticks = chartText.filter((text) => /^[\d.,]+$/u.test(text)).map((text) => Number(text.replace(/,/gu, '')));
    for (const tick of ticks) expect(Math.abs(tick * 10 - Math.round(tick * 10))).toBeLessThan(1e-9);
    // Every coded answer has its words (喫煙 「いいえ」, not 「3」): no cell of an item without a unit is a bare number.
    const codedCells = await page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=checkup-table] tbody tr[data-coded=true] td')].map((cell) => cell.textContent ?? '')`);
    expect(codedCells.length).toBeGreaterThan(0);
    for (const cell of codedCells) expect(cell).not.toMatch(/^\s*\d+\s*$/u);
    const metabolic = await page.getByTestId('metabolic-row').innerText();
    expect(metabolic).toContain('メタボリックシンドローム判定');
    expect(metabolic).toMatch(/基準該当|予備群該当|非該当|判定不能/u);
    // Each judgement says what it means and what to do next.
    expect(await page.getByTestId('judgement-legend').innerText()).toContain('医療機関の受診をおすすめします');
    await shoot(page, 'checkups');
  });

  test('医療費 shows the year per month and facility with totals, a chart and a CSV download', async () => {
    const { page } = session;
    await visit(page, `${portal.url}/expenses?year=2025`);
    expect(await page.getByTestId('expense-totals').innerText()).toMatch(/￥[\d,]+/u);
    // The chart is drawn on the server (no chart script): one bar per month and series, each with its amount.
    const chart = page.getByTestId('expense-chart');
    expect(await chart.count()).toBe(1);
    const bars = await chart.locator('rect title').allTextContents();
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.every((title) => /¥[\d,]+$/u.test(title))).toBe(true);
    await shoot(page, 'expenses');
    const csv = await page.request.get(`${portal.url}/expenses/csv?year=2025`);
    expect(csv.status()).toBe(200);
    const body = await csv.text();
    expect(body.split('\r\n')[0]).toContain('診療月');
    expect(body).toContain('2025-');
  });

  test('the 医療費通知情報 file for the tax return carries the six items, per month and facility, with the totals the API gives', async () => {
    const { page } = session;
    await visit(page, `${portal.url}/expenses?year=2025`);
    const link = page.getByTestId('tax-return').getByRole('link');
    expect(await link.getAttribute('href')).toBe('/expenses/etax?year=2025');
    const file = await page.request.get(`${portal.url}/expenses/etax?year=2025`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/xml');
    expect(file.headers()['content-disposition']).toContain('iryohi-tsuchi-2025.xml');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === '通知' }).parse(await file.text()) as {
      医療費通知情報: { '@対象年': string; '被保険者等氏名': string; '合計': { 件数: number; 医療費の額: number; 窓口負担額: number };
        '通知': Array<{ 療養年月: string; 療養を受けた者: string; 医療機関等: { '#text': string; '@医療機関コード': string } | string; 医療費の額: number; 窓口負担額: number; 保険者: { '#text': string; '@保険者番号': string } }>; };
    };
    const notice = parsed.医療費通知情報;
    const api = (await system.graphql<{ me: { medicalExpenses: { claimCount: number; totalCostYen: number; patientShareYen: number; months: Array<{ serviceMonth: string; facilityCode: string; totalCostYen: number; patientShareYen: number }> } } }>(
      '{ me { medicalExpenses(year: 2025) { claimCount totalCostYen patientShareYen months { serviceMonth facilityCode totalCostYen patientShareYen } } } }', {}, await system.token('yamada'))).body.data?.me.medicalExpenses;
    expect(api).toBeDefined();
    const coverages = (await system.graphql<{ me: { qualifications: Array<{ insurerName: string; qualificationDate: string; disqualificationDate: string | null }> } }>(
      '{ me { qualifications { insurerName qualificationDate disqualificationDate } } }', {}, await system.token('yamada'))).body.data?.me.qualifications ?? [];
    expect(notice['@対象年']).toBe('2025');
    expect(notice.被保険者等氏名).toBe('山田 太郎');
    expect(notice.合計).toEqual({ 件数: api?.claimCount, 医療費の額: api?.totalCostYen, 窓口負担額: api?.patientShareYen });
    expect(notice.通知.length).toBe(api?.months.length);
    for (const [index, row] of notice.通知.entries()) {
      const expected = api?.months[index];
      // ② month, ③ who, ④ facility (named, with its code), ⑤ paid, ⑥ insurer: the six items of NTA No.1119 with ①.
      expect(row.療養年月).toBe(expected?.serviceMonth);
      expect(row.療養を受けた者).toBe('山田 太郎');
      expect(typeof row.医療機関等 === 'object' ? row.医療機関等['@医療機関コード'] : undefined).toBe(expected?.facilityCode);
      expect(row.医療費の額).toBe(expected?.totalCostYen);
      expect(row.窓口負担額).toBe(expected?.patientShareYen);
      // ⑥ the insurer that covered that month (yamada changed insurer: the notice names the one of the month).
      const month = row.療養年月;
      const coveringThen = coverages.filter((coverage) => coverage.qualificationDate <= `${month}-31` && (!coverage.disqualificationDate || coverage.disqualificationDate > `${month}-01`)).map((coverage) => coverage.insurerName);
      expect(coveringThen).toContain(row.保険者['#text']);
    }
    // Without a session, no file (the route asks the gateway with the session's own token only).
    const stranger = await browser.newContext();
    const anonymous = await stranger.request.get(`${portal.url}/expenses/etax?year=2025`, { maxRedirects: 0 });
    // Sent to the login (the portal's proxy), with nothing of the file.
    expect([302, 303, 307, 401]).toContain(anonymous.status());
    if (anonymous.status() !== 401) expect(anonymous.headers().location).toContain('/login');
    const anonymousBody = await anonymous.text();
    expect(anonymousBody).not.toContain('山田');
    expect(anonymousBody).not.toContain('医療費通知情報');
    await stranger.close();
  });

  test('健康保険証情報 lists every coverage, newest first, with 本人/家族 and the ceiling category, as the API has them', async () => {
    const { page } = session;
    const api = (await system.graphql<{ me: { qualifications: Array<{ insurerName: string; personalFamilyClassification: string }> } }>(
      '{ me { qualifications { insurerName personalFamilyClassification } } }', {}, await system.token('yamada'))).body.data?.me.qualifications ?? [];
    expect(api.length).toBeGreaterThan(0);
    await visit(page, `${portal.url}/insurance`);
    const history = page.getByTestId('coverage-history');
    const cards = history.locator('section.card');
    expect(await cards.count()).toBe(api.length);
    for (const [index, coverage] of api.entries()) {
      const text = await cards.nth(index).innerText();
      expect(text).toContain(coverage.insurerName);
      expect(text).toContain(coverage.personalFamilyClassification === '2' ? '家族（被扶養者）' : '本人（被保険者）');
      expect(text).toContain('限度額適用認定証区分');
    }
    expect(await cards.first().getAttribute('data-in-force')).toBe('true');
    await shootBoth(page, 'insurance');
  });

  test('the home page leads by task (やりたいことから探す), and its notices have a read state that persists', async () => {
    const { page } = session;
    await visit(page, `${portal.url}/`);
    const tasks = page.getByTestId('task-menu').getByRole('link');
    expect(await tasks.count()).toBe(6);
    expect(await tasks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/drugs?view=active', '/checkups', '/expenses#tax-return', '/insurance', '/access', '/phr']);
    // 山田's card certificate expires in 60 days (demo world): the home page says when and where to renew.
    const certificate = page.getByTestId('certificate-notice');
    expect(await certificate.getAttribute('data-standing')).toBe('RENEW_SOON');
    expect(await certificate.innerText()).toContain('市区町村の窓口で更新してください');
    const unread = page.locator('[data-testid=access-notice][data-unread=true], [data-testid=notice][data-unread=true]');
    const before = await unread.count();
    expect(before).toBeGreaterThan(0);
    expect(await page.getByTestId('unread-count').innerText()).toBe(`未読${before}件`);
    await shoot(page, 'home-unread');
    await page.getByRole('button', { name: 'すべて既読にする' }).click();
    // The server action stores the mark and sends the page again: the count goes away when the new page is in.
    await page.getByTestId('unread-count').waitFor({ state: 'detached' });
    expect(page.url()).toBe(`${portal.url}/`);
    expect(await unread.count()).toBe(0);
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    // Stored by the consent service, not in this browser: the API says the same.
    const state = await system.graphql<{ me: { noticesReadThrough: string | null } }>('{ me { noticesReadThrough } }', {}, await system.token('yamada'));
    expect(state.body.data?.me.noticesReadThrough).not.toBeNull();
    await shoot(page, 'home-read');
  });

  test('提供状況 names every reader, groups repeats of a day into one row with a count, and pages the rest; PHR連携 names the app', async () => {
    const { page } = session;
    await visit(page, `${portal.url}/access`);
    expect(await page.locator('h1').innerText()).toBe('医療保険情報の提供状況');
    const summary = page.getByTestId('access-summary');
    const rows = Number(await summary.getAttribute('data-rows'));
    const records = Number(await summary.getAttribute('data-records'));
    expect(rows).toBeLessThan(records);
    // Every reader of every page, by name.
    const readers: string[] = [];
    const pages = rows > 10 ? Math.ceil(rows / 10) : 1;
    expect(pages).toBeGreaterThan(1);
    let log = '';
    for (let number = 1; number <= pages; number += 1) {
      if (number > 1) {
        await page.getByRole('navigation', { name: 'ページ送り' }).getByRole('link', { name: '次のページ' }).click();
        await page.waitForURL(new RegExp(`page=${number}`, 'u'));
        await page.locator('.spinner').waitFor({ state: 'detached' });
      }
      expect(await page.getByRole('navigation', { name: 'ページ送り' }).innerText()).toContain(`${number}／${pages}ページ`);
      const shown = await page.getByTestId('access-row').count();
      expect(shown).toBe(number < pages ? 10 : rows - 10 * (pages - 1));
      readers.push(...await page.getByTestId('access-reader').allInnerTexts());
      log += await page.locator('main table').innerText();
      if (number === 1) await shoot(page, 'access');
    }
    expect(readers.length).toBe(rows);
    for (const name of ['オンシ内科クリニック', YAMADA_INSURER_NAME, DEMO_APP_NAME, '運用者', '港総合病院']) expect(readers).toContain(name);
    expect(readers).not.toContain('—');
    expect(readers.join(' ')).not.toContain('phr-demo');
    expect(log).toContain('本人の同意');
    expect(log).toContain('救急時閲覧');
    // The insurer's three reads of the checkups today are one row that says 3回.
    await visit(page, `${portal.url}/access?reader=${encodeURIComponent('insurer:131011')}`);
    const insurerCheckups = page.getByTestId('access-row').filter({ hasText: '特定健診情報' });
    expect(await insurerCheckups.count()).toBe(1);
    expect(await insurerCheckups.getByTestId('access-times').innerText()).toBe(`${INSURER_CHECKUP_READS}回`);
    expect(await page.getByTestId('access-reader').allInnerTexts()).toEqual(expect.arrayContaining([YAMADA_INSURER_NAME]));
    await visit(page, `${portal.url}/phr`);
    expect(await page.getByTestId('phr-app').first().innerText()).toBe(DEMO_APP_NAME);
    expect(await page.locator('main table').innerText()).not.toContain('phr-demo');
    await shoot(page, 'phr');
  });

  test('the English switch keeps the page and translates it', async () => {
    const { page } = session;
    await visit(page, `${portal.url}/drugs`);
    expect(await page.title()).toBe('薬剤情報 | オンシ・マイポータル');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('h1', { hasText: 'Medicines' }).waitFor();
    expect(page.url()).toBe(`${portal.url}/drugs`);
    // The tab title follows the language, and English uses half-width parentheses and colons in the page's own words.
    expect(await page.title()).toBe('Medicines | Onshi My Portal');
    try {
      await visit(page, `${portal.url}/checkups`);
      expect(await page.title()).toBe('Health checkups | Onshi My Portal');
      // The page's own words (lead, legend, caption, headers, item names); a doctor's free text stays as written.
      const english = (await page.locator('main > p, [data-testid=judgement-legend], caption, thead, tbody th, figcaption').allInnerTexts()).join('\n');
      expect(english.match(/.{0,24}[（）：].{0,24}/gu) ?? []).toEqual([]);
      expect(english).toContain('We recommend that you see a doctor');
    } finally {
      await visit(page, `${portal.url}/drugs`);
      await page.getByRole('button', { name: '日本語に切り替える' }).click();
    }
    await page.locator('h1', { hasText: '薬剤情報' }).waitFor();
    expect(page.url()).toBe(`${portal.url}/drugs`);
  });

  test('every patient page fits a 360 px wide phone without sideways scrolling, and starts with a skip link', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 360, height: 740 });
    for (const pathname of ['/', '/insurance', '/drugs', '/checkups', '/expenses?year=2025', '/access', '/phr']) {
      await visit(page, `${portal.url}${pathname}`);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect({ pathname, overflow }).toEqual({ pathname, overflow: 0 });
      // Tables become cards on phones: no cell (a result, a reason, an amount, a button) lies beyond the screen.
      const clipped = await page.evaluate<string[]>(`[...document.querySelectorAll('main table.table--cards tbody td, main table.table--cards tbody th')]
        .filter((cell) => { const box = cell.getBoundingClientRect(); return box.width > 0 && box.right > document.documentElement.clientWidth + 0.5; })
        .map((cell) => cell.textContent ?? '')`);
      expect({ pathname, clipped }).toEqual({ pathname, clipped: [] });
    }
    for (const pathname of ['/expenses?year=2025', '/access', '/phr']) {
      await visit(page, `${portal.url}${pathname}`);
      expect({ pathname, cardTables: await page.locator('main table.table--cards').count() }).toEqual({ pathname, cardTables: 1 });
    }
    // 特定健診: the newest fiscal year is the first column, on screen next to the item names.
    await visit(page, `${portal.url}/checkups`);
    const newestHeader = page.locator('[data-testid=checkup-table] thead th').nth(1);
    expect(await newestHeader.innerText()).toContain(`${Math.max(...yamadaCheckupYears)}年度`);
    const newestBox = await newestHeader.boundingBox();
    // Its column starts on screen (with the 健診機関 line it may be a little wider than what is left of 360 px).
    expect(newestBox?.x ?? Infinity).toBeLessThan(360 - 48);
    for (const pathname of ['/', '/insurance', '/drugs', '/checkups', '/expenses?year=2025', '/access', '/phr']) {
      await visit(page, `${portal.url}${pathname}`);
      await shootBoth(page, pathname.slice(1).replace(/\?.*$/u, '') || 'home');
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await shoot(page, 'phr-360');
    await visit(page, `${portal.url}/drugs`);
    await shoot(page, 'drugs-360');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('本文へ移動');
    await page.setViewportSize({ width: 1024, height: 900 });
  }, 300_000); // six pages in two languages at two widths, each looked at and photographed

  test('revoking a PHR grant asks first in a dialog: cancel keeps the grant, confirm revokes it', async () => {
    const { page } = session;
    await visit(page, `${portal.url}/phr`);
    const row = page.locator('main table tbody tr', { hasText: DEMO_APP_NAME }).filter({ hasText: '有効' });
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: `${DEMO_APP_NAME}への許可を取り消す` }).click();
    const dialog = page.getByRole('dialog', { name: `${DEMO_APP_NAME}への許可を取り消しますか？` });
    await dialog.waitFor();
    // The safe choice has the focus; the page behind is inert while the dialog is open.
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('やめる');
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 740 });
      await shoot(page, `phr-revoke-dialog-${width}`);
    }
    await dialog.getByRole('button', { name: 'やめる' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await page.locator('.spinner').waitFor({ state: 'detached' });
    const token = await system.token('yamada');
    const grantsOf = async () => (await system.graphql<{ me: { phrGrants: Array<{ appId: string; active: boolean }> } }>('{ me { phrGrants { appId active } } }', {}, token)).body.data?.me.phrGrants ?? [];
    expect((await grantsOf()).filter((grant) => grant.appId === 'phr-demo' && grant.active).length).toBe(1);
    // Escape cancels too.
    await row.getByRole('button', { name: `${DEMO_APP_NAME}への許可を取り消す` }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await grantsOf()).filter((grant) => grant.appId === 'phr-demo' && grant.active).length).toBe(1);
    await row.getByRole('button', { name: `${DEMO_APP_NAME}への許可を取り消す` }).click();
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await page.waitForURL(`${portal.url}/phr?result=revoked`);
    expect(await page.getByRole('status').innerText()).toContain('取り消しました');
    expect((await grantsOf()).filter((grant) => grant.appId === 'phr-demo' && grant.active).length).toBe(0);
    expect(await page.locator('main table tbody tr', { hasText: DEMO_APP_NAME }).first().innerText()).toContain('取り消し済み');
    await page.setViewportSize({ width: 1024, height: 900 });
  });

  test('an expired access token is renewed silently; with no session the login returns to the same page; logout ends the session', async () => {
    const { context, page } = session;
    await context.clearCookies({ name: 'onshi_at' });
    await visit(page, `${portal.url}/expenses?year=2025`);
    expect(page.url()).toBe(`${portal.url}/expenses?year=2025`);
    expect(await page.locator('h1').innerText()).toBe('医療費');
    const renewed = (await context.cookies()).find((cookie) => cookie.name === 'onshi_at');
    expect(renewed).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await context.clearCookies();
    await visit(page, `${portal.url}/checkups`);
    expect(page.url()).toBe(`${portal.url}/login?next=%2Fcheckups`);
    await page.fill('#cardSerial', YAMADA_CARD);
    await page.fill('#pin', DEMO_PIN);
    await page.click('main button[type=submit]');
    await page.waitForURL(`${portal.url}/checkups`);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(`${portal.url}/login?loggedOut=1`);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('onshi_at');
    await visit(page, `${portal.url}/drugs`);
    expect(page.url()).toContain('/login?next=%2Fdrugs');
  });

  test('page weight is measured and printed: JavaScript (gzip) and fonts per page', async () => {
    // The test before logs the session out: log in again, or every page below would be the login page it redirects to.
    const login = await session.context.newPage();
    await visit(login, `${portal.url}/login?next=%2F`);
    await login.fill('#cardSerial', YAMADA_CARD);
    await login.fill('#pin', DEMO_PIN);
    await login.click('main button[type=submit]');
    await login.waitForURL(`${portal.url}/`);
    await login.close();
    for (const pathname of ['/', '/insurance', '/drugs', '/checkups', '/expenses?year=2025', '/access', '/phr']) {
      const page = await session.context.newPage();
      const loads: Array<Promise<{ kind: 'js' | 'font'; bytes: number }>> = [];
      page.on('response', (response) => {
        const type = response.headers()['content-type'] ?? '';
        const kind = /javascript/u.test(type) ? 'js' : /font|woff/u.test(type) || /\.woff2?$/u.test(response.url()) ? 'font' : undefined;
        if (kind) loads.push(response.body().then((body) => ({ kind, bytes: kind === 'js' ? gzipSync(body).length : body.length }), () => ({ kind, bytes: 0 })));
      });
      await page.goto(`${portal.url}${pathname}`);
      await page.waitForLoadState('networkidle');
      // The page itself was measured, not a login page it redirected to.
      expect(new URL(page.url()).pathname).toBe(pathname.replace(/\?.*$/u, ''));
      const sizes = await Promise.all(loads);
      const name = pathname.replace(/\?.*$/u, '') || '/';
      record(`jsGzipKB ${name}`, Math.round(sizes.filter((size) => size.kind === 'js').reduce((sum, size) => sum + size.bytes, 0) / 1024));
      record(`fontKB ${name}`, Math.round(sizes.filter((size) => size.kind === 'font').reduce((sum, size) => sum + size.bytes, 0) / 1024));
      await page.close();
    }
    expect(Object.keys(measurements).filter((key) => key.startsWith('jsGzipKB')).length).toBe(7);
    // The budgets of portal/README.md "Weight and accessibility": JavaScript ≤ 150 KB gzip and fonts ≤ 100 KB per page.
    const overBudget = Object.entries(measurements).filter(([key, value]) => (key.startsWith('jsGzipKB') && value > 150) || (key.startsWith('fontKB') && value > 100));
    expect(overBudget).toEqual([]);
  });

  test('no console errors on any patient page', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});

describe('a person registered as a DV victim (sato): her portal', () => {
  test('shows her insurance; drugs, checkups and expenses say neutrally that the portal cannot show them, the same words each time', async () => {
    const { context, page, consoleErrors } = await openSession();
    await cardLogin(page, 'CARD-SATO-0002', DEMO_PIN);
    await page.waitForURL(`${portal.url}/`);
    await page.locator('.spinner').waitFor({ state: 'detached' });
    expect(await page.locator('main').innerText()).toContain('全国健康保険協会');
    await shoot(page, 'dv-home');
    const shown: string[] = [];
    for (const pathname of ['/drugs', '/drugs?view=active', '/checkups', '/expenses']) {
      await visit(page, `${portal.url}${pathname}`);
      const state = page.locator('[data-state=not-shown]');
      await state.waitFor();
      const text = await page.locator('main').innerText();
      expect(text).toContain('この情報はポータルでは表示できません');
      expect(text).toContain('ご加入の保険者');
      // Nothing names a block or a reason, and nothing of her drugs leaves.
      expect(text).not.toMatch(/DV|虐待|権限|停止|ロキソニン/);
      shown.push(await state.innerText());
      await shoot(page, `dv${pathname.replace(/[/?=]/g, '-')}`);
    }
    expect(new Set(shown).size).toBe(1);
    await visit(page, `${portal.url}/access`);
    expect(await page.locator('main').innerText()).not.toMatch(/DV|提供停止/);
    await shoot(page, 'dv-access');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  test('axe-core finds no violation of any impact on any photographed page state', () => {
    // Runs last: every shoot() above checked its page state (patient, kiosk, clinic, English, 360 px, dialogs).
    expect(checkedStates.size).toBeGreaterThan(40);
    expect(accessibilityViolations).toEqual([]);
  });
});
