/** Where one limit stands after a request: what the RateLimit header fields report. */
export interface LimitState {
  /** Policy name: `key`, `user`, `ip`, `tokens`, `streams`. */
  readonly policy: string;
  /** Quota per window. */
  readonly quota: number;
  readonly windowSeconds: number;
  /** Quota left in the current window. */
  readonly remaining: number;
  /** Seconds until the window resets (at least 1 when nothing remains). */
  readonly resetSeconds: number;
}

/** The state of a limit from a rate-limiter-flexible result. */
export function limitState(policy: string, quota: number, windowSeconds: number, res: { readonly consumedPoints: number; readonly msBeforeNext: number }): LimitState {
  const remaining = Math.max(0, quota - res.consumedPoints);
  const reset = Math.ceil(Math.max(0, res.msBeforeNext) / 1000);
  return { policy, quota, windowSeconds, remaining, resetSeconds: remaining === 0 ? Math.max(1, reset) : reset };
}

/** True for the rejection rate-limiter-flexible signals (as opposed to a store error). */
export function isLimiterRejection(err: unknown): err is { consumedPoints: number; msBeforeNext: number } {
  return typeof err === 'object' && err !== null && 'msBeforeNext' in err && 'consumedPoints' in err;
}
