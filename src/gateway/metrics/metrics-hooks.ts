import type { FastifyInstance } from 'fastify';
import { toHttpError } from '../to-http-error.js';
import { createGatewayMetrics, type GatewayMetrics } from './gateway-metrics.js';
import { newRequestMetrics, routeLabel } from './request-metrics.js';

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
// Detector ids are stable dotted names; a custom detector's odd id is folded, so labels stay bounded.
const DETECTOR_LABEL = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,3}$/;
const ACTION_LABEL = /^(block|flag|log|redact|strip)$/;

/**
 * Creates the server's metrics and the hooks that fill them: every answer is counted and timed
 * by route template and status; findings, blocks and the gateway overhead are read from the
 * request's state when the answer has ended. Call before the routes are registered.
 */
export function metricsHooks(server: FastifyInstance): GatewayMetrics {
  const metrics = createGatewayMetrics();
  server.decorate('metrics', metrics);
  server.decorateRequest('bulwarkMetrics', null as never);

  // Synchronous hooks: an async hook costs a promise and a microtask turn per request.
  server.addHook('onRequest', (request, _reply, done) => {
    request.bulwarkMetrics = newRequestMetrics();
    done();
  });
  // A request can fail in a hook that ran before ours; its state is then created late.
  server.addHook('onError', (request, _reply, err, done) => {
    (request.bulwarkMetrics ??= newRequestMetrics()).errorCode = toHttpError(err).code;
    done();
  });
  server.addHook('onResponse', (request, reply, done) => {
    const state = (request.bulwarkMetrics ??= newRequestMetrics());
    const seconds = (performance.now() - state.startedAt) / 1000;
    const route = routeLabel(request);
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.requestDuration.observe(labels, seconds);
    for (const [type, n] of Object.entries(request.bulwark?.findings ?? {})) {
      metrics.findings.inc({ route, entity_type: ENTITY_LABEL.test(type) ? type : 'OTHER' }, n);
    }
    for (const d of request.bulwark?.detections ?? []) {
      metrics.detections.inc({ detector: DETECTOR_LABEL.test(d.detector) && d.detector.length <= 64 ? d.detector : 'other', action: ACTION_LABEL.test(d.action) ? d.action : 'other' });
    }
    if (state.errorCode !== null && BLOCKING_CODE.test(state.errorCode)) metrics.blocked.inc({ route, code: state.errorCode });
    if (state.upstreamCalled) metrics.gatewayOverhead.observe({ route }, Math.max(0, seconds - state.upstreamSeconds));
    done();
  });
  return metrics;
}
