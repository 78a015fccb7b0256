import { BulwarkError } from '../core/index.js';
import type { Detection } from './detection.js';
import { checkJsonSchema } from './json-schema-check.js';
import type { ThreatPolicy } from './threat-policy.js';
import { isJsonObject, type JsonObject } from '../core/json-object.js';

/** The schemas an answer must follow, taken from its request. */
export interface OutputSchemaCheck {
  /** Function name -> its `parameters` schema; `undefined` when tool calls are not checked. */
  readonly tools: ReadonlyMap<string, unknown> | undefined;
  /** The `response_format` schema, `json_object` (any JSON object), or `undefined`. */
  readonly responseFormat: { readonly schema: unknown } | 'json_object' | undefined;
  readonly action: 'flag' | 'block';
}

// A function declared without `parameters` takes an object (OpenAI: "an empty parameter list").
const ANY_OBJECT = { type: 'object' };

function declaredTools(request: JsonObject): Map<string, unknown> | undefined {
  const tools = new Map<string, unknown>();
  const add = (fn: unknown): void => {
    if (isJsonObject(fn) && typeof fn['name'] === 'string') tools.set(fn['name'], fn['parameters'] ?? ANY_OBJECT);
  };
  if (Array.isArray(request['tools'])) for (const t of request['tools']) if (isJsonObject(t)) add(t['function']);
  if (Array.isArray(request['functions'])) for (const f of request['functions']) add(f);
  return tools.size === 0 ? undefined : tools;
}

function declaredFormat(request: JsonObject): OutputSchemaCheck['responseFormat'] {
  const format = request['response_format'];
  if (!isJsonObject(format)) return undefined;
  if (format['type'] === 'json_object') return 'json_object';
  if (format['type'] === 'json_schema' && isJsonObject(format['json_schema']) && format['json_schema']['schema'] !== undefined) {
    return { schema: format['json_schema']['schema'] };
  }
  return undefined;
}

/** The schema check of an answer to `request`, or `undefined` when there is nothing to check. */
export function outputSchemaFor(request: unknown, settings: ThreatPolicy['outputSchema']): OutputSchemaCheck | undefined {
  if (!isJsonObject(request)) return undefined;
  const tools = settings.toolArguments ? declaredTools(request) : undefined;
  const responseFormat = settings.responseFormat ? declaredFormat(request) : undefined;
  if (tools === undefined && responseFormat === undefined) return undefined;
  return { tools, responseFormat, action: settings.action };
}

/** Parses JSON text; `undefined` when it is not JSON. */
function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** False when a call's arguments are not JSON, name an undeclared function, or break its schema. */
export function toolCallConforms(check: OutputSchemaCheck, name: unknown, args: string): boolean {
  if (check.tools === undefined) return true;
  const schema = typeof name === 'string' && check.tools.has(name) ? check.tools.get(name) : undefined;
  const parsed = parse(args);
  if (schema === undefined || parsed === undefined) return false;
  return checkJsonSchema(parsed.value, schema) !== 'invalid';
}

/** False when `content` is not JSON of the requested format. */
export function contentConforms(check: OutputSchemaCheck, content: string): boolean {
  const format = check.responseFormat;
  if (format === undefined) return true;
  const parsed = parse(content);
  if (parsed === undefined) return false;
  if (format === 'json_object') return isJsonObject(parsed.value);
  return checkJsonSchema(parsed.value, format.schema) !== 'invalid';
}

/** Reports one violation; throws `ERR_GUARD_OUTPUT_SCHEMA_BLOCKED` when the policy blocks. */
export function reportViolation(check: OutputSchemaCheck, detector: 'schema.tool_arguments' | 'schema.response_format', onDetection?: (d: Detection) => void): void {
  onDetection?.({ detector, score: 1, where: 'response', action: check.action });
  if (check.action === 'block') {
    throw new BulwarkError('ERR_GUARD_OUTPUT_SCHEMA_BLOCKED', "The answer was withheld: it does not match the request's JSON schema.");
  }
}

/**
 * Checks the tool calls (and legacy `function_call`) of each choice of a whole chat completion
 * against the request's functions, and the content against `response_format`. A refusal or a
 * missing content is not checked.
 */
export function checkResponseSchema(response: unknown, check: OutputSchemaCheck, onDetection?: (d: Detection) => void): void {
  const choices = isJsonObject(response) && Array.isArray(response['choices']) ? response['choices'] : [];
  for (const choice of choices) {
    const message = isJsonObject(choice) && isJsonObject(choice['message']) ? choice['message'] : undefined;
    if (message === undefined) continue;
    const calls = [...(Array.isArray(message['tool_calls']) ? message['tool_calls'] : []), ...(isJsonObject(message['function_call']) ? [{ function: message['function_call'] }] : [])];
    for (const call of calls) {
      const fn = isJsonObject(call) && isJsonObject(call['function']) ? call['function'] : undefined;
      if (fn === undefined || typeof fn['arguments'] !== 'string') continue;
      if (!toolCallConforms(check, fn['name'], fn['arguments'])) reportViolation(check, 'schema.tool_arguments', onDetection);
    }
    if (typeof message['content'] === 'string' && typeof message['refusal'] !== 'string' && !contentConforms(check, message['content'])) {
      reportViolation(check, 'schema.response_format', onDetection);
    }
  }
}
