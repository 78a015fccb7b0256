import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLimitError, type App } from '../../app/index.js';
import { addRateLimitHeaders } from './rate-limit-headers.js';

/** The header naming the end user when the body has no `user` field. */
export const END_USER_HEADER = 'x-bulwark-user';

function endUser(request: FastifyRequest): string | null {
  const body = request.body as { user?: unknown } | null | undefined;
  if (typeof body?.user === 'string' && body.user !== '') return body.user;
  const header = request.headers[END_USER_HEADER];
  return typeof header === 'string' && header !== '' ? header : null;
}

/**
 * A `preHandler` hook (after authentication and body parsing) counting the request against the
 * key's tier: per key, per end user (the body's `user`, else the X-Bulwark-User header) and per
 * client address (`request.ip`: the socket, or X-Forwarded-For from trusted proxies), separately
 * per `route`. Sets the RateLimit header fields; refuses with 429 ERR_LIMIT_RATE_EXCEEDED.
 */
export function limitRequests(app: App, route: string) {
  return async function limitRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const keyId = request.bulwark.key?.id ?? null;
    const subjects = { route, keyId, user: endUser(request), ip: request.ip ?? null };
    try {
      addRateLimitHeaders(reply, await app.limits.requests.admit(subjects, app.limits.tierOf(keyId)));
    } catch (err) {
      if (isLimitError(err)) {
        addRateLimitHeaders(reply, err.limits);
        request.log.info({ keyId, code: err.code, limits: err.limits.map((s) => s.policy) }, 'rate limited');
        request.server.metrics?.rateLimitHits.inc({ scope: route });
      }
      throw err;
    }
  };
}
