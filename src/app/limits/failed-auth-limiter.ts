import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterBackend } from './limiter-backend.js';

/** Counts failed authentications per client address. */
export interface FailedAuthLimiter {
  /** Seconds `address` must still wait; 0 when it may try. */
  blockedFor(address: string): Promise<number>;
  /** Counts one failure from `address`. */
  recordFailure(address: string): Promise<void>;
}

/** Options of {@link failedAuthLimiter}. */
export interface FailedAuthLimiterOptions {
  /** Failures allowed per window; the next request is refused, even with a correct key. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
  /** The shared counter store (Redis with a local fallback); default: this process's memory. */
  readonly backend?: LimiterBackend;
}

/**
 * A brute-force limit on key guessing (rate-limiter-flexible, on the limits' store: Redis
 * falls back to a local counter while it is unreachable, so guessing stays limited). It fails
 * closed: when the counter cannot be read, the address is treated as blocked for a second.
 */
export function failedAuthLimiter(options: FailedAuthLimiterOptions): FailedAuthLimiter {
  const spec = { name: 'auth-fail', points: options.maxFailures, durationSeconds: options.windowSeconds };
  const limiter: RateLimiterAbstract =
    options.backend?.limiter(spec) ?? new RateLimiterMemory({ keyPrefix: spec.name, points: spec.points, duration: spec.durationSeconds });
  return {
    async blockedFor(address) {
      try {
        const res = await limiter.get(address);
        if (res === null || res.consumedPoints < options.maxFailures) return 0;
        return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      } catch {
        return 1;
      }
    },
    async recordFailure(address) {
      await limiter.penalty(address, 1);
    },
  };
}
