import type { FastifyBaseLogger } from 'fastify';
import type { ChunkRestorer } from '../guard/index.js';
import { errorBody } from './error-body.js';
import { toHttpError } from './to-http-error.js';

const event = (payload: unknown): string => `data: ${JSON.stringify(payload)}\n\n`;

/**
 * Turns upstream chunks into the client's SSE text: each chunk restored, held-back text
 * released before the end, then `[DONE]`. A failure after the answer started cannot change the
 * status any more, so it ends the stream with one `data: {"error": …}` event (what OpenAI's
 * clients raise as an API error) and no `[DONE]`; so does the guard withholding the rest of an
 * answer (`ERR_GUARD_*`, thrown by the restorer before the offending chunk is released).
 * `beforeDone` (the audit record) is awaited before `[DONE]`; when it throws, the stream ends
 * with its error event instead, so a stream is never reported complete without its record.
 */
export async function* sseStream(
  events: AsyncIterable<unknown>,
  restorer: ChunkRestorer,
  requestId: string,
  log: FastifyBaseLogger,
  onError: () => void = () => undefined,
  beforeDone: () => Promise<void> = async () => undefined,
): AsyncGenerator<string> {
  try {
    for await (const chunk of events) yield event(restorer.push(chunk));
    const tail = restorer.finish();
    if (tail !== undefined) yield event(tail);
  } catch (err) {
    const e = toHttpError(err);
    onError();
    if (e.code.startsWith('ERR_GUARD_')) {
      // The guard withheld the rest of the answer (a leak, a secret, a schema): nothing held back goes out.
      log.warn({ code: e.code }, 'stream stopped by the guard');
    } else {
      log.warn({ code: e.code }, 'upstream stream failed');
      const tail = finishQuietly(restorer);
      if (tail !== undefined) yield event(tail);
    }
    // Upstreams report mid-stream failures as ERR_UPSTREAM_STREAM_FAILED or ERR_UPSTREAM_TIMEOUT.
    yield event(errorBody(e.status, e.code, e.message, requestId));
    return;
  }
  try {
    await beforeDone();
  } catch (err) {
    const e = toHttpError(err);
    log.warn({ code: e.code }, 'stream ended without [DONE]: its audit record could not be written');
    yield event(errorBody(e.status, e.code, e.message, requestId));
    return;
  }
  yield 'data: [DONE]\n\n';
}

/** The held-back tail of a broken stream, or nothing when the output check withholds it. */
function finishQuietly(restorer: ChunkRestorer): Record<string, unknown> | undefined {
  try {
    return restorer.finish();
  } catch {
    return undefined;
  }
}
