import type { FastifyInstance } from 'fastify';
import type { App } from '../app/index.js';
import { requireKey } from './auth/index.js';

/** The upstream's model list narrowed to the models `allowed` (all when `null`). */
function onlyAllowed(list: unknown, allowed: readonly string[] | null): unknown {
  const data = (list as { data?: unknown } | null)?.data;
  if (allowed === null || !Array.isArray(data)) return list;
  return { ...(list as object), data: data.filter((m: { id?: unknown }) => typeof m?.id === 'string' && allowed.includes(m.id)) };
}

/**
 * `GET /v1/models` (the upstream's list, narrowed to the models the key may use; chat scope) and
 * `GET /health` (the process is serving; no key).
 */
export function infoRoutes(server: FastifyInstance, app: App): void {
  server.get('/v1/models', { onRequest: requireKey(app, 'chat') }, async (request, reply) => {
    const abort = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    return onlyAllowed(await app.upstream.models({ signal: abort.signal }), request.bulwark.key?.models ?? null);
  });
  server.get('/health', async () => ({ status: 'ok' }));
}
