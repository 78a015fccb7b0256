import { UpstreamError } from './upstream-error.js';

/**
 * Reads a response body as UTF-8 text, refusing more than `limit` bytes with
 * `ERR_UPSTREAM_BAD_RESPONSE` (the rest is not read: the caller destroys the stream).
 */
export async function readBounded(body: AsyncIterable<Uint8Array>, limit: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) throw new UpstreamError('ERR_UPSTREAM_BAD_RESPONSE', 'The upstream answer is larger than the limit.');
    parts.push(chunk);
  }
  return Buffer.concat(parts, size).toString('utf8');
}
