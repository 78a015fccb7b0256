import type { FastifyInstance } from 'fastify';
import type { App } from '../../app/index.js';
import { localOrAdmin } from '../local-or-admin.js';

/** `GET /metrics`: this server's series in the Prometheus text format (local callers, or an admin key). */
export function metricsRoute(server: FastifyInstance, app: App): void {
  server.get('/metrics', { onRequest: localOrAdmin(app) }, async (_request, reply) => {
    const { registry } = server.metrics;
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
}
