import type { ChunkRestorer } from './chunk-restorer.js';
import type { Detection } from './detection.js';
import { contentConforms, reportViolation, toolCallConforms, type OutputSchemaCheck } from './output-schema.js';
import { isJsonObject, type JsonObject } from '../core/json-object.js';

/** Longest answer text collected per choice for the check; a longer one is not checked. */
export const MAX_SCHEMA_TEXT = 1024 * 1024;

interface Call {
  name: unknown;
  args: string;
}

interface ChoiceText {
  content: string;
  refused: boolean;
  tooLong: boolean;
  readonly calls: Map<number | 'fn', Call>;
}

/**
 * Wraps a stream's restorer with the schema check: the released text of each choice (content,
 * tool-call arguments per call index, legacy `function_call`) is collected, and checked when the
 * choice's `finish_reason` arrives — before that chunk is released, so a `block` policy ends the
 * stream with an error instead of a normal finish. A stream that ends without a finish reason
 * broke off; its text is not checked.
 */
export function schemaCheckedStream(inner: ChunkRestorer, check: OutputSchemaCheck, onDetection?: (d: Detection) => void): ChunkRestorer {
  const choices = new Map<number, ChoiceText>();
  const textOf = (index: number): ChoiceText => {
    let t = choices.get(index);
    if (t === undefined) choices.set(index, (t = { content: '', refused: false, tooLong: false, calls: new Map() }));
    return t;
  };
  const append = (t: ChoiceText, key: number | 'fn', fn: JsonObject): void => {
    const call = t.calls.get(key) ?? { name: undefined, args: '' };
    t.calls.set(key, call);
    if (typeof fn['name'] === 'string' && call.name === undefined) call.name = fn['name'];
    if (typeof fn['arguments'] === 'string') call.args += fn['arguments'];
    if (call.args.length > MAX_SCHEMA_TEXT) t.tooLong = true;
  };
  const observe = (choice: unknown, position: number): void => {
    if (!isJsonObject(choice)) return;
    const index = typeof choice['index'] === 'number' ? choice['index'] : position;
    const t = textOf(index);
    const delta = isJsonObject(choice['delta']) ? choice['delta'] : {};
    if (typeof delta['content'] === 'string' && check.responseFormat !== undefined) {
      t.content += delta['content'];
      if (t.content.length > MAX_SCHEMA_TEXT) t.tooLong = true;
    }
    if (typeof delta['refusal'] === 'string' && delta['refusal'] !== '') t.refused = true;
    if (check.tools !== undefined && Array.isArray(delta['tool_calls'])) {
      delta['tool_calls'].forEach((call: unknown, k) => {
        if (isJsonObject(call) && isJsonObject(call['function'])) append(t, typeof call['index'] === 'number' ? call['index'] : k, call['function']);
      });
    }
    if (check.tools !== undefined && isJsonObject(delta['function_call'])) append(t, 'fn', delta['function_call']);
    if (typeof choice['finish_reason'] !== 'string') return;
    choices.delete(index);
    if (t.tooLong) return;
    for (const call of t.calls.values()) if (!toolCallConforms(check, call.name, call.args)) reportViolation(check, 'schema.tool_arguments', onDetection);
    if (check.responseFormat !== undefined && !t.refused && t.calls.size === 0 && !contentConforms(check, t.content)) {
      reportViolation(check, 'schema.response_format', onDetection);
    }
  };
  return {
    push(chunk) {
      const out = inner.push(chunk);
      if (isJsonObject(out) && Array.isArray(out['choices'])) out['choices'].forEach(observe);
      return out;
    },
    finish: () => inner.finish(),
  };
}
