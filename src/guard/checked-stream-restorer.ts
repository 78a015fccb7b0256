import type { ChunkRestorer } from './chunk-restorer.js';
import { ChunkTemplate } from './chunk-template.js';
import { HeldText } from './held-text.js';
import type { OutputCheck } from './output-check.js';
import { isJsonObject, type JsonObject } from '../core/json-object.js';

export { OUTPUT_WINDOW } from './held-text.js';

const FIELDS = ['content', 'refusal'] as const;

/** The held texts of one choice: content, refusal, each tool call's arguments, a legacy function call's. */
interface Choice {
  readonly fields: Map<(typeof FIELDS)[number], HeldText>;
  readonly tools: Map<number, HeldText>;
  fn?: HeldText;
}

/** Appends `tail` to the arguments of tool call `k` in `delta` (adding the call when absent). */
function appendToolTail(delta: JsonObject, k: number, tail: string): void {
  const calls = Array.isArray(delta['tool_calls']) ? [...(delta['tool_calls'] as unknown[])] : [];
  const at = calls.findIndex((c) => isJsonObject(c) && c['index'] === k && isJsonObject(c['function']));
  if (at >= 0) {
    const call = calls[at] as JsonObject;
    const fn = call['function'] as JsonObject;
    calls[at] = { ...call, function: { ...fn, arguments: (typeof fn['arguments'] === 'string' ? fn['arguments'] : '') + tail } };
  } else calls.push({ index: k, function: { arguments: tail } });
  delta['tool_calls'] = calls;
}

/**
 * Wraps a stream's restorer with the output check: restored `delta.content`, `delta.refusal`,
 * each `delta.tool_calls[].function.arguments` (per call index, as JSON text) and a legacy
 * `delta.function_call.arguments` of each choice pass through a {@link HeldText}, released at
 * the latest with the choice's `finish_reason` or the stream's end. A check that withholds the
 * answer throws a `ERR_GUARD_*` error from `push` before the offending text is released; after
 * that the restorer releases nothing more (`finish` returns `undefined`).
 */
export function checkedStreamRestorer(inner: ChunkRestorer, check: OutputCheck): ChunkRestorer {
  const state = new Map<number, Choice>();
  const template = new ChunkTemplate();
  let stopped = false;
  const choiceOf = (index: number): Choice => {
    let c = state.get(index);
    if (c === undefined) state.set(index, (c = { fields: new Map(), tools: new Map() }));
    return c;
  };
  const held = <K>(map: Map<K, HeldText>, key: K, json: boolean): HeldText => {
    let h = map.get(key);
    if (h === undefined) map.set(key, (h = new HeldText(check, json)));
    return h;
  };
  const flushChoice = (index: number, delta: JsonObject): void => {
    const c = state.get(index);
    if (c === undefined) return;
    state.delete(index);
    for (const [field, h] of c.fields) {
      const tail = h.flush();
      if (tail !== '') delta[field] = (typeof delta[field] === 'string' ? delta[field] : '') + tail;
    }
    for (const [k, h] of c.tools) {
      const tail = h.flush();
      if (tail !== '') appendToolTail(delta, k, tail);
    }
    const tail = c.fn?.flush() ?? '';
    if (tail !== '') {
      const fn = isJsonObject(delta['function_call']) ? delta['function_call'] : {};
      delta['function_call'] = { ...fn, arguments: (typeof fn['arguments'] === 'string' ? fn['arguments'] : '') + tail };
    }
  };
  const checkToolCall = (c: Choice, call: unknown, position: number): unknown => {
    if (!isJsonObject(call) || !isJsonObject(call['function']) || typeof call['function']['arguments'] !== 'string') return call;
    const k = typeof call['index'] === 'number' ? call['index'] : position;
    return { ...call, function: { ...call['function'], arguments: held(c.tools, k, true).push(call['function']['arguments']) } };
  };
  const checkChoice = (choice: unknown, position: number): unknown => {
    if (!isJsonObject(choice)) return choice;
    const index = typeof choice['index'] === 'number' ? choice['index'] : position;
    const delta: JsonObject = isJsonObject(choice['delta']) ? { ...choice['delta'] } : {};
    const c = choiceOf(index);
    for (const field of FIELDS) if (typeof delta[field] === 'string') delta[field] = held(c.fields, field, false).push(delta[field]);
    if (Array.isArray(delta['tool_calls'])) delta['tool_calls'] = delta['tool_calls'].map((call: unknown, k) => checkToolCall(c, call, k));
    const fn = delta['function_call'];
    if (isJsonObject(fn) && typeof fn['arguments'] === 'string') {
      c.fn ??= new HeldText(check, true);
      delta['function_call'] = { ...fn, arguments: c.fn.push(fn['arguments']) };
    }
    if (typeof choice['finish_reason'] === 'string') flushChoice(index, delta);
    return { ...choice, delta };
  };
  const checkChunk = (chunk: unknown): unknown => {
    if (!isJsonObject(chunk) || !Array.isArray(chunk['choices'])) return chunk;
    template.update(chunk);
    return { ...chunk, choices: chunk['choices'].map(checkChoice) };
  };
  const guarded = <T>(step: () => T): T => {
    try {
      return step();
    } catch (err) {
      stopped = true;
      state.clear();
      throw err;
    }
  };
  return {
    push: (chunk) => guarded(() => checkChunk(inner.push(chunk))),
    finish: () =>
      guarded(() => {
        if (stopped) return undefined;
        const tail = inner.finish();
        const out = tail === undefined ? template.closing([]) : (checkChunk(tail) as JsonObject);
        const choices = [...(out['choices'] as unknown[])];
        for (const index of [...state.keys()]) {
          const at = choices.findIndex((c) => isJsonObject(c) && c['index'] === index);
          const choice: JsonObject = at >= 0 ? { ...(choices[at] as JsonObject) } : { index, delta: {}, finish_reason: null };
          const delta: JsonObject = isJsonObject(choice['delta']) ? { ...choice['delta'] } : {};
          flushChoice(index, delta);
          choice['delta'] = delta;
          if (at >= 0) choices[at] = choice;
          else if (Object.keys(delta).length > 0) choices.push(choice);
        }
        return choices.length === 0 ? undefined : { ...out, choices };
      }),
  };
}
