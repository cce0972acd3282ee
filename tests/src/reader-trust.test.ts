/**
 * The trust chain of card readers and cards (docs/api-guide.md "Card readers"), as the attacker would try it on a running system (real servers, real HTTP):
 * consent only from a registered reader's signed statement, single use, the card's signature before the
 * PIN, and card status on every path. Each refusal is asserted together with "nothing was registered or
 * released", and — where it concerns a patient — its access-log entry.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_DENTAL, DEMO_PIN, signWithDemoPatientCard } from '@onshi/demo';
import { cardLogin, readerVisit, startReaderChallenge, submitStatement, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { newReaderKeyPair, signReaderStatement, type ReaderKey } from '@onshi/platform/readerStatement';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
let call: GraphQLCall;
beforeAll(async () => {
  system = await startTestSystem({ patients: 20 });
  call = async (q, v, t) => (await system.graphql(q, v, t)).body;
});
afterAll(async () => {
  await system?.stop();
});

const FACE = { method: 'FACE' as const, result: { faceMatch: true } };

async function flags(patientId: string, facilityCode: string): Promise<{ drug: string; checkup: string }> {
  const response = await fetch(`${system.urls.consent}/internal/consent-flags`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-onshi-internal': system.internalSecret }, body: JSON.stringify({ patientId, facilityCode }),
  });
  const { drug, checkup } = (await response.json()) as { drug: string; checkup: string };
  return { drug, checkup };
}

function cardSign(serial: string, challenge: string): string {
  return signWithDemoPatientCard(system.demo.seed, serial, challenge);
}

/** A statement of `reader` for `serial` over a fresh challenge issued for `challengeReader` (default: the same reader). */
async function statementFor(reader: ReaderKey, serial: string, consent: { drug: boolean; checkup: boolean }, options: { challengeReader?: ReaderKey; check?: { method: 'FACE' | 'PIN' | 'VISUAL'; result: Record<string, unknown> } } = {}) {
  const challenge = await startReaderChallenge(call, options.challengeReader ?? reader, serial);
  const check = options.check ?? FACE;
  return signReaderStatement(reader, { challengeId: challenge.challengeId, cardSerial: serial, cardSignature: cardSign(serial, challenge.challenge), method: check.method, result: check.result, consent });
}

async function adminLog(patientId: string): Promise<Array<{ decision: string; reason: string; actorRole: string; actorSubject: string }>> {
  const result = await system.graphql<{ patient: { accessLog: Array<{ decision: string; reason: string; actorRole: string; actorSubject: string }> } }>(
    'query($id: ID!) { patient(id: $id) { accessLog(first: 200) { decision reason actorRole actorSubject } } }', { id: patientId }, await system.token('admin'));
  return result.body.data?.patient.accessLog ?? [];
}

describe('finding 1: consent only from a registered reader of the facility', () => {
  test('a staff token cannot run the old flow: the mutations are gone and nothing is registered', async () => {
    const patient = system.patient(3);
    const staff = await system.token('dental-dentist');
    for (const mutation of [
      'mutation($s: String!) { startReaderVerification(cardSerial: $s) { challengeId } }',
      'mutation { completeReaderVerification(challengeId: "x", method: "FACE", signature: "x") { verificationToken } }',
      'mutation { registerVisitConsent(verificationToken: "x", drug: true, checkup: true) { id } }',
    ]) {
      const result = await system.graphql(mutation, { s: patient.cardSerial }, staff);
      expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.body.data ?? null).toBeNull();
    }
    expect(await flags(patient.id, DEMO_DENTAL.code)).toEqual({ drug: '0', checkup: '0' });
    // Nothing registered: the dental clinic cannot even find the person (NOT_FOUND, as an unknown id).
    const read = await system.graphql('query($id: ID!) { patient(id: $id) { medicationSummary { polypharmacy } } }', { id: patient.id }, staff);
    expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((read.body.data as { patient?: unknown } | null)?.patient ?? null).toBeNull();
  });

  test('a statement signed by a key that is not registered is refused; so is one naming a registered reader it was not signed by', async () => {
    const patient = system.patient(3);
    const { privateJwk } = await newReaderKeyPair();
    const clinic = system.reader(DEMO_CLINIC.code);
    const unknownReader: ReaderKey = { readerId: 'rdr_forged', facilityCode: DEMO_CLINIC.code, privateJwk };
    const noChallenge = await system.graphql('mutation($s: String!) { startReaderVerification(readerId: "rdr_forged", cardSerial: $s) { challengeId } }', { s: patient.cardSerial });
    expect(noChallenge.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READER_NOT_ACTIVE' });
    // The forger takes a real reader's challenge and id, and signs with his own key.
    const impostor: ReaderKey = { ...clinic, privateJwk };
    const forged = await submitStatement(call, await statementFor(impostor, patient.cardSerial, { drug: true, checkup: true }, { challengeReader: clinic }));
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(forged.data ?? null).toBeNull();
    const unregistered = await submitStatement(call, await signReaderStatement(unknownReader, { challengeId: 'x', cardSerial: patient.cardSerial, cardSignature: 'x', ...FACE, consent: { drug: true, checkup: true } }));
    expect(unregistered.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READER_NOT_ACTIVE' });
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
  });

  test("another facility's reader cannot answer for this facility, and its consent opens only its own facility", async () => {
    const patient = system.patient(4);
    const crossed = await submitStatement(call, await statementFor(system.reader(DEMO_DENTAL.code), patient.cardSerial, { drug: true, checkup: true }, { challengeReader: system.reader(DEMO_CLINIC.code) }));
    expect(crossed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
    const dental = await readerVisit(call, system.demo, system.reader(DEMO_DENTAL.code), patient.cardSerial, { drug: true, checkup: true });
    expect(dental.consents.every((c) => c.facilityCode === DEMO_DENTAL.code)).toBe(true);
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
    // The dental consent opens nothing at the clinic: it cannot even find the person.
    const clinicRead = await system.graphql('query($id: ID!) { patient(id: $id) { medicationSummary { polypharmacy } } }', { id: patient.id }, await system.token('clinic-doctor'));
    expect(clinicRead.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((clinicRead.body.data as { patient?: unknown } | null)?.patient ?? null).toBeNull();
  });

  test('readers are registered by the operator only; a suspended reader is refused, a retired one for good', async () => {
    const { publicJwk, privateJwk } = await newReaderKeyPair();
    const register = 'mutation($f: String!, $k: String!) { registerCardReader(facilityCode: $f, publicKeyJwk: $k, label: "受付2") { id facilityCode status registeredBy } }';
    const byStaff = await system.graphql(register, { f: DEMO_CLINIC.code, k: JSON.stringify(publicJwk) }, await system.token('clinic-doctor'));
    expect(byStaff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const withPrivate = await system.graphql(register, { f: DEMO_CLINIC.code, k: JSON.stringify(privateJwk) }, await system.token('admin'));
    expect(withPrivate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publicKeyJwk' });
    const registered = await system.graphql<{ registerCardReader: { id: string; status: string; registeredBy: string } }>(register, { f: DEMO_CLINIC.code, k: JSON.stringify(publicJwk) }, await system.token('admin'));
    const reader: ReaderKey = { readerId: registered.body.data?.registerCardReader.id ?? '', facilityCode: DEMO_CLINIC.code, privateJwk };
    expect(registered.body.data?.registerCardReader).toMatchObject({ status: 'ACTIVE', registeredBy: 'operator:A0001' });
    const patient = system.patient(5);
    const setStatus = 'mutation($r: ID!, $s: CardReaderStatus!) { setCardReaderStatus(readerId: $r, status: $s) { status } }';
    const pending = await statementFor(reader, patient.cardSerial, { drug: true, checkup: true });
    await system.graphql(setStatus, { r: reader.readerId, s: 'SUSPENDED' }, await system.token('admin'));
    const suspended = await submitStatement(call, pending);
    expect(suspended.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READER_NOT_ACTIVE' });
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
    await system.graphql(setStatus, { r: reader.readerId, s: 'ACTIVE' }, await system.token('admin'));
    const visit = await readerVisit(call, system.demo, reader, patient.cardSerial, { drug: true, checkup: false });
    expect(visit.consents.map((c) => c.category)).toEqual(['DRUG']);
    await system.graphql(setStatus, { r: reader.readerId, s: 'RETIRED' }, await system.token('admin'));
    const back = await system.graphql(setStatus, { r: reader.readerId, s: 'ACTIVE' }, await system.token('admin'));
    expect(back.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('reader:register (the operator CLI)', () => {
  test('generates a key pair, registers the public half through the gateway, and the key file then works as a reader', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onshi-reader-'));
    try {
      const out = path.join(dir, 'reader.json');
      const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', path.join(REPO_ROOT, 'tsconfig.base.json'), path.join(REPO_ROOT, 'subgraphs/consent/src/cli/reader-register.ts'), '--facility', DEMO_DENTAL.code, '--out', out], {
        env: { ...process.env, GATEWAY_URL: `${system.gatewayUrl}/graphql`, ONSHI_TOKEN: await system.token('admin') }, encoding: 'utf8', timeout: 60_000,
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const key = JSON.parse(readFileSync(out, 'utf8')) as ReaderKey;
      expect(run.stdout.trim()).toBe(key.readerId);
      const visit = await readerVisit(call, system.demo, key, system.patient(10).cardSerial, { drug: true, checkup: true });
      expect(visit.consents.every((c) => c.facilityCode === DEMO_DENTAL.code)).toBe(true);
      const again = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', path.join(REPO_ROOT, 'tsconfig.base.json'), path.join(REPO_ROOT, 'subgraphs/consent/src/cli/reader-register.ts'), '--facility', DEMO_DENTAL.code, '--out', out], {
        env: { ...process.env, GATEWAY_URL: `${system.gatewayUrl}/graphql`, ONSHI_TOKEN: await system.token('clinic-doctor') }, encoding: 'utf8', timeout: 60_000,
      });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('exists');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('finding 2: a verification is single use, and the answers are the patient\'s', () => {
  test('a replayed statement is refused and a "no" cannot become "yes"', async () => {
    const patient = system.patient(6);
    const reader = system.reader(DEMO_CLINIC.code);
    const no = await statementFor(reader, patient.cardSerial, { drug: false, checkup: false });
    const first = await submitStatement(call, no);
    expect(first.data?.submitReaderStatement).toMatchObject({ drugAnswer: false, checkupAnswer: false, consents: [] });
    const replay = await submitStatement(call, no);
    expect(replay.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(replay.data ?? null).toBeNull();
    // Rewriting the answers breaks the reader's signature.
    const [header, payload, signature] = no.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const yes = `${header}.${Buffer.from(JSON.stringify({ ...claims, consent: { drug: true, checkup: true } })).toString('base64url')}.${signature}`;
    const tampered = await submitStatement(call, yes);
    expect(tampered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
    // Every question must be answered: a statement without an answer is refused.
    const challenge = await startReaderChallenge(call, reader, patient.cardSerial);
    const unanswered = await submitStatement(call, await signReaderStatement(reader, { challengeId: challenge.challengeId, cardSerial: patient.cardSerial, cardSignature: cardSign(patient.cardSerial, challenge.challenge), ...FACE, consent: { drug: true } as never }));
    expect(unanswered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
  });
});

describe('finding 3: the card signature before the PIN', () => {
  async function login(serial: string, pin: string, signature?: string) {
    const started = await system.graphql<{ startCardLogin: { challengeId: string; challenge: string; expiresAt: string } }>('mutation($s: String!) { startCardLogin(cardSerial: $s) { challengeId challenge expiresAt } }', { s: serial });
    const challenge = started.body.data?.startCardLogin;
    if (!challenge) throw new Error(started.text);
    return system.graphql('mutation($id: ID!, $pin: String!, $sig: String!) { completeCardLogin(challengeId: $id, pin: $pin, signature: $sig) { accessToken } }',
      { id: challenge.challengeId, pin, sig: signature ?? cardSign(serial, challenge.challenge) });
  }
  const garbage = Buffer.alloc(64, 7).toString('base64url');

  test('a garbage signature never reaches the PIN: same answer for a wrong and the right PIN, tries unchanged, card not locked, denial logged', async () => {
    const patient = system.patient(7);
    const answers = [];
    for (const pin of ['0000', '1111', '2222', DEMO_PIN]) {
      const result = await login(patient.cardSerial, pin, garbage);
      answers.push({ code: result.body.errors?.[0]?.extensions?.code, message: result.body.errors?.[0]?.message, triesLeft: result.body.errors?.[0]?.extensions?.triesLeft });
      expect(result.text).not.toContain('accessToken');
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ code: 'BAD_USER_INPUT', triesLeft: undefined });
    // The real holder still has all three tries: a wrong PIN with the real card says 2 left, then the right one logs in.
    const wrong = await login(patient.cardSerial, '0000');
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ triesLeft: 2 });
    const ok = await login(patient.cardSerial, DEMO_PIN);
    expect(ok.body.errors).toBeUndefined();
    const log = await adminLog(patient.id);
    expect(log.filter((e) => e.decision === 'DENY' && e.reason === 'CARD_SIGNATURE_INVALID')).toHaveLength(4);
  });

  test('an unknown serial gets the same answers as a known one, and its challenge is stored nowhere', async () => {
    const known = await system.graphql<{ startCardLogin: Record<string, string> }>('mutation { startCardLogin(cardSerial: "CARD-0000000008") { challengeId challenge expiresAt } }');
    const unknown = await system.graphql<{ startCardLogin: Record<string, string> }>('mutation { startCardLogin(cardSerial: "CARD-9999999999") { challengeId challenge expiresAt } }');
    expect(Object.keys(unknown.body.data?.startCardLogin ?? {})).toEqual(Object.keys(known.body.data?.startCardLogin ?? {}));
    expect(unknown.body.errors).toBeUndefined();
    const a = await login('CARD-0000000008', DEMO_PIN, garbage);
    const b = await login('CARD-9999999999', DEMO_PIN, garbage);
    expect(b.body.errors?.[0]).toEqual(a.body.errors?.[0] && { ...a.body.errors[0], path: b.body.errors?.[0]?.path });
    expect(b.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('finding 4: a lost or unregistered card fails on every path', () => {
  test('after reportCardLost: no portal login, no reader verification, no confirmation — CARD_NOT_USABLE LOST, nothing registered, denials logged', async () => {
    const patient = system.patient(8);
    const reader = system.reader(DEMO_CLINIC.code);
    const before = await readerVisit(call, system.demo, reader, patient.cardSerial, { drug: false, checkup: false });
    const holder = await cardLogin(call, system.demo, patient.cardSerial, DEMO_PIN);
    const lost = await system.graphql('mutation($s: String!) { reportCardLost(cardSerial: $s) { status } }', { s: patient.cardSerial }, holder.accessToken);
    expect(lost.body.errors).toBeUndefined();

    const loginAfter = await cardLogin(call, system.demo, patient.cardSerial, DEMO_PIN).catch((error: unknown) => String(error));
    expect(loginAfter).toContain('CARD_NOT_USABLE');
    const atReader = await submitStatement(call, await statementFor(reader, patient.cardSerial, { drug: true, checkup: true }));
    expect(atReader.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'LOST' });
    expect(JSON.stringify(atReader)).not.toContain(patient.id);
    const confirm = await system.graphql('mutation($t: String!) { confirmQualificationByCard(verificationToken: $t) { name } }', { t: before.verificationToken }, await system.token('clinic-reception'));
    expect(confirm.body.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'LOST' });
    expect(confirm.text).not.toContain(patient.name);
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
    const log = await adminLog(patient.id);
    expect(log).toEqual(expect.arrayContaining([
      expect.objectContaining({ decision: 'DENY', reason: 'CARD_NOT_USABLE:LOST', actorRole: 'PORTAL_LOGIN' }),
      expect.objectContaining({ decision: 'DENY', reason: 'CARD_NOT_USABLE:LOST', actorRole: 'CARD_READER', actorSubject: `reader:${reader.readerId}` }),
    ]));
  });

  test('a card not registered for insurance use (初回登録) gives no consent and no confirmation; FACE at the reader is good for registration only', async () => {
    const patient = system.patient(9); // every tenth generated card is unregistered (qualifications seed.ts)
    const reader = system.reader(DEMO_CLINIC.code);
    const byPin = await submitStatement(call, await statementFor(reader, patient.cardSerial, { drug: true, checkup: true }, { check: { method: 'PIN', result: { pin: DEMO_PIN } } }));
    expect(byPin.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'NOT_REGISTERED' });
    const byFace = await readerVisit(call, system.demo, reader, patient.cardSerial, { drug: true, checkup: true });
    expect(byFace).toMatchObject({ cardStatus: 'NOT_REGISTERED', consents: [] });
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
    const confirm = await system.graphql('mutation($t: String!) { confirmQualificationByCard(verificationToken: $t) { name } }', { t: byFace.verificationToken }, await system.token('clinic-reception'));
    expect(confirm.body.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'NOT_REGISTERED' });
    expect(confirm.text).not.toContain(patient.name);
    // Registration at the counter with that FACE verification; then the card works.
    const registered = await system.graphql('mutation($t: String!) { registerCardForInsuranceAtCounter(verificationToken: $t) { status registeredAt } }', { t: byFace.verificationToken }, await system.token('clinic-reception'));
    expect(registered.body.errors).toBeUndefined();
    const visit = await readerVisit(call, system.demo, reader, patient.cardSerial, { drug: true, checkup: false });
    expect(visit.consents.map((c) => c.category)).toEqual(['DRUG']);
  });
});

describe('the card certificate\'s expiry (docs/domain.md "Card certificate expiry")', () => {
  const CARDS = '{ me { myNumberCards { cardSerial status certificateExpiresOn certificateStanding certificateGraceEndsOn } } }';
  type CardView = { cardSerial: string; status: string; certificateExpiresOn: string | null; certificateStanding: string; certificateGraceEndsOn: string | null };
  const daysFromToday = (days: number) => new Date(Date.parse(`${system.demo.asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  async function setExpiry(cardSerial: string, expiresOn: string): Promise<void> {
    const response = await fetch(`${system.urls.qualifications}/internal/demo/card-certificate`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-onshi-internal': system.internalSecret }, body: JSON.stringify({ cardSerial, expiresOn }),
    });
    expect(response.status).toBe(200);
  }
  async function ownCards(serial: string): Promise<CardView[]> {
    const holder = await cardLogin(call, system.demo, serial, DEMO_PIN);
    const result = await system.graphql<{ me: { myNumberCards: CardView[] } }>(CARDS, {}, holder.accessToken);
    expect(result.body.errors).toBeUndefined();
    return result.body.data?.me.myNumberCards ?? [];
  }

  test('山田 (demo: expires in 60 days) sees RENEW_SOON with the date; the card still works', async () => {
    const yamada = system.patient(0);
    expect(await ownCards(yamada.cardSerial)).toEqual([{ cardSerial: yamada.cardSerial, status: 'ACTIVE', certificateExpiresOn: daysFromToday(60), certificateStanding: 'RENEW_SOON', certificateGraceEndsOn: expect.any(String) }]);
  });

  test('staff, insurers and apps may not read a person\'s cards: FORBIDDEN at the gateway, no serial leaves', async () => {
    const yamada = system.patient(0);
    for (const account of ['clinic-doctor', 'insurer-kokuho', 'admin']) {
      const result = await system.graphql('query($id: ID!) { patient(id: $id) { myNumberCards { cardSerial certificateExpiresOn } } }', { id: yamada.id }, await system.token(account));
      expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.text).not.toContain(yamada.cardSerial);
    }
  });

  test('expired but within the grace period: still confirms insurance, and the holder is told until when', async () => {
    const patient = system.patient(11);
    await setExpiry(patient.cardSerial, daysFromToday(-10));
    const [card] = await ownCards(patient.cardSerial);
    expect(card).toMatchObject({ certificateStanding: 'EXPIRED_GRACE', certificateExpiresOn: daysFromToday(-10) });
    expect((card?.certificateGraceEndsOn ?? '') > system.demo.asOf).toBe(true);
    const visit = await readerVisit(call, system.demo, system.reader(DEMO_CLINIC.code), patient.cardSerial, { drug: false, checkup: false });
    const confirm = await system.graphql<{ confirmQualificationByCard: { name: string } }>('mutation($t: String!) { confirmQualificationByCard(verificationToken: $t) { name } }', { t: visit.verificationToken }, await system.token('clinic-reception'));
    expect(confirm.body.errors).toBeUndefined();
    expect(confirm.body.data?.confirmQualificationByCard.name).toBe(patient.name);
  });

  test('past the grace period: no portal login, no reader verification, no confirmation — CARD_NOT_USABLE EXPIRED, nothing registered, denials logged', async () => {
    const patient = system.patient(12);
    const reader = system.reader(DEMO_CLINIC.code);
    const before = await readerVisit(call, system.demo, reader, patient.cardSerial, { drug: false, checkup: false });
    await setExpiry(patient.cardSerial, daysFromToday(-200));
    const loginAfter = await cardLogin(call, system.demo, patient.cardSerial, DEMO_PIN).catch((error: unknown) => String(error));
    expect(loginAfter).toContain('CARD_NOT_USABLE');
    const atReader = await submitStatement(call, await statementFor(reader, patient.cardSerial, { drug: true, checkup: true }));
    expect(atReader.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'EXPIRED' });
    expect(JSON.stringify(atReader)).not.toContain(patient.id);
    const confirm = await system.graphql('mutation($t: String!) { confirmQualificationByCard(verificationToken: $t) { name } }', { t: before.verificationToken }, await system.token('clinic-reception'));
    expect(confirm.body.errors?.[0]?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'EXPIRED' });
    expect(confirm.text).not.toContain(patient.name);
    expect(await flags(patient.id, DEMO_CLINIC.code)).toEqual({ drug: '0', checkup: '0' });
    expect(await adminLog(patient.id)).toEqual(expect.arrayContaining([
      expect.objectContaining({ decision: 'DENY', reason: 'CARD_NOT_USABLE:EXPIRED', actorRole: 'PORTAL_LOGIN' }),
      expect.objectContaining({ decision: 'DENY', reason: 'CARD_NOT_USABLE:EXPIRED', actorRole: 'CARD_READER', actorSubject: `reader:${reader.readerId}` }),
    ]));
    // Renewed (J-LIS): the same card works again.
    await setExpiry(patient.cardSerial, daysFromToday(5 * 365));
    const renewed = await readerVisit(call, system.demo, reader, patient.cardSerial, { drug: false, checkup: false });
    expect(renewed.cardStatus).toBe('USABLE');
  });
});
