/**
 * Coverage look-up between subgraphs (docs/drugs.md "Re-routing claims (レセプト振替)"): claims live in drugs, the
 * qualification history in qualifications. The drugs claim ingest asks, once per ingest batch, "which coverage periods
 * did these persons have in these months of care" and routes every claim of the batch from the one answer — never one
 * call per claim. Internal callers only (the internal secret); no answer → the batch is not stored (fail closed).
 *
 * Contract: `POST {QUALIFICATIONS_SERVICE_URL}/internal/coverage`, header `x-onshi-internal: <secret>`,
 * body `{ requests: [{ patientId, month: "YYYY-MM" }] }` (1–5000) → 200 `{ coverage: [{ patientId, month, periods:
 * [{ insurerNumber, from: "YYYY-MM-DD", to: "YYYY-MM-DD" | null }] }] }`, one entry per request in request order, the
 * periods of the person that overlap the month (any number: none, one, a change within the month, overlapping ones).
 * 401 without the secret, 400 for a malformed body.
 */
import { z } from 'zod';
import { bilingual, OnshiError, postToService, COVERAGE_PATH, INTERNAL_SECRET_HEADER } from '@onshi/platform';

/** Requests per call: one ingest batch holds at most 5,000 claims (drugs services/claimIngest.ts). */
export const COVERAGE_REQUESTS_MAX = 5_000;

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export const coverageRequest = z.object({
  requests: z.array(z.object({ patientId: z.string().min(1).max(64), month: z.string().regex(monthPattern) })).min(1).max(COVERAGE_REQUESTS_MAX),
});
export type CoverageRequest = z.infer<typeof coverageRequest>['requests'][number];

export const coveragePeriod = z.object({ insurerNumber: z.string(), from: z.string().regex(datePattern), to: z.string().regex(datePattern).nullable() });
export type CoveragePeriod = z.infer<typeof coveragePeriod>;

export const coverageAnswer = z.object({
  coverage: z.array(z.object({ patientId: z.string(), month: z.string(), periods: z.array(coveragePeriod) })),
});
export type CoverageAnswer = z.infer<typeof coverageAnswer>['coverage'][number];

/** The first and last day of a month YYYY-MM. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}

export interface CoverageClientOptions { qualificationsUrl: string; internalSecret: string; requestId?: string; timeoutMs?: number }

/**
 * Asks qualifications for the coverage of these persons in these months, in calls of at most 5,000 requests (one call
 * for any batch the ingest accepts). Throws SERVICE_UNAVAILABLE when it cannot tell: claims are then not stored.
 */
export function coverageClient(options: CoverageClientOptions) {
  return async (requests: readonly CoverageRequest[]): Promise<CoverageAnswer[]> => {
    const unavailable = () => new OnshiError('SERVICE_UNAVAILABLE', bilingual('Coverage could not be checked; nothing was stored', '資格を確認できないため取り込みませんでした'), { service: 'qualifications' });
    const answers: CoverageAnswer[] = [];
    for (let start = 0; start < requests.length; start += COVERAGE_REQUESTS_MAX) {
      const slice = requests.slice(start, start + COVERAGE_REQUESTS_MAX);
      const response = await postToService(new URL(COVERAGE_PATH, options.qualificationsUrl), {
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.internalSecret, ...(options.requestId ? { 'x-request-id': options.requestId } : {}) },
        body: JSON.stringify({ requests: slice }),
        timeoutMs: options.timeoutMs ?? 30_000,
      }).catch(() => undefined);
      const parsed = response?.ok ? coverageAnswer.safeParse(await response.json().catch(() => undefined)) : undefined;
      if (!parsed?.success || parsed.data.coverage.length !== slice.length) throw unavailable();
      parsed.data.coverage.forEach((answer, index) => {
        const asked = slice[index];
        if (asked === undefined || answer.patientId !== asked.patientId || answer.month !== asked.month) throw unavailable();
        answers.push(answer);
      });
    }
    return answers;
  };
}
export type CoverageLookup = ReturnType<typeof coverageClient>;
