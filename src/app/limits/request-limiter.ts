import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { limitError } from './limit-error.js';
import { isLimiterRejection, limitState, type LimitState } from './limit-state.js';
import type { LimitTier } from './limit-tiers.js';
import type { LimiterBackend } from './limiter-backend.js';
import { perTier } from './per-tier.js';

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

/** One request limit of a tier. */
interface RequestLimit {
  readonly policy: 'key' | 'user' | 'ip';
  readonly quota: number;
  readonly windowSeconds: number;
  readonly limiter: RateLimiterAbstract;
}

/** A tier's request limits; `undefined` when switched off. */
interface TierLimits {
  readonly key: RequestLimit | undefined;
  readonly user: RequestLimit | undefined;
  readonly ip: RequestLimit | undefined;
}

/** A limit the request exhausted (rate-limiter-flexible rejects with the counter's state). */
class Refused {
  constructor(readonly res: { readonly consumedPoints: number; readonly msBeforeNext: number }) {}
}

/** The outcome of a consume: the counter's state, a refusal, or `null` for a store error. */
type Outcome = RateLimiterRes | Refused | null;

function refusedOrNull(err: unknown): Refused | null {
  return isLimiterRejection(err) ? new Refused(err) : null;
}

/**
 * Counts one request. Never rejects (a refusal or a store error is a value): the promises of a
 * request's limits wait side by side while an earlier one is awaited, and a rejection nobody
 * handles yet would be reported as unhandled.
 */
function consume(limit: RequestLimit, key: string): Promise<Outcome> {
  try {
    return limit.limiter.consume(key).catch(refusedOrNull);
  } catch (err) {
    return Promise.resolve(refusedOrNull(err));
  }
}

/**
 * Request limits over a {@link LimiterBackend}. All limits are counted at once (one store round
 * trip); a refused request still counts, as with every fixed-window limiter. A store error that
 * even the fallback limiter could not absorb admits the request (limits are protection, not a
 * single point of failure). Each tier's limiters are looked up once, not per request.
 */
export function requestLimiter(backend: LimiterBackend): RequestLimiter {
  const limitsOf = perTier((tier): TierLimits => {
    const window = tier.windowSeconds;
    const limit = (policy: RequestLimit['policy'], quota: number): RequestLimit | undefined =>
      quota > 0 ? { policy, quota, windowSeconds: window, limiter: backend.limiter({ name: `req:${policy}`, points: quota, durationSeconds: window }) } : undefined;
    return { key: limit('key', tier.keyRequests), user: limit('user', tier.userRequests), ip: limit('ip', tier.ipRequests) };
  });

  return {
    async admit({ route, keyId, user, ip }, tier) {
      const limits = limitsOf(tier);
      const checked = [keyId === null ? undefined : limits.key, user === null || user === '' ? undefined : limits.user, ip === null ? undefined : limits.ip];
      // Started together, awaited in turn: on Redis the commands share one round trip.
      const pending = [
        checked[0] && consume(checked[0], `${route}:${keyId}`),
        // Users are named by the app holding the key: the same name under two keys is two users.
        checked[1] && consume(checked[1], `${route}:${keyId ?? '-'}:${user?.slice(0, MAX_USER_LENGTH)}`),
        checked[2] && consume(checked[2], `${route}:${ip}`),
      ];
      const states: LimitState[] = [];
      let refused: LimitState[] | undefined;
      for (let i = 0; i < checked.length; i++) {
        const limit = checked[i];
        if (limit === undefined) continue;
        const outcome = await pending[i];
        if (outcome === undefined || outcome === null) continue;
        const res = outcome instanceof Refused ? outcome.res : outcome;
        const state = limitState(limit.policy, limit.quota, limit.windowSeconds, res);
        states.push(state);
        if (outcome instanceof Refused) (refused ??= []).push(state);
      }
      if (refused !== undefined) throw limitError('ERR_LIMIT_RATE_EXCEEDED', `Too many requests (${refused.map((s) => s.policy).join(', ')} limit); retry later.`, refused, states);
      return states;
    },
  };
}
