/**
 * Onboarding in the portal, in Chromium against the production build and the real system (docs/operations.md "Taking a
 * new facility into use"): the operator registers a clinic and its administrator (the one-time link shown once),
 * registers, suspends and retires its reader and reads the change history with before and after; the administrator
 * enrolls through the link (QR code of the otpauth URI, first code), logs in, enrolls a doctor, who enrolls and logs
 * in; the administrator resets the doctor's password (a new link; the old password stops) and then disables the doctor. Attacks: another clinic's administrator sees and changes nothing of this
 * clinic; a receptionist who is no administrator is refused; a used link is refused in plain words. Every page state
 * is checked with axe-core and photographed at 360 and 1280 px (test-output/screenshots/onboarding-*.png), with no
 * sideways scrolling at 360 px. PHR apps: the operator registers one (its secret shown once), rotates and disables it; the
 * patient's PHR連携 names the app and its operator; a doctor or a patient sent to the console gets nothing.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withCheckDigit } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_STAFF, demoTotpSecret } from '@onshi/demo';
import { newReaderKeyPair } from '@onshi/platform/readerStatement';
import { totpCode } from '../../subgraphs/consent/src/services/identity/staffAuth';
import { accessTokenOf as accessTokenOfAt, browserSessions, enrollStaffMember, enrollThroughLink as enrollThroughLinkAt, registerFacility as registerFacilityAt, STAFF_PASSWORD, startPortalSystem, stopPortalSystem, type Session } from '../e2e/onboardingSteps';
import { pageChecks, staffLogin as staffLoginAt } from '../e2e/pageChecks';
import type { RunningPortal } from '../e2e/portal';
import type { TestSystem } from './harness';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots');
const DEMO_PASSWORD = 'onshi-demo-pass';
const PASSWORD = STAFF_PASSWORD;
/** Codes no demo facility has (the generated ones number 1000–1059): two Osaka 医科 clinics, A and B. */
const CLINIC_A = withCheckDigit('271059101');
const CLINIC_B = withCheckDigit('271059102');

let system: TestSystem;
let portal: RunningPortal;
let browser: Browser;
let operatorToken = '';

beforeAll(async () => {
  ({ system, portal, browser } = await startPortalSystem(SCREENSHOTS));
}, 600_000);

afterAll(() => stopPortalSystem({ system, portal, browser }));

const { openSession, closeAll } = browserSessions(() => browser);
afterAll(closeAll);

const staffLogin = (page: Page, facilityCode: string | undefined, staffId: string, password: string, secret: string, stepsAhead = 0) => staffLoginAt(portal.url, page, facilityCode, staffId, password, secret, stepsAhead);

async function demoLogin(page: Page, account: string): Promise<void> {
  const staff = DEMO_STAFF.find((candidate) => candidate.account === account);
  if (!staff) throw new Error(`no demo staff ${account}`);
  await staffLogin(page, staff.facilityCode, staff.staffId, DEMO_PASSWORD, demoTotpSecret(system.demo.seed, account));
}

const accessTokenOf = (context: BrowserContext) => accessTokenOfAt(context, portal.url);

const { shoot, violations, checked } = pageChecks(SCREENSHOTS, 'onboarding', (found) => expect(found).toEqual({ ...found, overflow: 0 }));

interface LogRow { actorRole: string; actorSubject: string; decision: string; reason: string }
async function facilityLog(code: string): Promise<LogRow[]> {
  const result = await system.graphql<{ accessLogSearch: LogRow[] }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 500) { actorRole actorSubject decision reason } }', { p: `facility:${code}` }, operatorToken);
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}

const registerFacility = (page: Page, code: string, name: string, shootAs?: string) => registerFacilityAt(portal.url, page, code, name, shootAs ? { as: shootAs, shoot } : undefined);
const enrollThroughLink = (link: string, shootAs?: string) => enrollThroughLinkAt(openSession, link, shootAs ? { as: shootAs, shoot } : undefined);

describe('taking a clinic into use in the portal', () => {
  let operator: Session;
  let linkA = '';
  let readerId = '';
  let adminA: Session;
  let adminASecret = '';

  beforeAll(async () => {
    operator = await openSession();
    await demoLogin(operator.page, 'admin');
    await operator.page.waitForURL(`${portal.url}/operator`);
    operatorToken = await accessTokenOf(operator.context);
  }, 120_000);

  test('1. the operator registers clinic A and its administrator: the link is shown once; the list shows the clinic', async () => {
    const { page } = operator;
    await page.goto(`${portal.url}/operator/facilities`);
    expect(await page.locator('nav.nav a[aria-current=page]').textContent()).toBe('医療機関の登録');
    await shoot(page, 'operator-facilities');
    // Bad input first: a wrong check digit is refused naming the field, and nothing is stored.
    await page.fill('#code', `${CLINIC_A.slice(0, 9)}${(Number(CLINIC_A.charAt(9)) + 1) % 10}`);
    await page.fill('#name', 'テストA内科');
    await page.fill('#prefecture', '27');
    await page.fill('#administratorStaffId', 'M0001');
    await page.fill('#administratorName', '施設 管理者');
    await page.click('section[aria-labelledby=register-facility-title] button[type=submit]');
    await expect(page.locator('[role=alert][data-code=BAD_USER_INPUT]').textContent()).resolves.toContain('code');
    await shoot(page, 'operator-facilities-refused');

    linkA = await registerFacility(page, CLINIC_A, 'テストA内科', 'operator-facility-registered');
    expect(new URL(linkA).pathname).toBe('/staff/enroll');
    // Shown once: the page loaded again shows no link, and the list has the clinic.
    await page.goto(`${portal.url}/operator/facilities`);
    expect(await page.getByTestId('enrollment-url').count()).toBe(0);
    expect(await page.locator(`[data-testid=facilities-table] tr[data-code="${CLINIC_A}"]`).textContent()).toContain('テストA内科');
    expect(await page.content()).not.toContain(new URL(linkA).searchParams.get('token') ?? 'no-token');
    // The same code again: refused as a duplicate.
    await page.fill('#code', CLINIC_A);
    await page.fill('#name', '二重登録');
    await page.fill('#prefecture', '27');
    await page.fill('#administratorStaffId', 'M0002');
    await page.fill('#administratorName', '別 人');
    await page.click('section[aria-labelledby=register-facility-title] button[type=submit]');
    await expect(page.locator('main [role=alert][data-code=BAD_USER_INPUT]').textContent()).resolves.toBe('この医療機関コードは登録済みです。');
  });

  test('1. the operator registers, suspends and retires clinic A\'s reader and sees each change with before and after', async () => {
    const { page } = operator;
    await page.goto(`${portal.url}/operator/facilities/${CLINIC_A}`);
    await shoot(page, 'operator-facility');
    const { publicJwk, privateJwk } = await newReaderKeyPair();
    // A private key is refused (docs/operations.md step 4: only an Ed25519 public key).
    await page.fill('#label', '受付');
    await page.fill('#publicKeyJwk', JSON.stringify(privateJwk));
    await page.click('section[aria-labelledby=register-reader-title] button[type=submit]');
    await page.waitForURL((url) => url.searchParams.get('error') === 'BAD_USER_INPUT');
    expect(await page.getByTestId('readers-table').count()).toBe(0);
    await page.fill('#label', '受付');
    await page.fill('#publicKeyJwk', JSON.stringify(publicJwk));
    await page.click('section[aria-labelledby=register-reader-title] button[type=submit]');
    await page.waitForURL((url) => url.searchParams.get('done') === 'reader');
    const row = page.locator('[data-testid=readers-table] tbody tr');
    expect(await row.count()).toBe(1);
    readerId = await row.getAttribute('data-reader') ?? '';
    expect(await row.getAttribute('data-status')).toBe('ACTIVE');
    await row.locator('button[data-status=SUSPENDED]').click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'reader');
    await page.locator('[data-testid=readers-table] tbody tr[data-status=SUSPENDED]').waitFor();
    await shoot(page, 'operator-facility-reader-suspended');
    // The API agrees: the reader is suspended.
    const readers = await system.graphql<{ readersOfFacility: Array<{ id: string; status: string }> }>('query($f: String!) { readersOfFacility(facilityCode: $f) { id status } }', { f: CLINIC_A }, operatorToken);
    expect(readers.body.data?.readersOfFacility).toEqual([{ id: readerId, status: 'SUSPENDED' }]);
    await page.locator('[data-testid=readers-table] tbody tr button[data-status=ACTIVE]').click();
    await page.locator('[data-testid=readers-table] tbody tr[data-status=ACTIVE]').waitFor();
    await page.locator('[data-testid=readers-table] tbody tr button[data-status=RETIRED]').click();
    await page.locator('[data-testid=readers-table] tbody tr[data-status=RETIRED]').waitFor();
    expect(await page.locator('[data-testid=readers-table] tbody tr button').count()).toBe(0);
    // A second, active reader for the administrator's page.
    const second = await newReaderKeyPair();
    await page.fill('#label', '診察室');
    await page.fill('#publicKeyJwk', JSON.stringify(second.publicJwk));
    await page.click('section[aria-labelledby=register-reader-title] button[type=submit]');
    await page.locator('[data-testid=readers-table] tbody tr[data-status=ACTIVE]').waitFor();

    const changes = await page.locator('[data-testid=changes-table] tbody tr').evaluateAll((rows) => rows.map((tr) => ({
      action: tr.getAttribute('data-action'),
      before: tr.querySelector('[data-testid=change-before]')?.textContent ?? '',
      after: tr.querySelector('[data-testid=change-after]')?.textContent ?? '',
    })));
    expect(changes.map((change) => change.action)).toEqual(['REGISTER_READER', 'SET_READER_STATUS', 'SET_READER_STATUS', 'SET_READER_STATUS', 'REGISTER_READER', 'REGISTER_FACILITY']);
    const statuses = changes.filter((change) => change.action === 'SET_READER_STATUS').map((change) => [JSON.parse(change.before).status, JSON.parse(change.after).status]);
    expect(statuses).toEqual([['ACTIVE', 'RETIRED'], ['SUSPENDED', 'ACTIVE'], ['ACTIVE', 'SUSPENDED']]);
    expect(changes.at(-1)?.before).toBe('（新規）');
    expect(JSON.parse(changes.at(-1)?.after ?? '{}')).toMatchObject({ code: CLINIC_A, name: 'テストA内科' });
    await shoot(page, 'operator-facility-changes');
    expect(operator.consoleErrors).toEqual([]);
  });

  test('1. the facility list: ten a page with a pager, found by name, code start or prefecture; a facility\'s page is headed with its name', async () => {
    const { page } = operator;
    await page.goto(`${portal.url}/operator/facilities`);
    const rows = page.locator('[data-testid=facilities-table] tbody tr');
    const codes = () => rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-code')));
    expect(await rows.count()).toBe(10);
    expect((await codes())[0]).toBe(CLINIC_A); // newest first
    const total = Number(await page.getByTestId('facilities-summary').getAttribute('data-total'));
    expect(total).toBeGreaterThan(60);
    expect(await page.getByTestId('facilities-pager').textContent()).toContain(`1／${Math.ceil(total / 10)}ページ`);
    // The whole list at a phone's width was some 17,000 px tall; a page of ten stays within a few screens.
    await page.setViewportSize({ width: 360, height: 900 });
    expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThan(9_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, 'operator-facilities-page-1');
    await page.getByTestId('facilities-pager').locator('a[rel=next]').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    expect(await rows.count()).toBe(10);
    expect(await codes()).not.toContain(CLINIC_A);
    await shoot(page, 'operator-facilities-page-2');

    await page.fill('#facility-q', 'テストA');
    await page.click('[data-testid=facility-search] button[type=submit]');
    await page.waitForURL((url) => url.searchParams.get('q') === 'テストA');
    expect(await codes()).toEqual([CLINIC_A]);
    expect(await page.getByTestId('facilities-pager').count()).toBe(0);
    await shoot(page, 'operator-facilities-search');
    await page.fill('#facility-q', DEMO_CLINIC.code.slice(0, 6));
    await page.click('[data-testid=facility-search] button[type=submit]');
    await page.waitForURL((url) => url.searchParams.get('q') === DEMO_CLINIC.code.slice(0, 6));
    expect(await codes()).toContain(DEMO_CLINIC.code);
    expect((await codes()).every((code) => code?.startsWith(DEMO_CLINIC.code.slice(0, 6)))).toBe(true);
    await page.fill('#facility-q', '');
    await page.selectOption('#facility-prefecture', '27');
    await page.click('[data-testid=facility-search] button[type=submit]');
    await page.waitForURL((url) => url.searchParams.get('prefecture') === '27');
    expect(await codes()).toContain(CLINIC_A);
    expect((await codes()).every((code) => code?.startsWith('27'))).toBe(true);
    await page.fill('#facility-q', 'どこにもない名前');
    await page.click('[data-testid=facility-search] button[type=submit]');
    await page.waitForURL((url) => url.searchParams.get('q') === 'どこにもない名前');
    expect(await page.getByTestId('facilities-summary').textContent()).toBe('該当する施設はありません。');
    expect(await rows.count()).toBe(0);
    await shoot(page, 'operator-facilities-none');

    await page.goto(`${portal.url}/operator/facilities/${DEMO_CLINIC.code}`);
    expect(await page.locator('main h1').textContent()).toBe(DEMO_CLINIC.name);
    expect(await page.getByTestId('facility-code').textContent()).toContain(DEMO_CLINIC.code);
    await shoot(page, 'operator-facility-demo-clinic');
  });

  test('2–3. the administrator enrolls through the link (QR code, first code), and a used link is refused in plain words', async () => {
    adminASecret = await enrollThroughLink(linkA, 'enroll');
    const { page } = await openSession();
    await page.goto(linkA);
    await page.fill('#password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.getByTestId('enroll-refused').waitFor();
    expect(await page.getByTestId('enroll-refused').textContent()).toContain('このリンクは使えません');
    expect(await page.getByTestId('enroll-qr').count()).toBe(0);
    await shoot(page, 'enroll-used');
  });

  test('2. the administrator logs in, sees the readers, enrolls a doctor; the doctor enrolls and logs in; then is disabled', async () => {
    adminA = await openSession();
    await staffLogin(adminA.page, CLINIC_A, 'M0001', PASSWORD, adminASecret, 1);
    const { page } = adminA;
    await page.goto(`${portal.url}/clinic/admin`);
    expect(await page.locator('h1').textContent()).toBe('施設の管理：テストA内科');
    const readerRows = await page.locator('[data-testid=readers-table] tbody tr').evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-status')));
    expect(readerRows.sort()).toEqual(['ACTIVE', 'RETIRED']);
    await shoot(page, 'facility-admin');
    const doctorLink = await enrollStaffMember(portal.url, page, 'D0001', '新規 医師', 'DOCTOR', { as: 'facility-admin-enrolled', shoot });
    await page.goto(`${portal.url}/clinic/admin`);
    expect(await page.locator('[data-testid=staff-table] tr[data-staff=D0001]').getAttribute('data-state')).toBe('pending');

    let doctorSecret = await enrollThroughLink(doctorLink);
    const doctor = await openSession();
    await staffLogin(doctor.page, CLINIC_A, 'D0001', PASSWORD, doctorSecret, 1);
    expect(new URL(doctor.page.url()).pathname).toBe('/clinic');
    // The doctor is no administrator: the page refuses, shows nothing of the facility's staff.
    await doctor.page.goto(`${portal.url}/clinic/admin`);
    await doctor.page.getByTestId('not-facility-admin').waitFor();
    expect(await doctor.page.getByTestId('staff-table').count()).toBe(0);

    // Password reset: a new link shown once; the old password stops at once; the doctor enrolls again.
    await page.goto(`${portal.url}/clinic/admin`);
    expect(await page.locator('#reset-staffId option').allInnerTexts()).toEqual(['新規 医師（D0001）']);
    await page.selectOption('#reset-staffId', 'D0001');
    await page.click('section[aria-labelledby=reset-password-title] button[type=submit]');
    await page.getByTestId('password-reset').waitFor();
    await shoot(page, 'facility-admin-password-reset');
    const resetLink = await page.locator('section[aria-labelledby=reset-password-title]').getByTestId('enrollment-url').inputValue();
    const oldLogin = await system.graphql('mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { accessToken } }',
      { f: CLINIC_A, s: 'D0001', p: PASSWORD, t: totpCode(doctorSecret, new Date(Date.now() + 30_000)) });
    expect(oldLogin.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.goto(`${portal.url}/clinic/admin`);
    expect(await page.locator('[data-testid=staff-table] tr[data-staff=D0001]').getAttribute('data-state')).toBe('pending');
    doctorSecret = await enrollThroughLink(resetLink);

    await page.goto(`${portal.url}/clinic/admin`);
    expect(await page.locator('[data-testid=staff-table] tr[data-staff=D0001]').getAttribute('data-state')).toBe('enrolled');
    await page.locator('[data-testid=staff-table] tr[data-staff=D0001] button').click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'disabled');
    expect(await page.locator('[data-testid=staff-table] tr[data-staff=D0001]').getAttribute('data-state')).toBe('disabled');
    await shoot(page, 'facility-admin-disabled');
    const login = await system.graphql('mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { accessToken } }',
      { f: CLINIC_A, s: 'D0001', p: PASSWORD, t: totpCode(doctorSecret, new Date(Date.now() + 60_000)) });
    expect(login.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(adminA.consoleErrors).toEqual([]);
  });

  test('attack: clinic B\'s administrator sees none of clinic A\'s staff or readers and cannot change them', async () => {
    const linkB = await registerFacility(operator.page, CLINIC_B, 'テストB内科');
    const secretB = await enrollThroughLink(linkB);
    const adminB = await openSession();
    await staffLogin(adminB.page, CLINIC_B, 'M0001', PASSWORD, secretB, 1);
    const { page } = adminB;
    const html: string[] = [];
    page.on('response', (response) => { if (response.url().startsWith(portal.url)) void response.text().then((text) => html.push(text), () => undefined); });
    await page.goto(`${portal.url}/clinic/admin`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe('施設の管理：テストB内科');
    expect(await page.locator('[data-testid=staff-table] tbody tr').evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-staff')))).toEqual(['M0001']);
    expect(await page.getByTestId('readers-table').count()).toBe(0);
    expect(html.join('\n')).not.toContain('新規 医師');
    expect(html.join('\n')).not.toContain(readerId);

    // A forged disable of clinic A's doctor with B's own session: not found at B (the facility is always the actor's own).
    const before = (await facilityLog(CLINIC_A)).length;
    const tokenB = await accessTokenOf(adminB.context);
    const foreign = await system.graphql('mutation { disableStaff(staffId: "D0001") { staffId disabledAt } }', {}, tokenB);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign.body.data ?? null).toBeNull();
    // The operator's views of clinic A are refused to B's administrator: the console sends them to /clinic, the API says FORBIDDEN, logged under A.
    await page.goto(`${portal.url}/operator/facilities/${CLINIC_A}`);
    await page.waitForURL(`${portal.url}/clinic`);
    const readers = await system.graphql('query($f: String!) { readersOfFacility(facilityCode: $f) { id } }', { f: CLINIC_A }, tokenB);
    expect(readers.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(readers.text).not.toContain(readerId);
    const suspend = await system.graphql('mutation($r: ID!) { setCardReaderStatus(readerId: $r, status: SUSPENDED) { status } }', { r: readerId }, tokenB);
    expect(suspend.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    const logA = await facilityLog(CLINIC_A);
    expect(logA.length).toBeGreaterThan(before);
    expect(logA).toEqual(expect.arrayContaining([expect.objectContaining({ actorSubject: `${CLINIC_B}:M0001`, decision: 'DENY', reason: 'VIEW_FACILITIES:NOT_OPERATOR' })]));
    // Clinic A's changes hold no change by B's administrator.
    const changes = await system.graphql<{ adminChanges: Array<{ actorSubject: string }> }>('query($f: String!) { adminChanges(facilityCode: $f, first: 200) { actorSubject } }', { f: CLINIC_A }, operatorToken);
    expect(changes.body.data?.adminChanges.map((change) => change.actorSubject)).not.toContain(`${CLINIC_B}:M0001`);
  });

  test('attack: a receptionist who is not the administrator gets the refusal, no staff data, and the refusal is logged', async () => {
    const reception = await openSession();
    await demoLogin(reception.page, 'clinic-reception');
    const html: string[] = [];
    reception.page.on('response', (response) => { if (response.url().startsWith(portal.url)) void response.text().then((text) => html.push(text), () => undefined); });
    await reception.page.goto(`${portal.url}/clinic/admin`);
    await reception.page.getByTestId('not-facility-admin').waitFor();
    await reception.page.waitForLoadState('networkidle');
    expect(await reception.page.locator('[data-testid=staff-table], [data-testid=readers-table], #staffId').count()).toBe(0);
    expect(html.join('\n')).not.toContain('医師 健');
    await shoot(reception.page, 'facility-admin-refused');
    expect(await facilityLog(DEMO_CLINIC.code)).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: 'RECEPTION', decision: 'DENY', reason: 'VIEW_FACILITY_STAFF:NOT_FACILITY_ADMIN' })]));
    // Enrolling through the API with the same session: refused, nothing stored.
    const attempt = await system.graphql('mutation { enrollStaff(staffId: "X0009", displayName: "侵入 者", role: DOCTOR) { enrollmentToken } }', {}, await accessTokenOf(reception.context));
    expect(attempt.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_FACILITY_ADMIN' });
    expect(attempt.text).not.toContain('enrollmentToken');
  });

  test('PHR apps: the operator registers one (the secret shown once), a refused form says why, rotates the secret and disables the app', async () => {
    const { page } = operator;
    await page.goto(`${portal.url}/operator/phr-apps`);
    await page.getByTestId('phr-apps').waitFor();
    expect(await page.locator('[data-client-id=phr-demo]').innerText()).toContain('デモヘルスケア株式会社');
    await shoot(page, 'operator-phr-apps');

    // A client id already taken, and no scopes: refused in plain words, nothing registered.
    await page.fill('#displayName', 'かけいぼヘルス');
    await page.fill('#operatorName', '株式会社テスト家計');
    await page.fill('#clientId', 'phr-demo');
    await page.click('form:has(#displayName) button[type=submit]');
    await page.getByRole('alert').filter({ hasText: '提供を求められる情報を1つ以上選んでください' }).waitFor();
    await page.check('input[name=scopes][value=QUALIFICATION]');
    await page.check('input[name=scopes][value=EXPENSES]');
    await page.click('form:has(#displayName) button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'このクライアントIDは登録済みです' }).waitFor();
    // A refused form keeps what was typed.
    expect([await page.inputValue('#displayName'), await page.isChecked('input[name=scopes][value=EXPENSES]')]).toEqual(['かけいぼヘルス', true]);
    await shoot(page, 'operator-phr-app-refused');
    expect((await system.graphql<{ phrApps: unknown[] }>('{ phrApps { clientId } }', {}, operatorToken)).body.data?.phrApps).toHaveLength(1);
    await page.fill('#clientId', 'kakeibo-health');
    await page.click('form:has(#displayName) button[type=submit]');
    const registered = page.getByTestId('client-secret');
    await registered.waitFor();
    expect(await registered.innerText()).toContain('二度と表示されません');
    const secret = await registered.getByTestId('client-secret-value').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(43);
    await shoot(page, 'operator-phr-app-registered');
    // The secret works once handed over; a reload shows it nowhere.
    const yamada = await system.token('yamada');
    const granted = await system.graphql<{ grantPhrAccess: { id: string } }>('mutation { grantPhrAccess(appId: "kakeibo-health", categories: [EXPENSES]) { id } }', {}, yamada);
    expect(granted.body.errors).toBeUndefined();
    const grantId = granted.body.data?.grantPhrAccess.id;
    const appLogin = (s: string) => system.graphql('mutation($s: String!, $g: ID!) { phrToken(clientId: "kakeibo-health", clientSecret: $s, grantId: $g) { accessToken } }', { s, g: grantId });
    expect((await appLogin(secret)).body.errors).toBeUndefined();
    await page.goto(`${portal.url}/operator/phr-apps`);
    expect(await page.content()).not.toContain(secret);

    // The patient's PHR連携 names the app and the company running it, and offers the registered apps by name.
    const patient = await openSession();
    await patient.context.addCookies([{ name: 'onshi_at', value: yamada, url: portal.url }]);
    await patient.page.goto(`${portal.url}/phr`);
    const row = patient.page.locator('tr', { has: patient.page.getByTestId('phr-app').filter({ hasText: 'かけいぼヘルス' }) });
    expect(await row.getByTestId('phr-app-operator').innerText()).toBe('運営：株式会社テスト家計');
    expect(await patient.page.locator('#appId option').allInnerTexts()).toEqual(expect.arrayContaining(['かけいぼヘルス（運営：株式会社テスト家計）']));
    expect(await patient.page.content()).not.toContain('kakeibo-health</');
    await shoot(patient.page, 'patient-phr-operator');

    // Rotation: a new secret shown once; the old one is refused at once.
    const card = page.locator('[data-client-id=kakeibo-health]');
    await card.getByRole('button', { name: 'かけいぼヘルスのシークレットを再発行' }).click();
    await card.getByTestId('client-secret').waitFor();
    const rotated = await card.getByTestId('client-secret-value').inputValue();
    expect(rotated).not.toBe(secret);
    await shoot(page, 'operator-phr-app-rotated');
    expect((await appLogin(secret)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await appLogin(rotated)).body.errors).toBeUndefined();

    // Disabling asks first, then the app gets nothing more.
    await page.goto(`${portal.url}/operator/phr-apps`);
    await page.locator('[data-client-id=kakeibo-health]').getByRole('button', { name: 'かけいぼヘルスを無効化する' }).click();
    const dialog = page.getByTestId('disable-app-dialog').filter({ visible: true });
    await dialog.waitFor();
    await shoot(page, 'operator-phr-app-disable-dialog');
    await dialog.getByRole('button', { name: '無効化する' }).click();
    await page.waitForURL(/done=disabled/);
    expect(await page.locator('[data-client-id=kakeibo-health]').getAttribute('data-state')).toBe('disabled');
    await shoot(page, 'operator-phr-app-disabled');
    expect((await appLogin(rotated)).body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PHR_APP_DISABLED' });
    const changes = await system.graphql<{ phrAppChanges: Array<{ action: string; actorSubject: string; after: string }> }>('{ phrAppChanges(clientId: "kakeibo-health") { action actorSubject after } }', {}, operatorToken);
    expect(changes.body.data?.phrAppChanges.map((change) => change.action)).toEqual(['DISABLE_PHR_APP', 'ROTATE_PHR_APP_SECRET', 'REGISTER_PHR_APP']);
    expect(JSON.stringify(changes.body.data)).not.toContain(secret);
    expect(JSON.stringify(changes.body.data)).not.toContain(rotated);
    expect(operator.consoleErrors).toEqual([]);
    expect(patient.consoleErrors).toEqual([]);
  });

  test('attack: a patient and a clinic doctor sent to the PHR app console see no app and get no secret', async () => {
    const doctor = await openSession();
    await demoLogin(doctor.page, 'clinic-doctor');
    await doctor.page.goto(`${portal.url}/operator/phr-apps`);
    expect(new URL(doctor.page.url()).pathname).toBe('/clinic');
    expect(await doctor.page.content()).not.toContain('けんこう手帳');
    const patient = await openSession();
    await patient.context.addCookies([{ name: 'onshi_at', value: await system.token('sato'), url: portal.url }]);
    await patient.page.goto(`${portal.url}/operator/phr-apps`);
    expect(new URL(patient.page.url()).pathname).toBe('/');
    const attempt = await system.graphql('mutation { registerPhrApp(displayName: "x", operatorName: "x", scopes: [DRUG]) { clientSecret } }', {}, await accessTokenOf(doctor.context));
    expect(attempt.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(attempt.text).not.toContain('clientSecret');
  });

  test('axe-core finds no violation on any page state', () => {
    expect(checked.size).toBeGreaterThanOrEqual(40);
    expect(violations).toEqual([]);
  });
});
