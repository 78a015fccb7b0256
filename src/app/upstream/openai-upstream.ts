import { Pool } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { mapUndiciError } from './map-undici-error.js';
import { parseSse } from './parse-sse.js';
import { readBounded } from './read-bounded.js';
import { statusError } from './status-error.js';
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

type Body = AsyncIterable<Uint8Array> & { destroy(err?: Error): unknown };
const ERROR_BODY_LIMIT = 64 * 1024;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function badResponse(message: string): UpstreamError {
  return new UpstreamError('ERR_UPSTREAM_BAD_RESPONSE', message);
}

function parseJson(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badResponse('The upstream answer is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badResponse('The upstream answer is not a JSON object.');
  return parsed as Record<string, unknown>;
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
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    connections: options.connections ?? 64,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connectTimeout: Math.min(options.timeoutMs, 10_000),
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (options.apiKey !== undefined) headers['authorization'] = `Bearer ${options.apiKey}`;

  async function call(method: 'GET' | 'POST', path: string, payload: string | undefined, signal: AbortSignal) {
    let res;
    try {
      res = await pool.request({ method, path: prefix + path, headers, body: payload ?? null, signal });
    } catch (err) {
      throw mapUndiciError(err, 'ERR_UPSTREAM_UNREACHABLE');
    }
    const body = res.body as unknown as Body;
    if (res.statusCode < 200 || res.statusCode >= 300) {
      const text = await readBounded(body, ERROR_BODY_LIMIT).catch(() => '');
      body.destroy();
      throw statusError(res.statusCode, text, header(res.headers, 'retry-after'));
    }
    return { body, contentType: header(res.headers, 'content-type') ?? '' };
  }

  async function readJson(body: Body): Promise<Record<string, unknown>> {
    try {
      return parseJson(await readBounded(body, options.maxResponseBytes));
    } catch (err) {
      throw mapUndiciError(err, 'ERR_UPSTREAM_UNREACHABLE');
    } finally {
      body.destroy();
    }
  }

  return {
    kind: 'openai',
    async chat(chat: ChatBody, { signal }: UpstreamCallOptions): Promise<ChatResult> {
      const { body, contentType } = await call('POST', '/chat/completions', JSON.stringify(chat), signal);
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
    async close() {
      await pool.close();
    },
  };
}
