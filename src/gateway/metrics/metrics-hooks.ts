import type { FastifyInstance } from 'fastify';
import { toHttpError } from '../to-http-error.js';
import { createGatewayMetrics, type GatewayMetrics } from './gateway-metrics.js';
import { routeLabel, type RequestMetrics } from './request-metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This server's Prometheus series (see `GatewayMetrics`). */
    metrics: GatewayMetrics;
  }
}

// Refusals decided by the gateway before the upstream: authentication, limits, policy.
const BLOCKING_CODE = /^ERR_(AUTH|LIMIT|POLICY|GUARD)_/;
// Entity type names are upper-case identifiers; anything else (a custom detector's odd name) is folded.
const ENTITY_LABEL = /^[A-Z][A-Z0-9_]{0,47}$/;

/**
 * Creates the server's metrics and the hooks that fill them: every answer is counted and timed
 * by route template and status; findings, blocks and the gateway overhead are read from the
 * request's state when the answer has ended. Call before the routes are registered.
 */
export function metricsHooks(server: FastifyInstance): GatewayMetrics {
  const metrics = createGatewayMetrics();
  server.decorate('metrics', metrics);
  server.decorateRequest('bulwarkMetrics', null as never);

  const fresh = (): RequestMetrics => ({ startedAt: performance.now(), upstreamSeconds: 0, upstreamCalled: false, errorCode: null });
  server.addHook('onRequest', async (request) => {
    request.bulwarkMetrics = fresh();
  });
  // A request can fail in a hook that ran before ours; its state is then created late.
  server.addHook('onError', async (request, _reply, err) => {
    (request.bulwarkMetrics ??= fresh()).errorCode = toHttpError(err).code;
  });
  server.addHook('onResponse', async (request, reply) => {
    const state = (request.bulwarkMetrics ??= fresh());
    const seconds = (performance.now() - state.startedAt) / 1000;
    const route = routeLabel(request);
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.requestDuration.observe(labels, seconds);
    for (const [type, n] of Object.entries(request.bulwark?.findings ?? {})) {
      metrics.findings.inc({ route, entity_type: ENTITY_LABEL.test(type) ? type : 'OTHER' }, n);
    }
    if (state.errorCode !== null && BLOCKING_CODE.test(state.errorCode)) metrics.blocked.inc({ route, code: state.errorCode });
    if (state.upstreamCalled) metrics.gatewayOverhead.observe({ route }, Math.max(0, seconds - state.upstreamSeconds));
  });
  return metrics;
}
