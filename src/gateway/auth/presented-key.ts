import type { FastifyRequest } from 'fastify';
import { BulwarkError } from '../../core/bulwark-error.js';

// Parameter names clients commonly put keys in; a Bulwark-looking value counts whatever its name.
const KEY_PARAMS = new Set(['api_key', 'apikey', 'api-key', 'key', 'access_token', 'token', 'authorization', 'x-api-key']);

function keyInQuery(url: string): boolean {
  const q = url.indexOf('?');
  if (q < 0) return false;
  const query = url.slice(q + 1);
  if (query.toLowerCase().includes('bwk_') || query.toLowerCase().includes('bwk%5f')) return true;
  for (const name of new URLSearchParams(query).keys()) if (KEY_PARAMS.has(name.toLowerCase())) return true;
  return false;
}

/**
 * The API key the request presents: `Authorization: Bearer <key>`, else `X-API-Key: <key>`;
 * `undefined` when neither is there. A key in the URL is refused (`ERR_AUTH_KEY_IN_URL`) rather
 * than ignored: URLs end up in proxy logs and browser history, so its owner should rotate it.
 */
export function presentedKey(request: FastifyRequest): string | undefined {
  if (keyInQuery(request.url)) {
    throw new BulwarkError('ERR_AUTH_KEY_IN_URL', 'API keys are not accepted in the URL; send the key in the Authorization header and rotate the exposed one.');
  }
  const authorization = request.headers.authorization;
  // `Bearer` with nothing after it is what clients send when their key variable is empty: missing.
  if (typeof authorization === 'string' && !/^\s*(Bearer\s*)?$/i.test(authorization)) {
    const m = /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization);
    // Any other scheme (Basic, a bare key) is a key we cannot read: refused as malformed.
    return m === null ? '' : m[1];
  }
  const header = request.headers['x-api-key'];
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
