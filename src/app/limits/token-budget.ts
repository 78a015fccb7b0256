import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { limitError } from './limit-error.js';
import { isLimiterRejection, limitState, type LimitState } from './limit-state.js';
import type { LimitTier } from './limit-tiers.js';
import type { LimiterBackend } from './limiter-backend.js';
import { perTier } from './per-tier.js';

/** Tokens held for one request until its real usage is known. */
export interface TokenReservation {
  /** The budget after the reservation; `null` when the tier has no budget. */
  readonly state: LimitState | null;
  /** Replaces the reservation by the real usage (refund or extra charge). Only the first call counts. */
  settle(actualTokens: number): Promise<void>;
}

/** Token budgets per API key and window. */
export interface TokenBudget {
  /** Reserves `estimate` tokens; throws `ERR_LIMIT_TOKEN_BUDGET` (a `LimitError`) when they do not fit. */
  reserve(keyId: string, tier: LimitTier, estimate: number): Promise<TokenReservation>;
}

const NONE: TokenReservation = { state: null, settle: async () => undefined };

/** A reservation that was made: settling it rewards or charges the difference once. */
class HeldTokens implements TokenReservation {
  private settled = false;

  constructor(
    readonly state: LimitState,
    private readonly limiter: RateLimiterAbstract,
    private readonly keyId: string,
    private readonly reserved: number,
  ) {}

  async settle(actualTokens: number): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    const diff = Math.ceil(Math.max(0, actualTokens)) - this.reserved;
    try {
      if (diff > 0) await this.limiter.penalty(this.keyId, diff);
      else if (diff < 0) await this.limiter.reward(this.keyId, -diff);
    } catch {
      // Settling is best effort: the window ends anyway.
    }
  }
}

/**
 * Token budgets over a {@link LimiterBackend}: a reservation consumes the estimate, settling
 * rewards the difference (or consumes the overrun, which may push the key past its budget: the
 * next request is then refused). A refused reservation is given back at once, so asking for too
 * much does not eat the budget. Store errors the fallback cannot absorb admit the request.
 */
export function tokenBudget(backend: LimiterBackend): TokenBudget {
  const limiterOf = perTier((tier) => backend.limiter({ name: 'tokens', points: tier.tokenBudget, durationSeconds: tier.tokenWindowSeconds }));
  return {
    async reserve(keyId, tier, estimate) {
      if (tier.tokenBudget <= 0) return NONE;
      const quota = tier.tokenBudget;
      const window = tier.tokenWindowSeconds;
      const limiter = limiterOf(tier);
      const reserved = Math.max(1, Math.ceil(estimate));
      let state: LimitState;
      try {
        state = limitState('tokens', quota, window, await limiter.consume(keyId, reserved));
      } catch (err) {
        if (!isLimiterRejection(err)) return NONE;
        await limiter.reward(keyId, reserved).catch(() => undefined);
        const now = limitState('tokens', quota, window, { consumedPoints: err.consumedPoints - reserved, msBeforeNext: err.msBeforeNext });
        throw limitError('ERR_LIMIT_TOKEN_BUDGET', `The token budget cannot cover this request (about ${reserved} tokens); retry later.`, [
          { ...now, resetSeconds: Math.max(1, now.resetSeconds) },
        ]);
      }
      return new HeldTokens(state, limiter, keyId, reserved);
    },
  };
}
