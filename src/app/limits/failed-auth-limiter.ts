import { RateLimiterMemory } from 'rate-limiter-flexible';

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
}

/**
 * A brute-force limit on key guessing (rate-limiter-flexible, in memory for now). It fails
 * closed: when the counter cannot be read, the address is treated as blocked for a second.
 */
export function failedAuthLimiter(options: FailedAuthLimiterOptions): FailedAuthLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix: 'auth-fail', points: options.maxFailures, duration: options.windowSeconds });
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
