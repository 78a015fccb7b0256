import type { LimitsConfig } from '../../config/index.js';
import { failedAuthLimiter, type FailedAuthLimiter } from './failed-auth-limiter.js';
import { createLimiterBackend } from './limiter-backend.js';
import { limitTiers, type LimitTier } from './limit-tiers.js';
import { requestLimiter, type RequestLimiter } from './request-limiter.js';
import { streamSlots, type StreamSlots } from './stream-slots.js';
import { tokenBudget, type TokenBudget } from './token-budget.js';

/** Every limit of one gateway process, over one counter store. */
export interface Limits {
  /** `memory` or `redis` (for the banner and health output). */
  readonly backend: 'memory' | 'redis';
  readonly requests: RequestLimiter;
  readonly tokens: TokenBudget;
  readonly streams: StreamSlots;
  /** The tier of a key id (the default tier for `null`). */
  tierOf(keyId: string | null): LimitTier;
  /** `clamp` or `reject` a max_tokens above the tier's cap. */
  readonly maxTokensMode: 'clamp' | 'reject';
  /** Completion tokens reserved when a request names no max_tokens. */
  readonly defaultMaxTokens: number;
  /** True when the counter store answers (memory: always). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Options of {@link createLimits} beyond the configuration. */
export interface CreateLimitsOptions {
  /** The brute-force limit on failed authentication (kept on the same store). */
  readonly maxFailures: number;
  readonly failureWindowSeconds: number;
  readonly onRedisError?: (err: Error) => void;
}

/** Builds the limits and the failed-auth limiter over memory or, with `redisUrl`, Redis. */
export function createLimits(config: LimitsConfig, options: CreateLimitsOptions): { limits: Limits; authFailures: FailedAuthLimiter } {
  const backend = createLimiterBackend({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    ...(options.onRedisError === undefined ? {} : { onRedisError: options.onRedisError }),
  });
  const limits: Limits = {
    backend: backend.kind,
    requests: requestLimiter(backend),
    tokens: tokenBudget(backend),
    streams: streamSlots(backend),
    tierOf: limitTiers(config),
    maxTokensMode: config.maxTokensMode,
    defaultMaxTokens: config.defaultMaxTokens,
    ping: () => backend.ping(),
    close: () => backend.close(),
  };
  const authFailures = failedAuthLimiter({ maxFailures: options.maxFailures, windowSeconds: options.failureWindowSeconds, backend });
  return { limits, authFailures };
}
