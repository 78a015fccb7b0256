import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { App } from '../app/index.js';
import { parseChatRequest } from './chat-request-schema.js';
import { sseStream } from './sse-stream.js';

/**
 * `POST /v1/chat/completions`: validate, protect (guard), forward, restore — whole or streamed.
 * The upstream call is aborted as soon as the client goes away.
 */
export function chatCompletionsRoute(server: FastifyInstance, app: App): void {
  server.post('/v1/chat/completions', async (request, reply) => {
    const body = parseChatRequest(request.body);
    const inspected = app.guard.inspectRequest(body);
    request.log.info({ findings: inspected.findings, stream: body.stream === true }, 'request inspected');

    const abort = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    const result = await app.upstream.chat(inspected.body, { signal: abort.signal });
    if (!result.stream) return app.guard.restoreResponse(result.body, inspected.vault);

    const restorer = app.guard.createStreamRestorer(inspected.vault);
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-accel-buffering', 'no')
      .send(Readable.from(sseStream(result.events, restorer, request.id, request.log)));
  });
}
