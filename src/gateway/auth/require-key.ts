import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseApiKey, requireScope, type ApiKeyScope, type App } from '../../app/index.js';
import { BulwarkError, isBulwarkError } from '../../core/bulwark-error.js';
import { presentedKey } from './presented-key.js';

// Outcomes that count as a guess for the brute-force limit. A missing key is not a guess.
const FAILURES = new Set(['ERR_AUTH_MALFORMED_KEY', 'ERR_AUTH_INVALID_KEY', 'ERR_AUTH_KEY_REVOKED', 'ERR_AUTH_KEY_EXPIRED']);

/**
 * An `onRequest` hook (before the body is read) that admits only callers with a valid key holding
 * `scope`: missing key 401, malformed, wrong, revoked or expired 403, wrong scope 403, too many
 * failures from the address 429 with Retry-After — the last even for a correct key.
 */
export function requireKey(app: App, scope: ApiKeyScope) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // The client's address: X-Forwarded-For is honoured only from proxies `server.trustProxy`
    // trusts (Fastify resolves `request.ip`), so a client cannot pick a fresh address per guess.
    const address = request.ip;
    const wait = await app.authFailures.blockedFor(address);
    if (wait > 0) {
      throw Object.assign(new BulwarkError('ERR_AUTH_TOO_MANY_FAILURES', 'Too many failed authentication attempts; try again later.'), {
        retryAfter: String(wait),
      });
    }
    const text = presentedKey(request);
    if (text === undefined) {
      reply.header('www-authenticate', 'Bearer realm="bulwark"');
      throw new BulwarkError('ERR_AUTH_MISSING_KEY', 'Send an API key: Authorization: Bearer <key> (or X-API-Key).');
    }
    request.bulwark.keyId = parseApiKey(text)?.id ?? null;
    try {
      request.bulwark.key = await app.keys.authenticate(text);
    } catch (err) {
      if (isBulwarkError(err) && FAILURES.has(err.code)) await app.authFailures.recordFailure(address).catch(() => undefined);
      throw err;
    }
    requireScope(request.bulwark.key, scope);
  };
}
