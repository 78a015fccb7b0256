import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** One counter family: `points` per `durationSeconds`, keys under `name`. */
export interface CounterSpec {
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
}

/** Where the limit counters live: this process's memory, or Redis shared by every instance. */
export interface LimiterBackend {
  readonly kind: 'memory' | 'redis';
  /** The limiter for `spec` (one instance per distinct spec, reused). */
  limiter(spec: CounterSpec): RateLimiterAbstract;
  /** True when the shared store answers (always true for memory). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Options of {@link createLimiterBackend}. */
export interface LimiterBackendOptions {
  /** `redis://…`; absent: memory. */
  readonly redisUrl?: string | undefined;
  /** Prefix of every key (one per deployment, or per test run). */
  readonly prefix: string;
  /** Told about Redis connection errors (never the URL, which may hold a password). */
  readonly onRedisError?: (err: Error) => void;
}

/**
 * Builds the counter store. The Redis client fails fast: no offline queue, short connect and
 * command timeouts, one retry per command and capped reconnect backoff, so a Redis outage costs
 * a request at most a command timeout. Each Redis limiter carries a local memory limiter with
 * the same spec (rate-limiter-flexible's insuranceLimiter), used whenever Redis errors or is not
 * ready: during an outage every process enforces the limits alone instead of failing or hanging.
 */
export function createLimiterBackend(options: LimiterBackendOptions): LimiterBackend {
  const cache = new Map<string, RateLimiterAbstract>();
  const cached = (spec: CounterSpec, make: (keyPrefix: string) => RateLimiterAbstract): RateLimiterAbstract => {
    const id = `${spec.name}|${spec.points}|${spec.durationSeconds}`;
    let limiter = cache.get(id);
    if (limiter === undefined) {
      limiter = make(`${options.prefix}:${spec.name}`);
      cache.set(id, limiter);
    }
    return limiter;
  };
  const memory = (spec: CounterSpec, keyPrefix: string): RateLimiterMemory =>
    new RateLimiterMemory({ keyPrefix, points: spec.points, duration: spec.durationSeconds });

  if (options.redisUrl === undefined) {
    return {
      kind: 'memory',
      limiter: (spec) => cached(spec, (prefix) => memory(spec, prefix)),
      ping: async () => true,
      close: async () => undefined,
    };
  }
  const client = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    connectTimeout: 1000,
    commandTimeout: 500,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(100 * times, 2000),
    lazyConnect: false,
  });
  const onError = options.onRedisError ?? (() => undefined);
  // Reported once per outage: reconnect attempts would otherwise log every retry.
  let healthy = true;
  client.on('ready', () => (healthy = true));
  client.on('error', (err: Error) => {
    if (!healthy) return;
    healthy = false;
    onError(err);
  });
  return {
    kind: 'redis',
    limiter: (spec) =>
      cached(
        spec,
        (keyPrefix) =>
          new RateLimiterRedis({
            storeClient: client,
            rejectIfRedisNotReady: true,
            keyPrefix,
            points: spec.points,
            duration: spec.durationSeconds,
            insuranceLimiter: memory(spec, keyPrefix),
          }),
      ),
    ping: async () => {
      try {
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      client.disconnect();
    },
  };
}
