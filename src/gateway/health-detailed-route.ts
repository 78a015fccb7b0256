import type { FastifyInstance } from 'fastify';
import type { App } from '../app/index.js';
import { BulwarkError, isBulwarkError } from '../core/bulwark-error.js';
import { localOrAdmin } from './local-or-admin.js';

/** One component's state in `/health/detailed`. */
export interface ComponentHealth {
  readonly status: 'ok' | 'degraded' | 'down';
  readonly latency_ms: number;
  /** The error code when not ok (never a driver message: those can name hosts and users). */
  readonly code?: string;
}

/** Options of {@link healthDetailedRoute}. */
export interface HealthDetailedOptions {
  /** Longest wait for each check (default 2000 ms); checks run in parallel. */
  readonly timeoutMs?: number;
}

// The provider answered, but refused us: reachable, so degraded rather than down.
const ANSWERED = new Set(['ERR_UPSTREAM_REJECTED', 'ERR_UPSTREAM_RATE_LIMITED']);

/** Runs `check` with a deadline: a check that hangs (or ignores its abort signal) reports `ERR_HEALTH_TIMEOUT`. */
async function probe(timeoutMs: number, check: (signal: AbortSignal) => Promise<unknown>, answered = ANSWERED): Promise<ComponentHealth> {
  const started = performance.now();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new BulwarkError('ERR_HEALTH_TIMEOUT', 'The health check did not answer in time.'));
    }, timeoutMs);
  });
  const latency = (): number => Math.round((performance.now() - started) * 10) / 10;
  try {
    await Promise.race([check(abort.signal), deadline]);
    return { status: 'ok', latency_ms: latency() };
  } catch (err) {
    const code = isBulwarkError(err) ? err.code : 'ERR_INTERNAL';
    return { status: answered.has(code) ? 'degraded' : 'down', latency_ms: latency(), code };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health/detailed` (local callers or an admin key): the store answers a trivial query, the
 * limiter answers a lookup, the upstream answers `GET /models` — each within a short deadline, in
 * parallel, so the route never hangs. 200 when everything is up (or merely degraded), 503 when a
 * component is down.
 */
export function healthDetailedRoute(server: FastifyInstance, app: App, options: HealthDetailedOptions = {}): void {
  const timeoutMs = options.timeoutMs ?? 2000;
  server.get('/health/detailed', { onRequest: localOrAdmin(app) }, async (_request, reply) => {
    const [store, limiter, upstream] = await Promise.all([
      probe(timeoutMs, () => app.pingStore()),
      probe(timeoutMs, () => pingLimits(app)),
      probe(timeoutMs, (signal) => app.upstream.models({ signal })),
    ]);
    const checks = { store: { ...store, kind: app.storeDescription.split(' ')[0] }, limiter: { ...limiter, kind: app.limits.backend }, upstream: { ...upstream, kind: app.upstream.kind } };
    const parts = [store, limiter, upstream];
    const status = parts.some((c) => c.status === 'down') ? 'down' : parts.some((c) => c.status === 'degraded') ? 'degraded' : 'ok';
    return reply.status(status === 'down' ? 503 : 200).send({ status, checks });
  });
}

/** The limiter store answers (Redis: a PING within the deadline; memory: always). */
async function pingLimits(app: App): Promise<void> {
  if (!(await app.limits.ping())) throw new Error('limiter store did not answer');
}
