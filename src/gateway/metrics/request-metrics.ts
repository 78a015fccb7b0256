import type { FastifyRequest } from 'fastify';

/** What one request contributes to the metrics besides its status (see `metricsHooks`). */
export interface RequestMetrics {
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  /** Seconds spent waiting for the upstream (a stream's waits for events included). */
  upstreamSeconds: number;
  /** The upstream was called at all (only then is the gateway overhead observed). */
  upstreamCalled: boolean;
  /** The error code the request ended with, if it failed. */
  errorCode: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    bulwarkMetrics: RequestMetrics;
  }
}

/** A request's metrics state, started now. */
export function newRequestMetrics(): RequestMetrics {
  return { startedAt: performance.now(), upstreamSeconds: 0, upstreamCalled: false, errorCode: null };
}

/** The route label of a request: its template (`/admin/keys/:id`), never the raw path. */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/**
 * Runs one upstream call, observing its latency and counting it as upstream time of the request
 * (so the gateway overhead excludes it). Errors pass through unchanged.
 */
export async function timedUpstream<T>(request: FastifyRequest, operation: string, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let outcome = 'error';
  try {
    const result = await call();
    outcome = 'ok';
    return result;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    request.bulwarkMetrics.upstreamCalled = true;
    request.bulwarkMetrics.upstreamSeconds += seconds;
    request.server.metrics.series.upstream(operation, outcome).observe(seconds);
  }
}

/**
 * Passes a stream's events through, adding the time spent waiting for each one to the request's
 * upstream time and counting the tokens of a final `usage` chunk.
 */
export async function* timedEvents(request: FastifyRequest, events: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  const iterator = events[Symbol.asyncIterator]();
  try {
    for (;;) {
      const started = performance.now();
      let next: IteratorResult<unknown>;
      try {
        next = await iterator.next();
      } finally {
        request.bulwarkMetrics.upstreamSeconds += (performance.now() - started) / 1000;
      }
      if (next.done === true) return;
      recordUsage(request, next.value);
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Counts the tokens of an OpenAI `usage` object found on `body` (a completion, a final chunk, an embeddings list). */
export function recordUsage(request: FastifyRequest, body: unknown): void {
  const usage = typeof body === 'object' && body !== null ? (body as { usage?: unknown }).usage : undefined;
  if (typeof usage !== 'object' || usage === null) return;
  const { prompt_tokens: prompt, completion_tokens: completion } = usage as Record<string, unknown>;
  const route = routeLabel(request);
  const { series } = request.server.metrics;
  if (count(prompt) > 0) series.tokens(route, 'prompt').inc(count(prompt));
  if (count(completion) > 0) series.tokens(route, 'completion').inc(count(completion));
}
