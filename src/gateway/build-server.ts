import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { App } from '../app/index.js';
import { adminKeyRoutes, newRequestAuthState } from './auth/index.js';
import { chatCompletionsRoute } from './chat-completions-route.js';
import { embeddingsRoute } from './embeddings-route.js';
import { errorBody } from './error-body.js';
import { healthDetailedRoute } from './health-detailed-route.js';
import { trackInFlight } from './in-flight.js';
import { infoRoutes } from './info-routes.js';
import { keepJsonBodyText } from './json-body-text.js';
import { guardThreadMetrics } from './metrics/guard-thread-metrics.js';
import { metricsHooks, metricsRoute } from './metrics/index.js';
import { openApiRoute, routeCatalog } from './openapi/index.js';
import { requestIdGenerator } from './request-id.js';
import { RequestLog } from './request-log.js';
import { toHttpError } from './to-http-error.js';

/** The response header carrying the request id (also in every error body). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Builds the HTTP server over an app: routes, request ids, the body limit and one error shape.
 * Does not listen (see `startGateway`), so tests can use `inject` or an ephemeral port.
 */
export function buildServer(app: App): FastifyInstance {
  const trust = app.http.trustProxy;
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    // One `request completed` line per request instead of Fastify's two (see `RequestLog`).
    logController: new RequestLog(),
    bodyLimit: app.http.bodyLimitBytes,
    // Our own ids only: a caller-chosen id would let one request impersonate another in logs and audit.
    // Time-ordered (UUID v7), so the audit log's request-id index grows at one end.
    requestIdHeader: false,
    genReqId: requestIdGenerator(),
    // (keepJsonBodyText below parses JSON with these same settings.)
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // request.ip (the per-address limit) honours X-Forwarded-For only from these proxies.
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
  });

  keepJsonBodyText(server);
  routeCatalog(server);
  trackInFlight(server, app.inFlight);
  guardThreadMetrics(metricsHooks(server).registry, app.guardThreads);
  server.decorateRequest('bulwark', null as never);
  server.addHook('onRequest', (request, reply, done) => {
    request.bulwark = newRequestAuthState();
    reply.header(REQUEST_ID_HEADER, request.id);
    reply.header('x-content-type-options', 'nosniff');
    done();
  });

  server.setErrorHandler((err, request, reply) => {
    const e = toHttpError(err);
    // A client that hung up mid-request aborts our upstream call: an ordinary event, not a failure.
    // (The request stream itself is destroyed once its body has been read, so look at the socket.)
    if (reply.raw.destroyed || request.raw.socket.destroyed) request.log.info({ code: e.code }, 'client went away');
    // Refused while the audit log is down: the writer logged the cause once, not once per request.
    else if (e.code === 'ERR_AUDIT_UNAVAILABLE') request.log.debug({ code: e.code }, 'request refused');
    else if (e.status >= 500) request.log.error({ err, code: e.code }, 'request failed');
    // The `request completed` line carries the code of a refusal.
    else request.log.debug({ code: e.code }, 'request refused');
    if (e.retryAfter !== undefined) reply.header('retry-after', e.retryAfter);
    return reply.status(e.status).send(errorBody(e.status, e.code, e.message, request.id));
  });

  server.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody(404, 'ERR_REQUEST_NOT_FOUND', `No route for ${request.method} ${request.routeOptions.url ?? 'this path'}.`, request.id)),
  );

  chatCompletionsRoute(server, app);
  infoRoutes(server, app);
  embeddingsRoute(server, app);
  healthDetailedRoute(server, app);
  metricsRoute(server, app);
  openApiRoute(server);
  adminKeyRoutes(server, app);
  server.addHook('onClose', async () => app.close());
  return server;
}
