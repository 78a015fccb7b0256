import type { FastifyInstance } from 'fastify';
import type { App } from '../app/index.js';

/** `GET /v1/models` (the upstream's list) and `GET /health` (the process is serving). */
export function infoRoutes(server: FastifyInstance, app: App): void {
  server.get('/v1/models', async (_request, reply) => {
    const abort = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    return app.upstream.models({ signal: abort.signal });
  });
  server.get('/health', async () => ({ status: 'ok' }));
}
