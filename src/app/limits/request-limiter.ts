import { limitError } from './limit-error.js';
import { isLimiterRejection, limitState, type LimitState } from './limit-state.js';
import type { LimitTier } from './limit-tiers.js';
import type { LimiterBackend } from './limiter-backend.js';

/** Who a request comes from; absent parts are not limited. */
export interface RequestSubjects {
  /** Counters are separate per route (`chat`, `embeddings`, …). */
  readonly route: string;
  readonly keyId: string | null;
  /** The end user the calling app names. */
  readonly user: string | null;
  readonly ip: string | null;
}

/** Request-count limits per key, end user and client address. */
export interface RequestLimiter {
  /**
   * Counts one request against every applicable limit of `tier` and returns their states;
   * throws `ERR_LIMIT_RATE_EXCEEDED` (a `LimitError`) when one is exhausted.
   */
  admit(subjects: RequestSubjects, tier: LimitTier): Promise<LimitState[]>;
}

// End-user names come from the caller: bound their length so one cannot bloat the store.
const MAX_USER_LENGTH = 256;

/**
 * Request limits over a {@link LimiterBackend}. All limits are counted at once (one store round
 * trip); a refused request still counts, as with every fixed-window limiter. A store error that
 * even the fallback limiter could not absorb admits the request (limits are protection, not a
 * single point of failure).
 */
export function requestLimiter(backend: LimiterBackend): RequestLimiter {
  return {
    async admit(subjects, tier) {
      const checks: [policy: string, quota: number, subject: string][] = [];
      if (subjects.keyId !== null && tier.keyRequests > 0) checks.push(['key', tier.keyRequests, subjects.keyId]);
      if (subjects.user !== null && subjects.user !== '' && tier.userRequests > 0) {
        // Users are named by the app holding the key: the same name under two keys is two users.
        checks.push(['user', tier.userRequests, `${subjects.keyId ?? '-'}:${subjects.user.slice(0, MAX_USER_LENGTH)}`]);
      }
      if (subjects.ip !== null && tier.ipRequests > 0) checks.push(['ip', tier.ipRequests, subjects.ip]);

      const window = tier.windowSeconds;
      const outcomes = await Promise.all(
        checks.map(async ([policy, quota, subject]) => {
          const limiter = backend.limiter({ name: `req:${policy}`, points: quota, durationSeconds: window });
          try {
            return { state: limitState(policy, quota, window, await limiter.consume(`${subjects.route}:${subject}`)), refused: false };
          } catch (err) {
            if (isLimiterRejection(err)) return { state: limitState(policy, quota, window, err), refused: true };
            return null;
          }
        }),
      );
      const states = outcomes.filter((o) => o !== null).map((o) => o.state);
      const refused = outcomes.filter((o) => o?.refused === true).map((o) => o!.state);
      if (refused.length > 0) throw limitError('ERR_LIMIT_RATE_EXCEEDED', `Too many requests (${refused.map((s) => s.policy).join(', ')} limit); retry later.`, refused, states);
      return states;
    },
  };
}
