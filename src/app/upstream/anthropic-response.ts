import { UpstreamError } from './upstream-error.js';
import { isJsonObject, type JsonObject } from '../../core/json-object.js';

const FINISH: Readonly<Record<string, string>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

/** OpenAI's `finish_reason` for an Anthropic `stop_reason` (unknown ones read as `stop`). */
export function finishReasonOf(stopReason: unknown): string {
  return (typeof stopReason === 'string' ? FINISH[stopReason] : undefined) ?? 'stop';
}

/** OpenAI's `usage` from Anthropic's; cached input counts as prompt tokens too. */
export function usageOf(usage: unknown): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  const u = isJsonObject(usage) ? usage : {};
  const n = (k: string): number => (typeof u[k] === 'number' ? (u[k] as number) : 0);
  const prompt = n('input_tokens') + n('cache_creation_input_tokens') + n('cache_read_input_tokens');
  const completion = n('output_tokens');
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * An Anthropic Messages answer as an OpenAI `chat.completion`: text blocks joined into
 * `content`, `tool_use` blocks as `tool_calls` (input serialised as the arguments string),
 * thinking blocks left out. Anything not shaped like a message is `ERR_UPSTREAM_BAD_RESPONSE`.
 */
export function fromAnthropicMessage(message: JsonObject): JsonObject {
  if (message['type'] !== 'message' || !Array.isArray(message['content'])) {
    throw new UpstreamError('ERR_UPSTREAM_BAD_RESPONSE', 'The upstream answer is not an Anthropic message.');
  }
  let text = '';
  const toolCalls: JsonObject[] = [];
  for (const block of message['content']) {
    if (!isJsonObject(block)) continue;
    if (block['type'] === 'text' && typeof block['text'] === 'string') text += block['text'];
    else if (block['type'] === 'tool_use') {
      toolCalls.push({ id: block['id'], type: 'function', function: { name: block['name'], arguments: JSON.stringify(block['input'] ?? {}) } });
    }
  }
  const reply: JsonObject = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text, refusal: null };
  if (toolCalls.length > 0) reply['tool_calls'] = toolCalls;
  return {
    id: message['id'],
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: message['model'],
    choices: [{ index: 0, message: reply, logprobs: null, finish_reason: finishReasonOf(message['stop_reason']) }],
    usage: usageOf(message['usage']),
  };
}
