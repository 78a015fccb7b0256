import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { BulwarkError } from '../core/bulwark-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A JSON body's text as it arrived (`undefined` for other bodies); `body` is its parse. */
    bodyText: string | undefined;
  }
}

/**
 * Replaces Fastify's JSON body parser with the same parser (same limits, same refusals of
 * `__proto__` and `constructor` keys, same errors) that also:
 * - refuses a body that is not valid UTF-8 with 400 `ERR_REQUEST_INVALID_UTF8`, where decoding
 *   would silently turn the bad bytes into U+FFFD and send the provider something the client
 *   never wrote;
 * - keeps the text on the request: a guard thread is handed the text, which is far cheaper to
 *   pass between threads than the parsed object.
 */
export function keepJsonBodyText(server: FastifyInstance): void {
  const parse = server.getDefaultJsonParser('error', 'error');
  server.decorateRequest('bodyText', undefined);
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, bytes, done) => {
    const buffer = bytes as Buffer;
    if (!isUtf8(buffer)) {
      done(new BulwarkError('ERR_REQUEST_INVALID_UTF8', 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    const text = buffer.toString('utf8');
    request.bodyText = text;
    parse(request, text, done);
  });
}
