import { createHttpTransport, type UpstreamBody } from './http-transport.js';
import { mapUndiciError } from './map-undici-error.js';
import { parseSse } from './parse-sse.js';
import { UpstreamError } from './upstream-error.js';
import type { ChatBody, ChatResult, EmbeddingsBody, Upstream, UpstreamCallOptions } from './upstream.js';

/** Options of {@link openaiUpstream}. */
export interface OpenAIUpstreamOptions {
  /** Base URL with the version path, e.g. `https://api.openai.com/v1`; the only URL ever called. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer`; omitted when undefined (local servers). */
  readonly apiKey?: string | undefined;
  /** Longest wait for response headers and longest silence within a body. */
  readonly timeoutMs: number;
  /** Largest whole answer, or single stream event, accepted. */
  readonly maxResponseBytes: number;
  /** Connections kept to the provider (default 64). */
  readonly connections?: number;
}

type Body = UpstreamBody;


function badResponse(message: string): UpstreamError {
  return new UpstreamError('ERR_UPSTREAM_BAD_RESPONSE', message);
}


/**
 * Chat chunks of an upstream SSE body up to `[DONE]`. A malformed event, an `error` event or an
 * `{error}` payload, a transport failure or a silent upstream throws; the body is destroyed when
 * iteration stops early (the client left).
 */
async function* chatChunks(body: Body, maxEventBytes: number): AsyncGenerator<unknown> {
  try {
    for await (const event of parseSse(body, maxEventBytes)) {
      if (event.data === '[DONE]') return;
      let chunk: unknown;
      try {
        chunk = JSON.parse(event.data);
      } catch {
        throw new UpstreamError('ERR_UPSTREAM_STREAM_FAILED', 'The upstream sent a stream event that is not JSON.');
      }
      if (event.event === 'error' || (typeof chunk === 'object' && chunk !== null && 'error' in chunk)) {
        throw new UpstreamError('ERR_UPSTREAM_STREAM_FAILED', 'The upstream reported an error in the middle of the stream.');
      }
      yield chunk;
    }
  } catch (err) {
    throw mapUndiciError(err, 'ERR_UPSTREAM_STREAM_FAILED');
  } finally {
    body.destroy();
  }
}

/**
 * An upstream speaking the OpenAI HTTP API (OpenAI, vLLM, Ollama, llama.cpp server, …) over an
 * undici pool. Redirects are never followed (a 3xx is a bad response), the cleaned body is the
 * only thing forwarded (no client headers), and answers are size-bounded.
 */
export function openaiUpstream(options: OpenAIUpstreamOptions): Upstream {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (options.apiKey !== undefined) headers['authorization'] = `Bearer ${options.apiKey}`;
  const { call, readJson, close } = createHttpTransport({ ...options, headers });

  return {
    kind: 'openai',
    async chat(chat: ChatBody, { signal, bodyJson }: UpstreamCallOptions): Promise<ChatResult> {
      const { body, contentType } = await call('POST', '/chat/completions', bodyJson ?? JSON.stringify(chat), signal);
      if (chat['stream'] !== true) return { stream: false, body: await readJson(body) };
      if (!contentType.toLowerCase().startsWith('text/event-stream')) {
        body.destroy();
        throw badResponse('The upstream did not answer a stream request with an event stream.');
      }
      return { stream: true, events: chatChunks(body, options.maxResponseBytes) };
    },
    async embeddings(request: EmbeddingsBody, { signal }: UpstreamCallOptions) {
      const { body } = await call('POST', '/embeddings', JSON.stringify(request), signal);
      return readJson(body);
    },
    async models({ signal }) {
      const { body } = await call('GET', '/models', undefined, signal);
      return readJson(body);
    },
    close,
  };
}
