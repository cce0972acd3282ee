/**
 * A request's admission at the gateway (admission.ts), as a unit over rate-limiter-flexible's own memory limiter: when
 * the list of ended tokens is asked, when the request is counted, and what a client at its limit is told. The whole
 * path (gateway, consent, its list and its access log) is tests/src/ended-token-check.test.ts.
 */
import { GraphQLError } from 'graphql';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { TokenLiveness, UnauthenticatedError, type Actor } from '@onshi/platform';
import { RequestAdmission } from './admission';

const ACTOR: Actor = { subject: 'patient-1', role: 'PATIENT', patientId: 'patient-1' };
const CLIENT = 'PATIENT:patient-1';

/** A token whose signature verified; `ended` says what the list would answer, `asked` counts the questions. */
function session(ended: boolean) {
  const list = { asked: 0 };
  const liveness = new TokenLiveness({
    actor: ACTOR,
    async ensureNotEnded() {
      list.asked += 1;
      if (ended) throw new UnauthenticatedError('ended');
    },
  });
  return { list, liveness };
}

const unavailable = () => new GraphQLError('counter down', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
const codeOf = (error: unknown) => (error instanceof GraphQLError ? error.extensions.code : error);

describe('a live token', () => {
  test('proven by its decision call: the list is not asked, and the request is counted once however often it settles', async () => {
    const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
    const { list, liveness } = session(false);
    const admission = new RequestAdmission(liveness, limiter, CLIENT, unavailable);
    await admission.admit();
    expect((await limiter.get(CLIENT))?.consumedPoints ?? 0).toBe(0);
    admission.provenByDecision();
    await Promise.all([admission.settle(), admission.settle(), admission.settle()]);
    expect(list.asked).toBe(0);
    expect((await limiter.get(CLIENT))?.consumedPoints).toBe(1);
  });

  test('without a decision call: the list is asked once, then the request is counted', async () => {
    const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
    const { list, liveness } = session(false);
    const admission = new RequestAdmission(liveness, limiter, CLIENT, unavailable);
    await admission.settle();
    await admission.settle();
    expect(list.asked).toBe(1);
    expect((await limiter.get(CLIENT))?.consumedPoints).toBe(1);
  });

  test('at its limit: refused with 429 when it arrives, after the list said it is live', async () => {
    const limiter = new RateLimiterMemory({ points: 2, duration: 60 });
    await limiter.penalty(CLIENT, 2);
    const { list, liveness } = session(false);
    const refusal = await new RequestAdmission(liveness, limiter, CLIENT, unavailable).admit().then(() => undefined, (error: unknown) => error);
    expect(codeOf(refusal)).toBe('RATE_LIMITED');
    expect(list.asked).toBe(1);
    expect((await limiter.get(CLIENT))?.consumedPoints).toBe(2);
  });
});

describe('an ended token', () => {
  test('is refused as UNAUTHENTICATED when it settles, and spends nothing of its holder\'s budget', async () => {
    const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
    const { liveness } = session(true);
    const admission = new RequestAdmission(liveness, limiter, CLIENT, unavailable);
    await admission.admit();
    for (let i = 0; i < 3; i += 1) expect(codeOf(await admission.settle().then(() => undefined, (error: unknown) => error))).toBe('UNAUTHENTICATED');
    expect(await limiter.get(CLIENT)).toBeNull();
  });

  test('over its holder\'s limit is told it ended, not that she is busy', async () => {
    const limiter = new RateLimiterMemory({ points: 2, duration: 60 });
    await limiter.penalty(CLIENT, 2);
    const refusal = await new RequestAdmission(session(true).liveness, limiter, CLIENT, unavailable).admit().then(() => undefined, (error: unknown) => error);
    expect(codeOf(refusal)).toBe('UNAUTHENTICATED');
  });
});

describe('a counter that cannot be reached', () => {
  test('refuses the request (503), when it arrives and when it is counted', async () => {
    const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
    const broken = Object.assign(Object.create(limiter) as RateLimiterMemory, {
      get: () => Promise.reject(new Error('down')),
      penalty: () => Promise.reject(new Error('down')),
    });
    const admission = new RequestAdmission(session(false).liveness, broken, CLIENT, unavailable);
    expect(codeOf(await admission.admit().then(() => undefined, (error: unknown) => error))).toBe('SERVICE_UNAVAILABLE');
    expect(codeOf(await admission.settle().then(() => undefined, (error: unknown) => error))).toBe('SERVICE_UNAVAILABLE');
  });
});
