/**
 * What disaster and emergency searches share (docs/domain.md "Disaster", "Emergency access"): a rate limit per staff
 * member and per facility, and the search log — every search, found or not, refused or throttled, is written to the
 * append-only `search_log` table (migration 0003). A search that finds nobody names no patient, so it has no place
 * in the access log, which is chained per patient partition; a hit is also written to the patient's access log
 * (the caller does that) so the patient sees it in 提供状況. Only the operator reads the search log.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { bilingual, OnshiError, type Actor, type Db, type SharedState } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { insertSearchLog } from '../../store/searchLog';
import type { Transaction } from './decisionPoint';

export type SearchKind = 'DISASTER' | 'EMERGENCY' | 'DISASTER_RECORD';
export type SearchOutcome = 'FOUND' | 'NOT_FOUND' | 'BLOCKED' | 'REFUSED' | 'RATE_LIMITED' | 'BAD_INPUT' | 'NOT_IDENTIFIED' | 'RECORDED';

export async function appendSearchLog(db: Db<Tables> | Transaction, actor: Pick<Actor, 'role' | 'subject' | 'facilityCode'>, kind: SearchKind, outcome: SearchOutcome, patientId: string | null, requestId: string, now: Date): Promise<void> {
  await insertSearchLog(db, { at: now, kind, actorRole: actor.role, actorSubject: actor.subject, facilityCode: actor.facilityCode ?? null, outcome, patientId, requestId });
}

/**
 * Searches allowed per window. A clinic looking up its patients after a disaster searches a few times an hour per
 * staff member; a loop trying birth dates or names is what this stops. Counted in the shared state (platform sharedState.ts:
 * Redis across replicas when configured, else this process), as the login throttle (loginThrottle.ts).
 */
export const SEARCH_LIMITS = {
  perStaff: { points: 10, durationSeconds: 10 * 60 },
  perFacility: { points: 40, durationSeconds: 10 * 60 },
} as const;

export class SearchThrottle {
  private readonly perStaff: RateLimiterAbstract;
  private readonly perFacility: RateLimiterAbstract;

  constructor(shared: SharedState) {
    this.perStaff = shared.limiter({ keyPrefix: 'special-search-staff', points: SEARCH_LIMITS.perStaff.points, duration: SEARCH_LIMITS.perStaff.durationSeconds });
    this.perFacility = shared.limiter({ keyPrefix: 'special-search-facility', points: SEARCH_LIMITS.perFacility.points, duration: SEARCH_LIMITS.perFacility.durationSeconds });
  }

  /** Counts one search; throws RATE_LIMITED with `extensions.retryAfterSeconds` when the staff member or facility is over. */
  async consume(subject: string, facilityCode: string): Promise<void> {
    try {
      await this.perStaff.consume(subject);
      await this.perFacility.consume(facilityCode);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new OnshiError('RATE_LIMITED', bilingual(`Too many searches; try again in ${retryAfterSeconds} s`, `検索回数が上限に達しました。${retryAfterSeconds}秒後に再度お試しください`), { retryAfterSeconds });
    }
  }
}
