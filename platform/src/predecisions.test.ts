import { PREDECISION_LIFETIME_MS, signAskAlong, signPredecisions, verifyAskAlong, verifyPredecisions } from './predecisions';
import { askedWithoutAttestedFacts } from './policy';
import type { Decision } from './pdp';

/** A forged or misdirected header is ignored, never trusted (docs/access-policy.md "One decision call per request"). */
describe('signed decisions of one request (predecisions.ts)', () => {
  const secret = 'the-services-shared-secret';
  const binding = { requestId: 'request-1', token: 'token-of-the-caller' };
  const allow: Decision = { patientId: 'p-1', category: 'DRUG', allow: true, reason: 'CONSENT', special: false, rule: 'doctor-with-consent' };
  const now = 1_800_000_000_000;
  const header = signPredecisions([allow], binding, secret, now);

  test('the request and token it was signed for, within its lifetime, read the decisions back', () => {
    expect(verifyPredecisions(header, binding, secret, now + PREDECISION_LIFETIME_MS - 1)).toEqual([allow]);
  });
  test('another request id, another token, another secret, or after its lifetime: ignored', () => {
    expect(verifyPredecisions(header, { ...binding, requestId: 'request-2' }, secret, now)).toBeUndefined();
    expect(verifyPredecisions(header, { ...binding, token: 'token-of-someone-else' }, secret, now)).toBeUndefined();
    expect(verifyPredecisions(header, binding, 'a-guessed-secret', now)).toBeUndefined();
    expect(verifyPredecisions(header, binding, secret, now + PREDECISION_LIFETIME_MS + 1)).toBeUndefined();
    expect(verifyPredecisions(header, binding, '', now)).toBeUndefined();
  });
  test('a payload changed under its signature (a deny turned into an allow), a bare payload, or junk: ignored', () => {
    const denied = signPredecisions([{ ...allow, allow: false, reason: 'NO_CONSENT' }], binding, secret, now);
    const [, deniedSignature] = denied.split('.');
    const [allowPayload] = header.split('.');
    expect(verifyPredecisions(`${allowPayload}.${deniedSignature}`, binding, secret, now)).toBeUndefined();
    expect(verifyPredecisions(allowPayload, binding, secret, now)).toBeUndefined();
    expect(verifyPredecisions(`${header}.extra`, binding, secret, now)).toBeUndefined();
    expect(verifyPredecisions(['a', 'b'], binding, secret, now)).toBeUndefined();
    expect(verifyPredecisions('not base64.!!', binding, secret, now)).toBeUndefined();
  });
  test('a signed body that is not a list of decisions is refused too', () => {
    const odd = signPredecisions([{ patientId: 'p-1', category: 'EVERYTHING', allow: true, reason: '', special: false } as unknown as Decision], binding, secret, now);
    expect(verifyPredecisions(odd, binding, secret, now)).toBeUndefined();
  });
  test('only questions asked without a fact of a subgraph\'s records may be asked ahead', () => {
    expect(askedWithoutAttestedFacts('DOCTOR', 'QUALIFICATION')).toBe(false);
    expect(askedWithoutAttestedFacts('INSURER', 'QUALIFICATION')).toBe(false);
    expect(askedWithoutAttestedFacts('INSURER', 'CHECKUP')).toBe(false);
    expect(askedWithoutAttestedFacts('PATIENT', 'ACCESS_LOG')).toBe(false);
    expect(askedWithoutAttestedFacts('PATIENT', 'QUALIFICATION')).toBe(true);
    expect(askedWithoutAttestedFacts('DOCTOR', 'DRUG')).toBe(true);
    expect(askedWithoutAttestedFacts('DOCTOR', 'CHECKUP')).toBe(true);
  });
});

/** Questions asked along (docs/access-policy.md "One decision call per request"): signed for one subgraph, request and caller. */
describe('signed questions to ask along (predecisions.ts)', () => {
  const secret = 'the-services-shared-secret';
  const binding = { requestId: 'request-1', token: 'token-of-the-caller' };
  const now = 1_800_000_000_000;
  const questions = [{ patientId: 'p-1', category: 'DRUG' as const }, { patientId: 'p-1', category: 'CHECKUP' as const }];
  const header = signAskAlong(questions, 'qualifications', binding, secret, now);

  test('the subgraph, request and token it was signed for, within its lifetime, read the questions back', () => {
    expect(verifyAskAlong(header, 'qualifications', binding, secret, now + PREDECISION_LIFETIME_MS - 1)).toEqual(questions);
  });
  test('another subgraph, request, token or secret, or after its lifetime: ignored', () => {
    expect(verifyAskAlong(header, 'drugs', binding, secret, now)).toBeUndefined();
    expect(verifyAskAlong(header, 'qualifications', { ...binding, requestId: 'request-2' }, secret, now)).toBeUndefined();
    expect(verifyAskAlong(header, 'qualifications', { ...binding, token: 'token-of-someone-else' }, secret, now)).toBeUndefined();
    expect(verifyAskAlong(header, 'qualifications', binding, 'a-guessed-secret', now)).toBeUndefined();
    expect(verifyAskAlong(header, 'qualifications', binding, secret, now + PREDECISION_LIFETIME_MS + 1)).toBeUndefined();
  });
  test('never read as decisions, nor decisions as questions: each is signed for its own purpose', () => {
    expect(verifyPredecisions(header, binding, secret, now)).toBeUndefined();
    const decisions = signPredecisions([{ patientId: 'p-1', category: 'DRUG', allow: true, reason: 'CONSENT', special: false }], binding, secret, now);
    expect(verifyAskAlong(decisions, 'qualifications', binding, secret, now)).toBeUndefined();
  });
  test('a QUALIFICATION or ACCESS_LOG question, or an overlong id, is no question to ask along: ignored', () => {
    for (const question of [{ patientId: 'p-1', category: 'QUALIFICATION' }, { patientId: 'p-1', category: 'ACCESS_LOG' }, { patientId: 'x'.repeat(65), category: 'DRUG' }]) {
      expect(verifyAskAlong(signAskAlong([question as never], 'qualifications', binding, secret, now), 'qualifications', binding, secret, now)).toBeUndefined();
    }
  });
});
