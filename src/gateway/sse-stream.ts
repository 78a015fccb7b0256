import type { FastifyBaseLogger } from 'fastify';
import type { ChunkRestorer } from '../guard/index.js';
import { errorBody } from './error-body.js';
import { toHttpError } from './to-http-error.js';

const event = (payload: unknown): string => `data: ${JSON.stringify(payload)}\n\n`;

/**
 * Turns upstream chunks into the client's SSE text: each chunk restored, held-back text
 * released before the end, then `[DONE]`. A failure after the answer started cannot change the
 * status any more, so it ends the stream with one `data: {"error": …}` event (what OpenAI's
 * clients raise as an API error) and no `[DONE]`.
 */
export async function* sseStream(
  events: AsyncIterable<unknown>,
  restorer: ChunkRestorer,
  requestId: string,
  log: FastifyBaseLogger,
  onError: () => void = () => undefined,
): AsyncGenerator<string> {
  try {
    for await (const chunk of events) yield event(restorer.push(chunk));
    const tail = restorer.finish();
    if (tail !== undefined) yield event(tail);
    yield 'data: [DONE]\n\n';
  } catch (err) {
    const e = toHttpError(err);
    onError();
    log.warn({ code: e.code }, 'upstream stream failed');
    const tail = restorer.finish();
    if (tail !== undefined) yield event(tail);
    // Upstreams report mid-stream failures as ERR_UPSTREAM_STREAM_FAILED or ERR_UPSTREAM_TIMEOUT.
    yield event(errorBody(e.status, e.code, e.message, requestId));
  }
}
