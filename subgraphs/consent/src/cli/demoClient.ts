/**
 * Client side of the demo logins, shared by `pnpm demo:token` and the system tests' harness: every demo
 * account logs in through the real flows over GraphQL (card challenge + PIN + signature; staff ID +
 * password + TOTP; PHR client secret + the patient's grant). Nothing here is trusted by the server.
 */
import type { DemoOptions } from '@onshi/kit';
import { DEMO_PHR_APPS, DEMO_PIN, DEMO_STAFF, DEMO_STAFF_PASSWORD, demoPatient, demoPatientCard, demoPhrAppSecret, demoTotpSecret, signChallenge, signWithDemoPatientCard } from '@onshi/demo';
import { signReaderStatement, type ReaderKey } from '@onshi/platform/readerStatement';
import { TOTP_PERIOD_SECONDS, TOTP_WINDOW, totpCode } from '../services/identity/staffAuth';
import type { LoginResultData } from '../services/identity/sessions';

/** What a login answers: the login mutations' result, as the sessions service builds it. */
export type LoginResultShape = LoginResultData;

export interface GraphQLResult { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }
export type GraphQLCall = (query: string, variables: Record<string, unknown>, token?: string) => Promise<GraphQLResult>;

const LOGIN_FIELDS = 'accessToken refreshToken expiresAt role patientId facilityCode displayName';

/** The demo patients with a login name (README "Demo accounts"); any other demo patient is `patient-<index>`. */
export function demoCardSerial(demo: DemoOptions, account: string): string | undefined {
  for (const index of [0, 1]) {
    const patient = demoPatient(demo, index);
    if (patient.account === account) return patient.cardSerial;
  }
  const match = /^patient-(\d+)$/.exec(account);
  if (match && Number(match[1]) < demo.patients) return demoPatient(demo, Number(match[1])).cardSerial;
  return undefined;
}

function loginResultOf(result: GraphQLResult, field: string, account: string): LoginResultShape {
  const value = result.data?.[field] as LoginResultShape | undefined | null;
  if (!value) throw new Error(`login failed for ${account}: ${result.errors?.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('; ') ?? 'no data'}`);
  return value;
}

/** Card login with the virtual card of a demo patient (docs/contracts.md contract 1). */
export async function cardLogin(call: GraphQLCall, demo: DemoOptions, cardSerial: string, pin = DEMO_PIN): Promise<LoginResultShape> {
  const started = await call('mutation($cardSerial: String!) { startCardLogin(cardSerial: $cardSerial) { challengeId challenge } }', { cardSerial });
  const challenge = started.data?.startCardLogin as { challengeId: string; challenge: string } | undefined;
  if (!challenge) throw new Error(`startCardLogin failed: ${JSON.stringify(started.errors)}`);
  const card = demoPatientCard(demo.seed, cardSerial);
  const signature = signChallenge(card.privateKey, challenge.challenge);
  const completed = await call(`mutation($id: ID!, $pin: String!, $signature: String!) { completeCardLogin(challengeId: $id, pin: $pin, signature: $signature) { ${LOGIN_FIELDS} } }`, { id: challenge.challengeId, pin, signature });
  return loginResultOf(completed, 'completeCardLogin', cardSerial);
}

/**
 * Staff login (docs/contracts.md contract 2) with the code the authenticator shows now. A TOTP code is accepted once per
 * 30 s step: when the step was already used (TOTP_REUSED, e.g. a second `demo:token` within 30 s), this logs in with
 * the next step's code, which the server accepts as a clock one step ahead (staffAuth.ts `checkTotp`, ±TOTP_WINDOW
 * steps) and which is still single-use. Only when that step, too, was used does it wait, until the step before it
 * begins. A person's authenticator would make them wait for that code; the demo client holds the secret and need not,
 * which keeps the system tests from idling up to 30 s at each repeated staff login.
 */
export async function staffLogin(call: GraphQLCall, demo: DemoOptions, account: string): Promise<LoginResultShape> {
  const staff = DEMO_STAFF.find((s) => s.account === account);
  if (!staff) throw new Error(`no demo staff account ${account}`);
  const secret = demoTotpSecret(demo.seed, account);
  const stepMs = TOTP_PERIOD_SECONDS * 1000;
  let last: GraphQLResult = {};
  let aheadMs = 0;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    last = await call(`mutation($facilityCode: String, $staffId: String!, $password: String!, $totp: String!) { staffLogin(facilityCode: $facilityCode, staffId: $staffId, password: $password, totp: $totp) { ${LOGIN_FIELDS} } }`,
      { facilityCode: staff.facilityCode ?? null, staffId: staff.staffId, password: DEMO_STAFF_PASSWORD, totp: totpCode(secret, new Date(Date.now() + aheadMs)) });
    const reused = last.errors?.find((e) => e.extensions?.code === 'TOTP_REUSED');
    if (!reused) break;
    // retryAfterMs: until the step after the last used one begins. The code of that step is accepted one step early.
    const retryAfterMs = typeof reused.extensions?.retryAfterMs === 'number' ? reused.extensions.retryAfterMs : stepMs;
    const waitMs = Math.max(retryAfterMs - TOTP_WINDOW * stepMs, 0);
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 250));
    aheadMs = TOTP_WINDOW * stepMs;
  }
  return loginResultOf(last, 'staffLogin', account);
}

/** PHR app token (docs/contracts.md contract 3): the grantor (yamada) reads their grants; the app logs in with its secret and the grant id. */
export async function phrLogin(call: GraphQLCall, demo: DemoOptions, account: string): Promise<LoginResultShape> {
  const app = DEMO_PHR_APPS.find((a) => a.account === account);
  if (!app) throw new Error(`no demo PHR app ${account}`);
  const yamada = demoPatient(demo, 0);
  const patient = await cardLogin(call, demo, yamada.cardSerial);
  const grants = await call('{ me { phrGrants { id appId active } } }', {}, patient.accessToken);
  const list = (grants.data?.me as { phrGrants?: Array<{ id: string; appId: string; active: boolean }> } | undefined)?.phrGrants ?? [];
  const grant = list.find((g) => g.appId === app.clientId && g.active);
  if (!grant) throw new Error(`yamada has no active grant for ${app.clientId}`);
  const result = await call(`mutation($clientId: String!, $secret: String!, $grantId: ID!) { phrToken(clientId: $clientId, clientSecret: $secret, grantId: $grantId) { ${LOGIN_FIELDS} } }`,
    { clientId: app.clientId, secret: demoPhrAppSecret(demo.seed, app.clientId), grantId: grant.id });
  return loginResultOf(result, 'phrToken', account);
}

/** Logs a demo account in through the flow that fits it. */
export async function loginDemoAccount(call: GraphQLCall, demo: DemoOptions, account: string): Promise<LoginResultShape> {
  const cardSerial = demoCardSerial(demo, account);
  if (cardSerial) return cardLogin(call, demo, cardSerial);
  if (DEMO_STAFF.some((s) => s.account === account)) return staffLogin(call, demo, account);
  if (DEMO_PHR_APPS.some((a) => a.account === account)) return phrLogin(call, demo, account);
  throw new Error(`unknown demo account ${account}`);
}

export interface ReaderVisit {
  verificationToken: string;
  patientId: string;
  cardStatus: string;
  consents: Array<{ id: string; category: string; facilityCode: string; valid: boolean }>;
}

export type ReaderCheck = { method: 'FACE' } | { method: 'PIN'; pin: string } | { method: 'VISUAL'; attestedBy: string };

const READER_RESULT_FIELDS = 'verificationId verificationToken patientId facilityCode readerId method cardStatus drugAnswer checkupAnswer expiresAt consents { id category facilityCode valid }';

/** Reader, step 1 (docs/contracts.md contract 4): a nonce for the card, issued for this registered reader. */
export async function startReaderChallenge(call: GraphQLCall, reader: ReaderKey, cardSerial: string): Promise<{ challengeId: string; challenge: string }> {
  const started = await call('mutation($r: ID!, $s: String!) { startReaderVerification(readerId: $r, cardSerial: $s) { challengeId challenge } }', { r: reader.readerId, s: cardSerial });
  const challenge = started.data?.startReaderVerification as { challengeId: string; challenge: string } | undefined;
  if (!challenge) throw new Error(`startReaderVerification failed: ${JSON.stringify(started.errors)}`);
  return challenge;
}

/** Reader, step 2: submits a signed statement; answers the raw GraphQL result (tests assert on refusals). */
export async function submitStatement(call: GraphQLCall, statement: string): Promise<GraphQLResult> {
  return call(`mutation($s: String!) { submitReaderStatement(statement: $s) { ${READER_RESULT_FIELDS} } }`, { s: statement });
}

/**
 * A visit at a facility's registered card reader (docs/contracts.md contract 4), as the reader device does it: the virtual
 * card signs the reader's nonce, the reader checks the person (FACE by default) and signs a statement with
 * its own key, carrying the patient's answers. No staff token is involved.
 */
export async function readerVisit(call: GraphQLCall, demo: DemoOptions, reader: ReaderKey, cardSerial: string, answers: { drug: boolean; checkup: boolean }, check: ReaderCheck = { method: 'FACE' }): Promise<ReaderVisit> {
  const challenge = await startReaderChallenge(call, reader, cardSerial);
  const cardSignature = signWithDemoPatientCard(demo.seed, cardSerial, challenge.challenge);
  const result = check.method === 'FACE' ? { faceMatch: true } : check.method === 'PIN' ? { pin: check.pin } : { attestedBy: check.attestedBy };
  const statement = await signReaderStatement(reader, { challengeId: challenge.challengeId, cardSerial, cardSignature, method: check.method, result, consent: answers });
  const submitted = await submitStatement(call, statement);
  const visit = submitted.data?.submitReaderStatement as ReaderVisit | undefined;
  if (!visit) throw new Error(`submitReaderStatement failed: ${JSON.stringify(submitted.errors)}`);
  return visit;
}
