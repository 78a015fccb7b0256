import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests received whose response has not closed yet (see {@link trackInFlight}). */
    readonly inFlight: { readonly count: number };
  }
}

/**
 * Counts the requests in progress: from arrival until the response closes (sent, failed or
 * abandoned by the client). The chat route hands its inspection to a guard thread only when
 * others are in progress: alone, a request gains nothing from a thread and pays the hand-over.
 */
export function trackInFlight(server: FastifyInstance): void {
  const inFlight = { count: 0 };
  const done = (): void => {
    inFlight.count--;
  };
  server.decorate('inFlight', inFlight);
  server.addHook('onRequest', (_request, reply, next) => {
    inFlight.count++;
    reply.raw.once('close', done);
    next();
  });
}
