import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { App, AuditEntry } from '../app/index.js';
import { BulwarkError, isBulwarkError } from '../core/bulwark-error.js';
import { errorBody } from './error-body.js';

const UNAVAILABLE = 'ERR_AUDIT_UNAVAILABLE';

function decisionOf(status: number, streamFailed: boolean, errorCode: string | null): AuditEntry['decision'] {
  if (status < 400) return streamFailed ? 'error' : 'forwarded';
  // Refused before anything went upstream: no key, a bad key, a scope, a model, a limit, no audit.
  if (status === 401 || status === 403 || status === 429 || errorCode === UNAVAILABLE) return 'blocked';
  return 'error';
}

/** The request's audit entry as things stand: ids, route, decision, counts — no prompt text, no value. */
function entryOf(app: App, request: FastifyRequest, reply: FastifyReply): AuditEntry {
  const state = request.bulwark;
  const entry: AuditEntry = {
    requestId: request.id,
    at: app.now(),
    keyId: state.keyId,
    route: `${request.method} ${request.routeOptions.url ?? ''}`,
    // A threat check that blocked (the request, or the rest of its answer) makes it a refusal.
    decision: state.detections.some((d) => d.action === 'block') ? 'blocked' : decisionOf(reply.statusCode, state.streamFailed, request.bulwarkMetrics?.errorCode ?? null),
    findings: state.findings,
    status: reply.statusCode,
  };
  return state.detections.length === 0 ? entry : { ...entry, detections: state.detections };
}

const isStream = (payload: unknown): boolean => typeof (payload as { pipe?: unknown } | null)?.pipe === 'function';

const codeOf = (err: unknown): string => (isBulwarkError(err) ? err.code : 'unknown');

/** The hooks of an audited route (see {@link auditHooks}). */
export interface AuditHooks {
  /** `onRequest`, first: refuses with 503 `ERR_AUDIT_UNAVAILABLE` while the audit store is failing. */
  readonly onRequest: (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;
  /** `onSend`: writes the record before a whole answer goes out; a 2xx whose record fails becomes a 503. */
  readonly onSend: (request: FastifyRequest, reply: FastifyReply, payload: unknown) => Promise<unknown>;
  /** `onResponse`: writes the record of an answer that ended without one (a stream cut short). */
  readonly onResponse: (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;
}

/**
 * The audit record of a state-changing route, written so that no answer is acknowledged without
 * its record (fail closed, DESIGN.md):
 * - a whole answer waits in `onSend` until its record is in the store (one batched write per
 *   event-loop turn, see `createAuditWriter`); if that fails, a 2xx is replaced by 503
 *   `ERR_AUDIT_UNAVAILABLE` (a refusal keeps its status: it acknowledged nothing);
 * - a stream writes its record before `data: [DONE]` ({@link auditBeforeDone}); if that fails it
 *   ends with an `ERR_AUDIT_UNAVAILABLE` error event and no `[DONE]`;
 * - while the writer is failing, new requests are refused before authentication and before
 *   anything goes upstream; their own records (status 503) are still attempted, and the first
 *   one written reopens the gate.
 */
export function auditHooks(app: App): AuditHooks {
  return {
    onRequest(_request, _reply, done) {
      if (!app.audit.failing) return done();
      done(Object.assign(new BulwarkError(UNAVAILABLE, 'The audit log cannot be written at the moment; try again shortly.'), { retryAfter: '1' }));
    },
    async onSend(request, reply, payload) {
      if (request.bulwark.audited || isStream(payload)) return payload;
      request.bulwark.audited = true;
      try {
        await app.audit.append(entryOf(app, request, reply));
        return payload;
      } catch (err) {
        if (reply.statusCode >= 400) return payload;
        request.bulwarkMetrics.errorCode = UNAVAILABLE;
        request.log.warn({ code: codeOf(err) }, 'answer withheld: its audit record could not be written');
        reply.code(503).header('content-type', 'application/json; charset=utf-8').header('retry-after', '1');
        return JSON.stringify(errorBody(503, UNAVAILABLE, 'The audit record of this request could not be written, so its answer is withheld.', request.id));
      }
    },
    onResponse(request, reply, done) {
      if (!request.bulwark.audited) {
        request.bulwark.audited = true;
        // The answer has ended (the client left mid-stream, or the stream failed): nothing to withhold any more.
        app.audit.append(entryOf(app, request, reply)).catch((err: unknown) => request.log.error({ code: codeOf(err) }, 'audit record not written'));
      }
      done();
    },
  };
}

/**
 * For a streamed answer: writes the request's audit record, to be awaited before `[DONE]` (see
 * `sseStream`). Throws `ERR_AUDIT_UNAVAILABLE` when it cannot be written.
 */
export function auditBeforeDone(app: App, request: FastifyRequest, reply: FastifyReply): () => Promise<void> {
  return async () => {
    if (request.bulwark.audited) return;
    request.bulwark.audited = true;
    await app.audit.append(entryOf(app, request, reply));
  };
}
