import DataLoader from 'dataloader';
import { bilingual, type ErrorCode } from './errorCatalogue';
import { ConsentRequiredError, ForbiddenError, NotFoundError, OnshiError, patientNotFoundMessage } from './errors';
import type { PatientDecisionCategory } from './policy';
import type { Category } from './roles';
import { postToService, type ServiceResponse } from './serviceClient';
import { DECISIONS_PATH, INTERNAL_SECRET_HEADER } from './contracts';
import type { AskAlongQuestion } from './predecisions';

/** What a subgraph may ask the decision point (docs/architecture.md "Who may see what: three layers", layer 3). */
export interface DecisionRequest {
  patientId: string;
  category: PatientDecisionCategory;
  purpose?: string;
  /**
   * Set only by a subgraph whose own records show that the INSURER actor currently holds this patient as a
   * member (checkups after an insurer transfer, docs/domain.md
   * "Insurer change: the checkups follow the member"): the decision point trusts internal callers for it.
   */
  insurerMember?: boolean;
  /**
   * Set only by the qualifications subgraph: the question is the qualification confirmation itself, for the card or
   * insurance-card numbers the patient presents at the caller's counter (policy condition COUNTER_CONFIRMATION).
   */
  counterConfirmation?: boolean;
  /**
   * Set only by the qualifications subgraph: when the caller's facility last confirmed this patient (ISO 8601), from
   * its confirmation records (policy condition CONFIRMED_HERE; the decision point applies the 24-hour window).
   */
  confirmedHereAt?: string;
  /**
   * Set only by the gateway asking a query's questions ahead (predecisions.ts): a question about a field of a person
   * who is loaded under her QUALIFICATION decision, asked in the same call. When that decision refuses her, the
   * subgraph that would have asked this one is never reached, so the decision point neither decides nor logs it and
   * answers it `undecided` (the access log stays what it was when each subgraph asked for itself).
   */
  afterQualification?: boolean;
}

/** This visit's consent flags at the caller's facility (docs/contracts.md contract 5): 0 なし / 1 あり / 2 期限切れ / 3 取得困難. */
export type VisitConsentFlag = '0' | '1' | '2' | '3';
export interface VisitConsentFlags {
  drug: VisitConsentFlag;
  checkup: VisitConsentFlag;
  /** The person is DV/abuse-registered: the confirmation is answered without address and postcode (internal only). */
  withholdAddress: boolean;
}

export interface Decision {
  patientId: string;
  category: PatientDecisionCategory;
  allow: boolean;
  reason: string;
  /**
   * On deny: FORBIDDEN, CONSENT_REQUIRED, or NOT_FOUND — the id names nobody, or names a DV-blocked person who must
   * be answered exactly as nobody; NO_RECORDS — a DV-blocked person read where the policy would let this caller read
   * her: answer as for a person with no records (docs/domain.md "DV"; `readsRows`).
   */
  code?: Extract<ErrorCode, 'FORBIDDEN' | 'CONSENT_REQUIRED' | 'NOT_FOUND' | 'NO_RECORDS'>;
  /** A disaster-mode ("special operation — logged") provision (docs/domain.md "Disaster (災害時における特別措置), seed 2-1(3)"). */
  special: boolean;
  /** On allow: the id of the policy rule that allowed (its `view` limits the fields, platform policy.ts). */
  rule?: string;
  /**
   * On an allowed QUALIFICATION decision for facility staff (a counter confirmation, a read after one): this visit's
   * flags (docs/contracts.md contract 5), computed from the rows the decision itself read, so a confirmation asks consent once.
   */
  consentFlags?: VisitConsentFlags;
  /** An `afterQualification` question whose person was refused in the same call: not decided, not logged, never used. */
  undecided?: boolean;
}

export interface DecisionClient {
  /** Resolves to the decision; batched: every call in one request becomes one HTTP call per tick. */
  decide(request: DecisionRequest): Promise<Decision>;
  /**
   * Throws FORBIDDEN / CONSENT_REQUIRED / NOT_FOUND unless allowed. Call it before reading any row. A NO_RECORDS
   * answer is refused here as CONSENT_REQUIRED: a caller that can answer "no records" uses `readsRows`.
   */
  require(patientId: string, category: Category): Promise<Decision>;
  /**
   * For a read that has an empty answer (a list, a total): true → read the rows; false → answer as for a person with
   * no records and read nothing (a DV-blocked person where this caller could otherwise read her, docs/domain.md "DV").
   * Throws as `require` on any other denial.
   */
  readsRows(patientId: string, category: Category): Promise<boolean>;
  /**
   * The answers to the questions asked along (`askAlong`) that the decision point decided: asked in the call of the
   * person's QUALIFICATION question, so none when that question was never asked, or refused her (undecided), or failed.
   */
  alongAnswers(): Promise<Decision[]>;
}

export interface DecisionClientOptions {
  consentUrl: string;
  internalSecret: string;
  token: string | undefined;
  requestId: string;
  /**
   * Called when consent answered a decision call: it verified the forwarded token, its revocation included
   * (consent internalRoutes.ts), so the request's ended-token check is answered too (kit tokenLiveness.ts).
   */
  onTokenVerified?: () => void;
  /**
   * The gateway's answers to this request's plain questions (predecisions.ts), already verified: `decide` answers
   * them without a call, and an answer used proves the token as a decision call would (consent verified it to answer).
   */
  predecided?: readonly Decision[];
  /**
   * The gateway's questions about the fields of people this request loads (platform predecisions.ts `ASK_ALONG_HEADER`),
   * already verified: each is asked, marked `afterQualification`, in the same call as its person's QUALIFICATION
   * question, so the whole query's questions go to the decision point once.
   */
  askAlong?: readonly AskAlongQuestion[];
}

/** One question's identity: two questions with the same key have the same answer within a request. */
function questionKey(request: DecisionRequest): string {
  return [
    request.patientId, request.category, request.purpose ?? '', request.insurerMember ? 1 : 0, request.counterConfirmation ? 1 : 0, request.confirmedHereAt ?? '',
    request.afterQualification ? 1 : 0,
  ].join('\u0000');
}

/**
 * Client of the consent subgraph's decision point. One DataLoader per request batches all questions of
 * that request into one authenticated internal call; the consent subgraph writes one access-log entry per
 * decision, committed before it answers. Fails closed: no answer → an error, never data.
 */
export function createDecisionClient(options: DecisionClientOptions): DecisionClient {
  const loader = new DataLoader<DecisionRequest, Decision, string>(
    async (requests) => {
      let response: ServiceResponse;
      try {
        response = await postToService(new URL(DECISIONS_PATH, options.consentUrl), {
          headers: {
            'content-type': 'application/json',
            [INTERNAL_SECRET_HEADER]: options.internalSecret,
            'x-request-id': options.requestId,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ requests }),
          timeoutMs: 5_000,
        });
      } catch {
        throw new OnshiError('SERVICE_UNAVAILABLE', bilingual('The consent service did not answer', '同意確認サービスに接続できません'));
      }
      if (!response.ok) throw new OnshiError('SERVICE_UNAVAILABLE', bilingual('The consent service refused the decision request', '同意確認に失敗しました'));
      if (options.token) options.onTokenVerified?.();
      const body = (await response.json()) as { decisions?: Decision[] };
      const decisions = body.decisions ?? [];
      // In request order: two questions about one patient and category may carry different attested facts.
      return requests.map((request, index) => {
        const decision = decisions[index];
        return decision !== undefined && decision.patientId === request.patientId && decision.category === request.category ? decision : new OnshiError('SERVICE_UNAVAILABLE', 'No decision returned');
      });
    },
    { cacheKeyFn: questionKey },
  );
  // Primed under the key of the plain question only: a question with an attested fact is asked of consent as before.
  const primed = new Set<string>();
  for (const decision of options.predecided ?? []) {
    if (decision.undecided === true) continue;
    const question = { patientId: decision.patientId, category: decision.category };
    loader.prime(question, decision);
    primed.add(questionKey(question));
  }
  // The questions asked along, by person, until her QUALIFICATION question is asked; then their answers, for the response.
  const pendingAlong = new Map<string, AskAlongQuestion[]>();
  for (const question of options.askAlong ?? []) pendingAlong.set(question.patientId, [...(pendingAlong.get(question.patientId) ?? []), question]);
  const along: Array<Promise<Decision>> = [];
  // An answer taken from the gateway's call proves the token as this subgraph's own call would have (consent verified it
  // to answer), but only once it is used: a header alone proves nothing, so a request that reads none of its answers (a
  // mutation, another query) still asks the list of ended tokens (kit tokenLiveness.ts).
  const load = (request: DecisionRequest): Promise<Decision> => {
    if (options.token && primed.has(questionKey(request))) options.onTokenVerified?.();
    const answer = loader.load(request);
    // Loaded in the same tick as her QUALIFICATION question, so DataLoader puts them in its call: the decision point
    // decides them after it, and neither decides nor logs them when it refuses her (pdp.ts `afterQualification`).
    const alongHer = request.category === 'QUALIFICATION' && request.afterQualification !== true ? pendingAlong.get(request.patientId) : undefined;
    if (alongHer !== undefined) {
      pendingAlong.delete(request.patientId);
      for (const question of alongHer) {
        const alongAnswer = loader.load({ patientId: question.patientId, category: question.category, afterQualification: true });
        // Read only when the response is sent: a failed call must not be an unhandled rejection until then (it ends the process).
        alongAnswer.catch(() => undefined);
        along.push(alongAnswer);
      }
    }
    return answer;
  };
  const require = async (patientId: string, category: Category): Promise<Decision> => {
    const decision = await load({ patientId, category });
    if (decision.allow) return decision;
    // NO_RECORDS reaches here only from a caller that cannot answer "no records": refused as without consent.
    // The reason said is the code's, so that this answer is word for word the one without consent.
    if (decision.code === 'CONSENT_REQUIRED' || decision.code === 'NO_RECORDS') throw new ConsentRequiredError(undefined, { patientId, category, reason: 'CONSENT_REQUIRED' });
    // The message a subgraph gives for an id it has no row for: a blocked person reads the same (docs/domain.md "DV").
    if (decision.code === 'NOT_FOUND') throw new NotFoundError(patientNotFoundMessage(patientId));
    throw new ForbiddenError(undefined, { patientId, category, reason: decision.reason });
  };
  return {
    decide: load,
    require,
    async alongAnswers() {
      const settled = await Promise.allSettled(along);
      return settled.flatMap((result) => (result.status === 'fulfilled' && result.value.undecided !== true ? [result.value] : []));
    },
    async readsRows(patientId, category) {
      const decision = await load({ patientId, category });
      if (decision.code === 'NO_RECORDS') return false;
      await require(patientId, category);
      return true;
    },
  };
}
