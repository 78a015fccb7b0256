import type { FastifyInstance } from 'fastify';
import { requireModel, type App } from '../app/index.js';
import { auditHooks } from './audit-hooks.js';
import { requireKey } from './auth/index.js';
import { limitRequests } from './limits/index.js';
import { parseEmbeddingsRequest } from './embeddings-request-schema.js';
import { recordUsage, timedUpstream } from './metrics/index.js';
import { protectEmbeddingsInput } from './protect-embeddings-input.js';

/**
 * `POST /v1/embeddings`: authenticate (embeddings scope), validate, check the model against the
 * key, tokenize or redact the inputs like chat text (secrets included), forward, and return the vectors as they
 * came (nothing to restore), with the audit record written at the end.
 */
export function embeddingsRoute(server: FastifyInstance, app: App): void {
  const audit = auditHooks(app);
  const options = { onRequest: [audit.onRequest, requireKey(app, 'embeddings')], preHandler: limitRequests(app, 'embeddings'), onSend: audit.onSend, onResponse: audit.onResponse };
  server.post('/v1/embeddings', options, async (request, reply) => {
    const body = parseEmbeddingsRequest(request.body);
    if (request.bulwark.key !== null) requireModel(request.bulwark.key, body.model);
    const inspected = protectEmbeddingsInput(app.guard, body, app.policies.resolve(request.bulwark.keyId, '/v1/embeddings'));
    request.bulwark.findings = inspected.findings;
    request.bulwark.detections = inspected.detections;
    if (inspected.blocked !== undefined) throw inspected.blocked;
    request.log.debug({ keyId: request.bulwark.keyId, findings: inspected.findings }, 'request inspected');

    const abort = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    const result = await timedUpstream(request, 'embeddings', () => app.upstream.embeddings(inspected.body, { signal: abort.signal }));
    recordUsage(request, result);
    return result;
  });
}
