import { isJsonObject, type JsonObject } from '../core/json-object.js';
/** `unknown`: the schema could not be applied (a broken `$ref`, too deep, too much work). */
export type SchemaVerdict = 'valid' | 'invalid' | 'unknown';

/** Work limits: a hostile schema (nested `anyOf`) or answer cannot make a check run for long. */
const MAX_STEPS = 200_000;
const MAX_DEPTH = 128;

class Unverifiable extends Error {}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

function hasType(v: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'object':
      return isJsonObject(v);
    case 'array':
      return Array.isArray(v);
    default:
      throw new Unverifiable(); // a type name we do not know: do not guess
  }
}

/** Resolves a local `$ref` (`#`, `#/$defs/x`, `#/definitions/x`, any JSON pointer into the root). */
function resolve(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) throw new Unverifiable(); // remote references are never fetched
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isJsonObject(node) && !Array.isArray(node)) throw new Unverifiable();
    if (!Object.hasOwn(node, key)) throw new Unverifiable();
    node = (node as JsonObject)[key];
  }
  return node;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Checks `value` against a JSON Schema, covering the subset OpenAI accepts for function
 * parameters and structured outputs: `type` (one or a list), `nullable`, `enum`, `const`,
 * `properties`, `required`, `additionalProperties`, `items`, `anyOf`, `oneOf`, `allOf`, local
 * `$ref` (`$defs`, `definitions`, recursion), and the length, item-count and number bounds.
 * `pattern` and `format` are not checked (a caller's regular expression is not run here).
 * Unknown keywords are ignored, as the specification says.
 */
export function checkJsonSchema(value: unknown, schema: unknown): SchemaVerdict {
  let steps = 0;
  const check = (v: unknown, s: unknown, depth: number): boolean => {
    if (++steps > MAX_STEPS || depth > MAX_DEPTH) throw new Unverifiable();
    if (s === true || (isJsonObject(s) && Object.keys(s).length === 0)) return true;
    if (s === false) return false;
    if (!isJsonObject(s)) throw new Unverifiable();
    if (typeof s['$ref'] === 'string' && !check(v, resolve(schema, s['$ref']), depth + 1)) return false;
    if (s['nullable'] === true && v === null) return true;
    if (s['type'] !== undefined) {
      const types = Array.isArray(s['type']) ? s['type'] : [s['type']];
      if (!types.some((t) => hasType(v, t))) return false;
    }
    if (Array.isArray(s['enum']) && !s['enum'].some((e) => deepEqual(e, v))) return false;
    if (Object.hasOwn(s, 'const') && !deepEqual(s['const'], v)) return false;
    if (Array.isArray(s['allOf']) && !s['allOf'].every((sub) => check(v, sub, depth + 1))) return false;
    if (Array.isArray(s['anyOf']) && !s['anyOf'].some((sub) => check(v, sub, depth + 1))) return false;
    if (Array.isArray(s['oneOf']) && s['oneOf'].filter((sub) => check(v, sub, depth + 1)).length !== 1) return false;
    if (typeof v === 'string') return checkString(v, s);
    if (typeof v === 'number') return checkNumber(v, s);
    if (Array.isArray(v)) return checkArray(v, s, depth, check);
    if (isJsonObject(v)) return checkObject(v, s, depth, check);
    return true;
  };
  try {
    return check(value, schema, 0) ? 'valid' : 'invalid';
  } catch (err) {
    if (err instanceof Unverifiable) return 'unknown';
    throw err;
  }
}

type Check = (v: unknown, s: unknown, depth: number) => boolean;

function checkString(v: string, s: JsonObject): boolean {
  const min = num(s['minLength']);
  const max = num(s['maxLength']);
  if (min === undefined && max === undefined) return true;
  let length = 0;
  for (const _ of v) length++; // code points, as the specification counts
  return (min === undefined || length >= min) && (max === undefined || length <= max);
}

function checkNumber(v: number, s: JsonObject): boolean {
  const [min, max, xmin, xmax] = [num(s['minimum']), num(s['maximum']), num(s['exclusiveMinimum']), num(s['exclusiveMaximum'])];
  return (min === undefined || v >= min) && (max === undefined || v <= max) && (xmin === undefined || v > xmin) && (xmax === undefined || v < xmax);
}

function checkArray(v: unknown[], s: JsonObject, depth: number, check: Check): boolean {
  const min = num(s['minItems']);
  const max = num(s['maxItems']);
  if ((min !== undefined && v.length < min) || (max !== undefined && v.length > max)) return false;
  const items = s['items'];
  if (items === undefined || Array.isArray(items)) return true; // tuple form: not in OpenAI's subset
  return v.every((x) => check(x, items, depth + 1));
}

function checkObject(v: JsonObject, s: JsonObject, depth: number, check: Check): boolean {
  if (Array.isArray(s['required']) && !s['required'].every((k) => typeof k !== 'string' || Object.hasOwn(v, k))) return false;
  const props = isJsonObject(s['properties']) ? s['properties'] : {};
  const extra = s['additionalProperties'];
  for (const [k, x] of Object.entries(v)) {
    if (Object.hasOwn(props, k)) {
      if (!check(x, props[k], depth + 1)) return false;
    } else if (extra !== undefined && !check(x, extra, depth + 1)) return false;
  }
  return true;
}
