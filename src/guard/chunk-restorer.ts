import { createStreamingRestorer, type StreamingRestorer, type Vault } from '../anonymize/index.js';
import { ChunkTemplate } from './chunk-template.js';
import { jsonStringVault } from './json-string-vault.js';
import { isJsonObject, type JsonObject } from '../core/json-object.js';

/** Restores a streamed chat completion chunk by chunk (parsed `chat.completion.chunk` objects). */
export interface ChunkRestorer {
  /**
   * Restores one chunk. Text that could still be the start of a placeholder is held back and
   * released with a later chunk of the same choice, at the latest with the chunk carrying that
   * choice's `finish_reason`. Returns a copy; anything that is not a chunk comes back as it is.
   */
  push(chunk: unknown): unknown;
  /**
   * The stream ended: a chunk with every choice's held-back text, or `undefined` when nothing
   * is held. Call it once, before forwarding the end of the stream.
   */
  finish(): Record<string, unknown> | undefined;
}

interface ChoiceState {
  content?: StreamingRestorer;
  refusal?: StreamingRestorer;
  readonly tools: Map<number, StreamingRestorer>;
}

/**
 * Creates the restorer for one stream: one streaming restorer per choice for `delta.content`
 * and `delta.refusal`, and one per tool call for `delta.tool_calls[].function.arguments` (with
 * values JSON-escaped, since those fragments are raw JSON text).
 */
export function createChunkRestorer(vault: Vault): ChunkRestorer {
  const argsVault = jsonStringVault(vault);
  const choices = new Map<number, ChoiceState>();
  const template = new ChunkTemplate();

  const stateOf = (index: number): ChoiceState => {
    let s = choices.get(index);
    if (s === undefined) choices.set(index, (s = { tools: new Map() }));
    return s;
  };

  const restoreChoice = (choice: JsonObject, position: number): JsonObject => {
    const index = typeof choice['index'] === 'number' ? choice['index'] : position;
    const state = stateOf(index);
    const delta: JsonObject = isJsonObject(choice['delta']) ? { ...choice['delta'] } : {};
    if (typeof delta['content'] === 'string') {
      state.content ??= createStreamingRestorer(vault);
      delta['content'] = state.content.push(delta['content']);
    }
    if (typeof delta['refusal'] === 'string') {
      state.refusal ??= createStreamingRestorer(vault);
      delta['refusal'] = state.refusal.push(delta['refusal']);
    }
    if (Array.isArray(delta['tool_calls'])) {
      delta['tool_calls'] = delta['tool_calls'].map((call: unknown, k) => restoreToolCall(call, k, state));
    }
    const finished = typeof choice['finish_reason'] === 'string';
    if (finished) {
      appendTails(delta, state);
      choices.delete(index);
    }
    if (!isJsonObject(choice['delta']) && !finished) return choice;
    return { ...choice, delta };
  };

  // Made once per stream rather than as an inline callback per chunk.
  const restoreEach = (c: unknown, position: number): unknown => (isJsonObject(c) ? restoreChoice(c, position) : c);

  const restoreToolCall = (call: unknown, position: number, state: ChoiceState): unknown => {
    if (!isJsonObject(call) || !isJsonObject(call['function']) || typeof call['function']['arguments'] !== 'string') return call;
    const k = typeof call['index'] === 'number' ? call['index'] : position;
    let r = state.tools.get(k);
    if (r === undefined) state.tools.set(k, (r = createStreamingRestorer(argsVault)));
    return { ...call, function: { ...call['function'], arguments: r.push(call['function']['arguments']) } };
  };

  return {
    push(chunk) {
      if (!isJsonObject(chunk) || !Array.isArray(chunk['choices'])) return chunk;
      template.update(chunk);
      return { ...chunk, choices: chunk['choices'].map(restoreEach) };
    },
    finish() {
      const out: JsonObject[] = [];
      for (const [index, state] of choices) {
        const delta: JsonObject = {};
        appendTails(delta, state);
        if (Object.keys(delta).length > 0) out.push({ index, delta, finish_reason: null });
      }
      choices.clear();
      return out.length === 0 ? undefined : template.closing(out);
    },
  };
}

/** Moves everything `state` still holds into `delta` (appended to what it already carries). */
function appendTails(delta: JsonObject, state: ChoiceState): void {
  const append = (field: 'content' | 'refusal', r: StreamingRestorer | undefined): void => {
    const tail = r?.flush() ?? '';
    if (tail !== '') delta[field] = (typeof delta[field] === 'string' ? delta[field] : '') + tail;
  };
  append('content', state.content);
  append('refusal', state.refusal);
  for (const [k, r] of state.tools) {
    const tail = r.flush();
    if (tail === '') continue;
    const calls = Array.isArray(delta['tool_calls']) ? (delta['tool_calls'] as unknown[]) : [];
    const at = calls.findIndex((c) => isJsonObject(c) && c['index'] === k && isJsonObject(c['function']));
    if (at >= 0) {
      const call = calls[at] as JsonObject;
      const fn = call['function'] as JsonObject;
      const args = typeof fn['arguments'] === 'string' ? fn['arguments'] : '';
      calls[at] = { ...call, function: { ...fn, arguments: args + tail } };
    } else {
      calls.push({ index: k, function: { arguments: tail } });
    }
    delta['tool_calls'] = calls;
  }
}
