import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { requireModel, type App } from '../app/index.js';
import { auditBeforeDone, auditHooks } from './audit-hooks.js';
import { requireKey } from './auth/index.js';
import { parseChatRequest } from './chat-request-schema.js';
import { admitChat, limitRequests } from './limits/index.js';
import { recordUsage, timedEvents, timedUpstream } from './metrics/index.js';
import { sseStream } from './sse-stream.js';

/**
 * `POST /v1/chat/completions`: authenticate (chat scope, before the body is read), validate,
 * check the model against the key, protect (guard), forward, restore — whole or streamed — and
 * write the audit record. The upstream call is aborted as soon as the client goes away.
 */
export function chatCompletionsRoute(server: FastifyInstance, app: App): void {
  const audit = auditHooks(app);
  const options = { onRequest: [audit.onRequest, requireKey(app, 'chat')], preHandler: limitRequests(app, 'chat'), onSend: audit.onSend, onResponse: audit.onResponse };
  server.post('/v1/chat/completions', options, async (request, reply) => {
    const body = parseChatRequest(request.body);
    if (request.bulwark.key !== null) requireModel(request.bulwark.key, body.model);
    const limited = await admitChat(app, request, reply, body);
    const policy = app.policies.resolve(request.bulwark.keyId, '/v1/chat/completions');
    const source = request.bodyText === undefined ? undefined : { text: request.bodyText, parsed: request.body };
    const inspected = await app.inspectChat(limited.body, policy, source);
    const counts: Record<string, number> = { ...inspected.findings };
    request.bulwark.findings = counts;
    // The same list: detections in the answer join it while it is checked.
    request.bulwark.detections = inspected.detections;
    if (inspected.detections.length > 0) request.log.info({ detections: inspected.detections }, 'threats detected');
    if (inspected.blocked !== undefined) throw inspected.blocked;
    const output = app.guard.outputCheckFor(policy, inspected, counts);
    request.log.debug({ keyId: request.bulwark.keyId, findings: inspected.findings, stream: body.stream === true }, 'request inspected');

    const abort = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    const result = await timedUpstream(request, 'chat', () => app.upstream.chat(inspected.body, { signal: abort.signal, bodyJson: inspected.bodyJson }));
    if (!result.stream) {
      recordUsage(request, result.body);
      await limited.settleCompletion(result.body);
      return app.guard.restoreResponse(result.body, inspected.vault, output);
    }

    const restorer = app.guard.createStreamRestorer(inspected.vault, output);
    const onError = (): void => {
      request.bulwark.streamFailed = true;
    };
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-accel-buffering', 'no')
      .send(Readable.from(sseStream(timedEvents(request, limited.observeStream(result.events)), restorer, request.id, request.log, onError, auditBeforeDone(app, request, reply))));
  });
}
