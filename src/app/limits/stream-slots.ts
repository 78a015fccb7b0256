import { limitError } from './limit-error.js';
import { isLimiterRejection, limitState } from './limit-state.js';
import type { LimitTier } from './limit-tiers.js';
import type { LimiterBackend } from './limiter-backend.js';
import { perTier } from './per-tier.js';

/** Open-stream counts per API key. */
export interface StreamSlots {
  /** Takes a slot; returns its release (safe to call more than once). Throws `ERR_LIMIT_STREAMS`. */
  acquire(keyId: string, tier: LimitTier): Promise<() => void>;
}

// A slot lost by a crashed process is given back when the counter expires this long after it
// was created. A stream outliving it may briefly let one more in.
const SLOT_TTL_SECONDS = 3600;

/** Stream concurrency caps over a {@link LimiterBackend} (shared by every instance on Redis). */
export function streamSlots(backend: LimiterBackend): StreamSlots {
  const limiterOf = perTier((tier) => backend.limiter({ name: 'streams', points: tier.maxStreams, durationSeconds: SLOT_TTL_SECONDS }));
  return {
    async acquire(keyId, tier) {
      if (tier.maxStreams <= 0) return () => undefined;
      const limiter = limiterOf(tier);
      try {
        await limiter.consume(keyId, 1);
      } catch (err) {
        if (!isLimiterRejection(err)) return () => undefined;
        await limiter.reward(keyId, 1).catch(() => undefined);
        const state = limitState('streams', tier.maxStreams, SLOT_TTL_SECONDS, err);
        // No window to wait for: a slot frees when a stream ends. Suggest a short pause.
        throw limitError('ERR_LIMIT_STREAMS', `This key already has ${tier.maxStreams} open streams; retry when one ends.`, [
          { ...state, remaining: 0, resetSeconds: 1 },
        ]);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        limiter.reward(keyId, 1).catch(() => undefined);
      };
    },
  };
}
