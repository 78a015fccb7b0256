import { finishReasonOf, usageOf } from './anthropic-response.js';
import type { SseEvent } from './parse-sse.js';
import { UpstreamError } from './upstream-error.js';
import { isJsonObject, type JsonObject } from '../../core/json-object.js';

function broken(message: string): UpstreamError {
  return new UpstreamError('ERR_UPSTREAM_STREAM_FAILED', message);
}

/** Options of {@link anthropicChunks}. */
export interface AnthropicChunkOptions {
  /** Emit a last chunk with `usage` and no choices (OpenAI's `stream_options.include_usage`). */
  readonly includeUsage: boolean;
  /** The model named in the request, used until `message_start` names the real one. */
  readonly model: string;
}

/**
 * Maps Anthropic's Messages SSE events to OpenAI `chat.completion.chunk` objects: `message_start`
 * opens the assistant turn, `text_delta`s become content deltas, `tool_use` blocks and their
 * `input_json_delta`s become indexed `tool_calls` deltas, `message_delta` carries the finish
 * reason and output usage, `message_stop` ends (with a usage chunk when asked). `ping`, thinking
 * and unknown events are skipped. An `error` event, an event that is not JSON, or a stream that
 * ends before `message_stop` throws `ERR_UPSTREAM_STREAM_FAILED`.
 */
export async function* anthropicChunks(events: AsyncIterable<SseEvent>, options: AnthropicChunkOptions): AsyncGenerator<unknown> {
  let id = '';
  let model = options.model;
  const created = Math.floor(Date.now() / 1000);
  let usage: JsonObject = {};
  const toolIndex = new Map<number, number>();
  const chunk = (delta: JsonObject, finish: string | null = null): JsonObject => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });

  for await (const event of events) {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      throw broken('The upstream sent a stream event that is not JSON.');
    }
    if (!isJsonObject(data)) throw broken('The upstream sent a stream event that is not a JSON object.');
    const type = data['type'] ?? event.event;
    if (type === 'error' || event.event === 'error') throw broken('The upstream reported an error in the middle of the stream.');
    if (type === 'message_start') {
      const message = isJsonObject(data['message']) ? data['message'] : {};
      if (typeof message['id'] === 'string') id = message['id'];
      if (typeof message['model'] === 'string') model = message['model'];
      usage = { ...(isJsonObject(message['usage']) ? message['usage'] : {}) };
      yield chunk({ role: 'assistant', content: '' });
    } else if (type === 'content_block_start') {
      const block = isJsonObject(data['content_block']) ? data['content_block'] : {};
      const index = Number(data['index']);
      if (block['type'] === 'tool_use') {
        const k = toolIndex.size;
        toolIndex.set(index, k);
        yield chunk({ tool_calls: [{ index: k, id: block['id'], type: 'function', function: { name: block['name'], arguments: '' } }] });
      } else if (block['type'] === 'text' && typeof block['text'] === 'string' && block['text'] !== '') {
        yield chunk({ content: block['text'] });
      }
    } else if (type === 'content_block_delta') {
      const delta = isJsonObject(data['delta']) ? data['delta'] : {};
      if (delta['type'] === 'text_delta' && typeof delta['text'] === 'string') {
        yield chunk({ content: delta['text'] });
      } else if (delta['type'] === 'input_json_delta' && typeof delta['partial_json'] === 'string') {
        const k = toolIndex.get(Number(data['index']));
        if (k === undefined) throw broken('The upstream sent tool input for a block it never opened.');
        yield chunk({ tool_calls: [{ index: k, function: { arguments: delta['partial_json'] } }] });
      }
    } else if (type === 'message_delta') {
      const delta = isJsonObject(data['delta']) ? data['delta'] : {};
      if (isJsonObject(data['usage'])) usage = { ...usage, ...data['usage'] };
      yield chunk({}, finishReasonOf(delta['stop_reason']));
    } else if (type === 'message_stop') {
      if (options.includeUsage) yield { id, object: 'chat.completion.chunk', created, model, choices: [], usage: usageOf(usage) };
      return;
    }
  }
  throw broken('The upstream stream ended before the message was complete.');
}
