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
  const { series } = metrics;
  server.addHook('onResponse', (request, reply, done) => {
    const state = (request.bulwarkMetrics ??= newRequestMetrics());
    const seconds = (performance.now() - state.startedAt) / 1000;
    const route = routeLabel(request);
    const http = series.http(request.method, route, reply.statusCode);
    http.requests.inc();
    http.duration.observe(seconds);
    const findings = request.bulwark?.findings;
    for (const type in findings) {
      if (Object.hasOwn(findings, type)) series.findings(route, ENTITY_LABEL.test(type) ? type : 'OTHER').inc(findings[type]);
    }
    for (const d of request.bulwark?.detections ?? []) {
      series.detections(DETECTOR_LABEL.test(d.detector) && d.detector.length <= 64 ? d.detector : 'other', ACTION_LABEL.test(d.action) ? d.action : 'other').inc();
    }
    if (state.errorCode !== null && BLOCKING_CODE.test(state.errorCode)) series.blocked(route, state.errorCode).inc();
    if (state.upstreamCalled) series.gatewayOverhead(route).observe(Math.max(0, seconds - state.upstreamSeconds));
    done();
  });
  return metrics;
}
