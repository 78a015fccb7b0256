import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AuditEntry } from '../app/index.js';

function decisionOf(status: number, streamFailed: boolean): AuditEntry['decision'] {
  if (status < 400) return streamFailed ? 'error' : 'forwarded';
  // Refused before anything went upstream: no key, a bad key, a scope, a model, a limit.
  if (status === 401 || status === 403 || status === 429) return 'blocked';
  return 'error';
}

/**
 * An `onResponse` hook writing the request's audit entry once the answer (a stream included)
 * has ended. The entry holds ids, the route, the decision and finding counts — no prompt text,
 * no value. A failed write is logged by code; the answer has already gone.
 */
export function auditOnResponse(app: App) {
  return async function audit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const state = request.bulwark;
    const entry: AuditEntry = {
      requestId: request.id,
      at: app.now(),
      keyId: state.keyId,
      route: `${request.method} ${request.routeOptions.url ?? ''}`,
      decision: decisionOf(reply.statusCode, state.streamFailed),
      findings: state.findings,
      status: reply.statusCode,
    };
    try {
      await app.audit.append(entry);
    } catch (err) {
      request.log.error({ code: (err as { code?: unknown }).code ?? 'unknown' }, 'audit record not written');
    }
  };
}
