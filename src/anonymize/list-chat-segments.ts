import type { ChatSegment, SegmentKind, SegmentPath } from './chat-segment.js';
import { isJsonObject, type JsonObject } from '../core/json-object.js';

/** Deeper tool arguments are listed as one raw string rather than walked. */
export const MAX_ARGUMENTS_DEPTH = 64;

/** Schemas nested deeper than this inside a tool's `parameters` are not walked (no real tool needs it). */
export const MAX_SCHEMA_DEPTH = 32;

/**
 * Lists the text of an OpenAI `/v1/chat/completions` request or response body, each piece with
 * a path for {@link applySegments}: message `content` (string or `text`/`refusal` parts; images
 * and audio skipped), `refusal`, `name`, tool-call and legacy `function_call` `arguments` (parsed
 * as JSON and listed leaf by leaf, or whole when not a JSON object or array), `tool`/`function`
 * message content as tool results, the top-level `user`, tool definitions (`tools[].function`
 * and legacy `functions[]`: the `description` and every `description` in the `parameters` JSON
 * schema, kind `tool_schema`), and on the response side `choices[].message` and
 * `choices[].delta`. Fields of unexpected types are skipped; only own properties are read.
 * Numbers and object keys inside arguments are not listed.
 */
export function listChatSegments(body: unknown): ChatSegment[] {
  const out: ChatSegment[] = [];
  if (!isJsonObject(body)) return out;
  if (typeof body['user'] === 'string') out.push({ path: ['user'], text: body['user'], kind: 'user' });
  // Plain loops, not forEach callbacks: this runs on every request and every answer.
  const messages = body['messages'];
  if (Array.isArray(messages)) {
    for (let i = 0; i < messages.length; i++) listMessage(messages[i], ['messages', i], out);
  }
  // After the messages, so placeholder numbering of the conversation does not depend on the tools.
  const tools = Object.hasOwn(body, 'tools') ? body['tools'] : undefined;
  if (Array.isArray(tools)) {
    for (let i = 0; i < tools.length; i++) {
      const tool: unknown = tools[i];
      if (!isJsonObject(tool)) continue;
      for (const field of ['function', 'custom'] as const) {
        if (Object.hasOwn(tool, field)) listToolDefinition(tool[field], ['tools', i, field], out);
      }
    }
  }
  const functions = Object.hasOwn(body, 'functions') ? body['functions'] : undefined;
  if (Array.isArray(functions)) {
    for (let i = 0; i < functions.length; i++) listToolDefinition(functions[i], ['functions', i], out);
  }
  const choices = body['choices'];
  if (Array.isArray(choices)) {
    for (let i = 0; i < choices.length; i++) {
      const c: unknown = choices[i];
      if (!isJsonObject(c)) continue;
      if (Object.hasOwn(c, 'message')) listMessage(c['message'], ['choices', i, 'message'], out);
      if (Object.hasOwn(c, 'delta')) listMessage(c['delta'], ['choices', i, 'delta'], out);
    }
  }
  return out;
}

/** Adds a segment of a message (with its role, when it has one). */
function pushSegment(out: ChatSegment[], role: string | undefined, path: SegmentPath, text: string, kind: SegmentKind): void {
  out.push(role === undefined ? { path, text, kind } : { path, text, kind, role });
}

function listMessage(m: unknown, base: SegmentPath, out: ChatSegment[]): void {
  if (!isJsonObject(m)) return;
  const role = typeof m['role'] === 'string' ? m['role'] : undefined;
  const isTool = role === 'tool' || role === 'function';
  const content = Object.hasOwn(m, 'content') ? m['content'] : undefined;
  if (typeof content === 'string') pushSegment(out, role, [...base, 'content'], content, isTool ? 'tool_result' : 'content');
  else if (Array.isArray(content)) {
    for (let k = 0; k < content.length; k++) {
      const part: unknown = content[k];
      if (!isJsonObject(part)) continue;
      const field = part['type'] === 'text' ? 'text' : part['type'] === 'refusal' ? 'refusal' : undefined;
      if (field !== undefined && typeof part[field] === 'string') {
        pushSegment(out, role, [...base, 'content', k, field], part[field], isTool ? 'tool_result' : 'content_part');
      }
    }
  }
  if (typeof m['refusal'] === 'string') pushSegment(out, role, [...base, 'refusal'], m['refusal'], 'refusal');
  if (typeof m['name'] === 'string') pushSegment(out, role, [...base, 'name'], m['name'], 'name');
  const calls = Object.hasOwn(m, 'tool_calls') ? m['tool_calls'] : undefined;
  if (Array.isArray(calls)) {
    for (let k = 0; k < calls.length; k++) {
      const call: unknown = calls[k];
      if (isJsonObject(call)) listArguments(call['function'], [...base, 'tool_calls', k, 'function'], role, out);
    }
  }
  if (Object.hasOwn(m, 'function_call')) listArguments(m['function_call'], [...base, 'function_call'], role, out);
}

function listArguments(fn: unknown, base: SegmentPath, role: string | undefined, out: ChatSegment[]): void {
  if (!isJsonObject(fn) || typeof fn['arguments'] !== 'string') return;
  const raw = fn['arguments'];
  const path = [...base, 'arguments'];
  const leaves = jsonStringLeaves(raw);
  if (leaves === undefined) {
    pushSegment(out, role, path, raw, 'tool_arguments');
    return;
  }
  for (const [sub, text] of leaves) pushSegment(out, role, [...path, ...sub], text, 'tool_arguments');
}

/**
 * The string leaves of `raw` parsed as JSON, or `undefined` when it is not a JSON object or
 * array, or nests deeper than {@link MAX_ARGUMENTS_DEPTH}. Walks with an explicit stack, so
 * hostile nesting cannot overflow the call stack.
 */
function jsonStringLeaves(raw: string): [SegmentPath, string][] | undefined {
  let root: unknown;
  try {
    root = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof root !== 'object' || root === null) return undefined;
  const leaves: [SegmentPath, string][] = [];
  const stack: [unknown, SegmentPath][] = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') leaves.push([path, value]);
    else if (typeof value !== 'object' || value === null) continue;
    else if (path.length >= MAX_ARGUMENTS_DEPTH) return undefined;
    else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i]]);
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        stack.push([(value as JsonObject)[k], [...path, k]]);
      }
    }
  }
  return leaves;
}

/** Keywords whose value is a map from names to sub-schemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
/** Keywords whose value is one sub-schema, or (`items` in older drafts, the combinators) a list of them. */
const SCHEMA_CHILDREN = ['items', 'prefixItems', 'additionalItems', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];

/** A tool's `description` and the descriptions in its `parameters` schema, which the provider reads too. */
function listToolDefinition(fn: unknown, base: SegmentPath, out: ChatSegment[]): void {
  if (!isJsonObject(fn)) return;
  if (Object.hasOwn(fn, 'description') && typeof fn['description'] === 'string') {
    out.push({ path: [...base, 'description'], text: fn['description'], kind: 'tool_schema' });
  }
  if (Object.hasOwn(fn, 'parameters')) listSchema(fn['parameters'], [...base, 'parameters'], 0, out);
}

/**
 * Walks a JSON schema for `description` strings. Recursion is bounded by
 * {@link MAX_SCHEMA_DEPTH}, so hostile nesting cannot overflow the stack; only own properties
 * are read, so `__proto__` keys are plain names. A property named `description` is a schema like
 * any other: only a string `description` at schema level is text.
 */
function listSchema(schema: unknown, path: SegmentPath, depth: number, out: ChatSegment[]): void {
  if (!isJsonObject(schema) || depth > MAX_SCHEMA_DEPTH) return;
  if (Object.hasOwn(schema, 'description') && typeof schema['description'] === 'string') {
    out.push({ path: [...path, 'description'], text: schema['description'], kind: 'tool_schema' });
  }
  for (const key of SCHEMA_MAPS) {
    const map = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!isJsonObject(map)) continue;
    for (const name of Object.keys(map)) listSchema(map[name], [...path, key, name], depth + 1, out);
  }
  for (const key of SCHEMA_CHILDREN) {
    const child = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (Array.isArray(child)) child.forEach((item, i) => listSchema(item, [...path, key, i], depth + 1, out));
    else listSchema(child, [...path, key], depth + 1, out);
  }
}
