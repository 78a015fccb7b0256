import { BulwarkError } from '../core/bulwark-error.js';
import type { SegmentPath, SegmentReplacement } from './chat-segment.js';
import { isJsonObject } from '../core/json-object.js';

/** Longer paths are refused (no real chat body nests this deep). */
const MAX_PATH_LENGTH = 256;

interface Node {
  text?: string;
  children?: Map<string | number, Node>;
}

function invalid(message: string): BulwarkError {
  return new BulwarkError('ERR_ANONYMIZE_INVALID_PATH', message);
}

/**
 * Returns a copy of `body` with the text at each path (as listed by `listChatSegments`)
 * replaced. The input is never modified; containers on a replaced path are copied, untouched
 * subtrees are shared with the input. Tool-call `arguments` strings are parsed, edited and
 * re-serialized with `JSON.stringify`, so they stay valid JSON. A path that does not lead to a
 * string through own properties and array indexes throws `ERR_ANONYMIZE_INVALID_PATH`.
 */
export function applySegments<T>(body: T, replacements: readonly SegmentReplacement[]): T {
  if (replacements.length === 0) return body;
  const root: Node = {};
  for (const r of replacements) insert(root, r);
  return apply(body, root, undefined) as T;
}

function insert(root: Node, { path, text }: SegmentReplacement): void {
  if (!Array.isArray(path) || path.length === 0 || path.length > MAX_PATH_LENGTH) throw invalid('A segment path must be a non-empty array.');
  if (typeof text !== 'string') throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', 'Segment text must be a string.');
  let node = root;
  for (const key of path as SegmentPath) {
    if (typeof key !== 'string' && !(typeof key === 'number' && Number.isInteger(key) && key >= 0)) {
      throw invalid('Path elements must be strings or array indexes.');
    }
    if (node.text !== undefined) throw invalid('One segment path is a prefix of another.');
    node.children ??= new Map();
    let next = node.children.get(key);
    if (next === undefined) node.children.set(key, (next = {}));
    node = next;
  }
  if (node.children !== undefined) throw invalid('One segment path is a prefix of another.');
  node.text = text;
}

function apply(value: unknown, node: Node, key: string | number | undefined): unknown {
  if (node.text !== undefined) {
    if (typeof value !== 'string') throw invalid('A segment path does not end at a string.');
    return node.text;
  }
  const children = node.children!;
  if (typeof value === 'string' && key === 'arguments') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalid('A path continues into tool arguments that are not JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null) throw invalid('A path continues into tool arguments that are not JSON.');
    return JSON.stringify(apply(parsed, node, undefined));
  }
  if (Array.isArray(value)) {
    const copy = value.slice();
    for (const [k, child] of children) {
      if (typeof k !== 'number' || k >= value.length) throw invalid('A path index is out of range.');
      copy[k] = apply(value[k], child, k);
    }
    return copy;
  }
  if (isJsonObject(value)) {
    const copy = { ...value };
    for (const [k, child] of children) {
      if (typeof k !== 'string' || !Object.hasOwn(value, k)) throw invalid('A path names a missing field.');
      // defineProperty, not assignment: a "__proto__" key must stay a plain field.
      Object.defineProperty(copy, k, { value: apply(value[k], child, k), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  throw invalid('A segment path goes through a value that is neither an object nor an array.');
}
