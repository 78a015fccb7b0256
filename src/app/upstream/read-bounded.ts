import type { Readable } from 'node:stream';
import { UpstreamError } from './upstream-error.js';

const tooLarge = (): UpstreamError => new UpstreamError('ERR_UPSTREAM_BAD_RESPONSE', 'The upstream answer is larger than the limit.');

const isReadable = (body: unknown): body is Readable =>
  typeof (body as Readable).on === 'function' && typeof (body as Readable).removeListener === 'function' && typeof (body as Readable).destroy === 'function';

/**
 * Reads a response body as UTF-8 text, refusing more than `limit` bytes with
 * `ERR_UPSTREAM_BAD_RESPONSE` (the rest is not read: the caller destroys the stream). A Node
 * stream (undici's bodies) is read through its events: its async iterator costs a promise and
 * an end-of-stream watcher per read, a measurable part of a whole answer's handling.
 */
export function readBounded(body: AsyncIterable<Uint8Array>, limit: number): Promise<string> {
  return isReadable(body) ? readStream(body, limit) : readIterable(body, limit);
}

function readStream(stream: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      stream.removeListener('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size <= limit) {
        parts.push(chunk);
        return;
      }
      done();
      stream.pause();
      reject(tooLarge());
    };
    const onEnd = (): void => {
      done();
      resolve(parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts, size).toString('utf8'));
    };
    const onError = (err: Error): void => {
      done();
      reject(err);
    };
    // Closed without an end or an error (destroyed from outside): the answer is cut short.
    const onClose = (): void => {
      done();
      reject(Object.assign(new Error('The answer ended before it was complete.'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

async function readIterable(body: AsyncIterable<Uint8Array>, limit: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge();
    parts.push(chunk);
  }
  return Buffer.concat(parts, size).toString('utf8');
}
