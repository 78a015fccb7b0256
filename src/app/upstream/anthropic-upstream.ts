import { toAnthropicRequest } from './anthropic-request.js';
import { fromAnthropicMessage } from './anthropic-response.js';
import { createHttpTransport, type UpstreamBody } from './http-transport.js';
import { anthropicChunks } from './anthropic-stream.js';
import { mapUndiciError } from './map-undici-error.js';
import { parseSse } from './parse-sse.js';
import { UpstreamError } from './upstream-error.js';
import type { ChatBody, ChatResult, Upstream, UpstreamCallOptions } from './upstream.js';

/** Anthropic API version sent when the configuration names none. */
export const ANTHROPIC_VERSION = '2023-06-01';

/** Options of {@link anthropicUpstream}. */
export interface AnthropicUpstreamOptions {
  /** Base URL without the version path, e.g. `https://api.anthropic.com`; the only URL ever called. */
  readonly baseUrl: string;
  /** Sent as `x-api-key`; omitted when undefined (local fakes and proxies). */
  readonly apiKey?: string | undefined;
  /** The `anthropic-version` header (default {@link ANTHROPIC_VERSION}). */
  readonly version?: string;
  /** `max_tokens` when a request names none (Anthropic requires one). */
  readonly defaultMaxTokens: number;
  /** Longest wait for response headers and longest silence within a body. */
  readonly timeoutMs: number;
  /** Largest whole answer, or single stream event, accepted. */
  readonly maxResponseBytes: number;
  /** Connections kept to the provider (default 64). */
  readonly connections?: number;
}

type Body = UpstreamBody;
type Json = Record<string, unknown>;
/** Anthropic's "overloaded" status: retry later, like a rate limit. */
const OVERLOADED = 529;



/** Anthropic's models list (`{data: [{id, created_at, …}]}`) in OpenAI's shape. */
function modelsList(ids: readonly string[], created: readonly number[] = []): Json {
  return { object: 'list', data: ids.map((id, i) => ({ id, object: 'model', created: created[i] ?? 0, owned_by: 'anthropic' })) };
}

/**
 * An upstream speaking Anthropic's Messages API (`POST {baseUrl}/v1/messages`) behind the
 * gateway's OpenAI surface: requests are mapped to Anthropic's shape, answers and SSE events back
 * to OpenAI's, so the guard and the clients only ever see OpenAI chat bodies. Same transport rules
 * as the OpenAI upstream: an undici pool with timeouts, no redirects, bounded reads, the cleaned
 * body as the only thing forwarded. Status errors map like OpenAI's, and 529 (overloaded) reads
 * as a rate limit. Anthropic has no embeddings: those calls are refused.
 */
export function anthropicUpstream(options: AnthropicUpstreamOptions): Upstream {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'anthropic-version': options.version ?? ANTHROPIC_VERSION,
  };
  if (options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;
  const { call, readJson, close } = createHttpTransport({
    ...options,
    headers,
    mapStatus: (status) => (status === OVERLOADED ? 429 : status),
  });

  async function* streamOf(body: Body, chat: ChatBody): AsyncGenerator<unknown> {
    const streamOptions = chat['stream_options'] as Json | null | undefined;
    try {
      yield* anthropicChunks(parseSse(body, options.maxResponseBytes), {
        includeUsage: streamOptions?.['include_usage'] === true,
        model: String(chat['model'] ?? ''),
      });
    } catch (err) {
      throw mapUndiciError(err, 'ERR_UPSTREAM_STREAM_FAILED');
    } finally {
      body.destroy();
    }
  }

  return {
    kind: 'anthropic',
    async chat(chat: ChatBody, { signal }: UpstreamCallOptions): Promise<ChatResult> {
      const request = toAnthropicRequest(chat, { maxTokens: options.defaultMaxTokens });
      const { body, contentType } = await call('POST', '/v1/messages', JSON.stringify(request), signal);
      if (chat['stream'] !== true) return { stream: false, body: fromAnthropicMessage(await readJson(body)) };
      if (!contentType.toLowerCase().startsWith('text/event-stream')) {
        body.destroy();
        throw new UpstreamError('ERR_UPSTREAM_BAD_RESPONSE', 'The upstream did not answer a stream request with an event stream.');
      }
      return { stream: true, events: streamOf(body, chat) };
    },
    async embeddings() {
      throw new UpstreamError('ERR_UPSTREAM_REJECTED', 'The Anthropic upstream has no embeddings endpoint.', { status: 404 });
    },
    async models({ signal }) {
      const { body } = await call('GET', '/v1/models?limit=1000', undefined, signal);
      const list = await readJson(body);
      const data = (Array.isArray(list['data']) ? (list['data'] as unknown[]) : []).filter(
        (m): m is Json => typeof m === 'object' && m !== null && typeof (m as Json)['id'] === 'string',
      );
      const ids = data.map((m) => m['id'] as string);
      const created = data.map((m) => (typeof m['created_at'] === 'string' ? Math.floor(Date.parse(m['created_at']) / 1000) || 0 : 0));
      return modelsList(ids, created);
    },
    close,
  };
}
