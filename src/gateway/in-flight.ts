import type { FastifyInstance } from 'fastify';

/**
 * Counts the requests in progress in `counter` (the app's `inFlight`): from arrival until the
 * response is sent, fails or is abandoned by the client. The app hands a chat inspection to a
 * guard thread only when others are in progress, and the audit writer waits for their records
 * to batch them (see `App.inspectChat`, `createAuditWriter`).
 */
export function trackInFlight(server: FastifyInstance, counter: { count: number }): void {
  server.addHook('onRequest', (_request, reply, next) => {
    counter.count++;
    let counted = true;
    const done = (): void => {
      if (!counted) return;
      counted = false;
      counter.count--;
    };
    // `finish` (the answer is with the OS) comes before the client can send its next request on
    // the connection; `close` alone can come after it, and a lone client would look like two.
    // `close` still ends an answer that never finishes (the client left).
    reply.raw.once('finish', done);
    reply.raw.once('close', done);
    next();
  });
}
