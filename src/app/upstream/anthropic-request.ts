import { BulwarkError } from '../../core/bulwark-error.js';
import type { ChatBody } from './upstream.js';
import { isJsonObject, type JsonObject } from '../../core/json-object.js';

type Block = JsonObject;

/** What {@link toAnthropicRequest} needs besides the body. */
export interface AnthropicRequestDefaults {
  /** Sent as `max_tokens` (Anthropic requires it) when the request names none. */
  readonly maxTokens: number;
}

function invalid(what: string): BulwarkError {
  return new BulwarkError('ERR_REQUEST_INVALID_BODY', `Cannot map the chat request to Anthropic: ${what}.`);
}

/** An OpenAI image part as an Anthropic image block: data URLs become base64 sources, others URL sources. */
function imageBlock(part: JsonObject): Block | undefined {
  const image = part['image_url'];
  const url = isJsonObject(image) ? image['url'] : image;
  if (typeof url !== 'string') return undefined;
  const data = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (data) return { type: 'image', source: { type: 'base64', media_type: data[1], data: data[2] } };
  return { type: 'image', source: { type: 'url', url } };
}

/** OpenAI message content (string or parts) as Anthropic blocks; text and images only. */
function contentBlocks(content: unknown): Block[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [];
  const out: Block[] = [];
  for (const part of content) {
    if (!isJsonObject(part)) continue;
    if ((part['type'] === 'text' || part['type'] === 'refusal') && typeof part[part['type']] === 'string') {
      const text = part[part['type']] as string;
      if (text !== '') out.push({ type: 'text', text });
    } else if (part['type'] === 'image_url') {
      const block = imageBlock(part);
      if (block) out.push(block);
    }
  }
  return out;
}

/** The joined text of content (for `system` and tool results, which take plain text here). */
function textOf(content: unknown): string {
  return contentBlocks(content)
    .map((b) => (b['type'] === 'text' ? (b['text'] as string) : ''))
    .filter(Boolean)
    .join('\n');
}

function toolUseBlocks(calls: unknown): Block[] {
  if (!Array.isArray(calls)) return [];
  return calls.filter(isJsonObject).map((call) => {
    const fn = isJsonObject(call['function']) ? call['function'] : {};
    const raw = typeof fn['arguments'] === 'string' && fn['arguments'].trim() !== '' ? fn['arguments'] : '{}';
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch {
      throw invalid('tool call arguments are not valid JSON');
    }
    if (!isJsonObject(input)) throw invalid('tool call arguments must be a JSON object');
    return { type: 'tool_use', id: String(call['id'] ?? ''), name: String(fn['name'] ?? ''), input };
  });
}

/** Messages in Anthropic's alternating form: consecutive turns of one role are merged. */
function mapMessages(messages: readonly unknown[]): { system: string[]; turns: { role: string; content: Block[] }[] } {
  const system: string[] = [];
  const turns: { role: string; content: Block[] }[] = [];
  const push = (role: 'user' | 'assistant', blocks: Block[]): void => {
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };
  for (const m of messages) {
    if (!isJsonObject(m)) throw invalid('a message is not an object');
    const role = m['role'];
    if (role === 'system' || role === 'developer') {
      const text = textOf(m['content']);
      if (text !== '') system.push(text);
    } else if (role === 'user') {
      push('user', contentBlocks(m['content']));
    } else if (role === 'assistant') {
      push('assistant', [...contentBlocks(m['content']), ...toolUseBlocks(m['tool_calls'])]);
    } else if (role === 'tool') {
      push('user', [{ type: 'tool_result', tool_use_id: String(m['tool_call_id'] ?? ''), content: textOf(m['content']) }]);
    } else {
      throw invalid(`the message role ${JSON.stringify(String(role)).slice(0, 40)} is not supported`);
    }
  }
  // Anthropic refuses empty turns; an empty string turn (rare, but legal in OpenAI) keeps its place.
  for (const t of turns) if (t.content.length === 0) t.content.push({ type: 'text', text: ' ' });
  return { system, turns };
}

function mapTools(tools: unknown): Block[] | undefined {
  if (!Array.isArray(tools)) return undefined;
  return tools.filter(isJsonObject).map((t) => {
    const fn = isJsonObject(t['function']) ? t['function'] : {};
    const tool: Block = { name: String(fn['name'] ?? ''), input_schema: isJsonObject(fn['parameters']) ? fn['parameters'] : { type: 'object', properties: {} } };
    if (typeof fn['description'] === 'string') tool['description'] = fn['description'];
    return tool;
  });
}

function mapToolChoice(choice: unknown, parallel: unknown): Block | undefined {
  let out: Block | undefined;
  if (choice === 'auto') out = { type: 'auto' };
  else if (choice === 'required') out = { type: 'any' };
  else if (choice === 'none') out = { type: 'none' };
  else if (isJsonObject(choice) && isJsonObject(choice['function'])) out = { type: 'tool', name: String(choice['function']['name'] ?? '') };
  if (parallel === false) out = { ...(out ?? { type: 'auto' }), disable_parallel_tool_use: true };
  return out;
}

/**
 * Maps an OpenAI chat completions body to an Anthropic Messages body: system and developer
 * messages become `system`, tool messages `tool_result` blocks in a user turn, assistant
 * `tool_calls` `tool_use` blocks, `stop` `stop_sequences`, `tools` and `tool_choice` their
 * Anthropic forms; `max_tokens` is always set. Temperature is capped at 1 (Anthropic's range).
 * Parameters Anthropic has no equivalent for (n, logprobs, penalties, seed, …) are dropped.
 */
export function toAnthropicRequest(body: ChatBody, defaults: AnthropicRequestDefaults): JsonObject {
  const messages = body['messages'];
  if (!Array.isArray(messages)) throw invalid('messages is not an array');
  const { system, turns } = mapMessages(messages);
  const requested = body['max_completion_tokens'] ?? body['max_tokens'];
  const out: JsonObject = {
    model: body['model'],
    max_tokens: typeof requested === 'number' && requested > 0 ? requested : defaults.maxTokens,
    messages: turns,
  };
  if (system.length > 0) out['system'] = system.join('\n\n');
  if (typeof body['temperature'] === 'number') out['temperature'] = Math.min(1, Math.max(0, body['temperature']));
  if (typeof body['top_p'] === 'number') out['top_p'] = body['top_p'];
  const stop = body['stop'];
  if (typeof stop === 'string') out['stop_sequences'] = [stop];
  else if (Array.isArray(stop) && stop.length > 0) out['stop_sequences'] = stop.filter((s) => typeof s === 'string');
  const tools = mapTools(body['tools']);
  if (tools !== undefined && tools.length > 0) out['tools'] = tools;
  const toolChoice = mapToolChoice(body['tool_choice'], body['parallel_tool_calls']);
  if (toolChoice !== undefined && tools !== undefined && tools.length > 0) out['tool_choice'] = toolChoice;
  if (typeof body['user'] === 'string' && body['user'] !== '') out['metadata'] = { user_id: body['user'] };
  if (body['stream'] === true) out['stream'] = true;
  return out;
}
