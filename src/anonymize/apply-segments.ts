import { BulwarkError } from '../core/bulwark-error.js';
import type { SegmentPath, SegmentReplacement } from './chat-segment.js';
import { isJsonObject } from '../core/json-object.js';

/** Longer paths are refused (no real chat body nests this deep). */
const MAX_PATH_LENGTH = 256;

/**
 * A trie of the replaced paths. Children are parallel arrays rather than a Map: a request has a
 * handful of replacements, and a Map per level was a noticeable share of a request's garbage.
 */
interface Node {
  text?: string;
  keys?: (string | number)[];
  children?: Node[];
  /** Key -> position, built once a node has many children (a long conversation's messages). */
  index?: Map<string | number, number>;
}

/** Children a node may have before lookups go through a Map instead of a scan. */
const SCAN_LIMIT = 16;

/** Position of `key` among the children of `node`, or -1. */
function childAt(node: Node, keys: readonly (string | number)[], key: string | number): number {
  // Paths arrive in body order, so a repeated key is nearly always the last one added.
  if (keys.length > 0 && keys[keys.length - 1] === key) return keys.length - 1;
  if (keys.length < SCAN_LIMIT) return keys.indexOf(key);
  node.index ??= new Map(keys.map((k, i) => [k, i]));
  return node.index.get(key) ?? -1;
}

/** The child of `node` at `key`, added when missing. */
function childOf(node: Node, key: string | number): Node {
  const { keys, children } = node;
  if (keys === undefined || children === undefined) {
    // Literals of one: most nodes never get a second child, and `push` onto [] reserves 17 slots.
    const child: Node = {};
    node.keys = [key];
    node.children = [child];
    return child;
  }
  const at = childAt(node, keys, key);
  if (at >= 0) return children[at]!;
  const child: Node = {};
  node.index?.set(key, keys.length);
  keys.push(key);
  children.push(child);
  return child;
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
    node = childOf(node, key);
  }
  if (node.children !== undefined) throw invalid('One segment path is a prefix of another.');
  node.text = text;
}

function apply(value: unknown, node: Node, key: string | number | undefined): unknown {
  if (node.text !== undefined) {
    if (typeof value !== 'string') throw invalid('A segment path does not end at a string.');
    return node.text;
  }
  const keys = node.keys!;
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
    for (let c = 0; c < keys.length; c++) {
      const k = keys[c]!;
      if (typeof k !== 'number' || k >= value.length) throw invalid('A path index is out of range.');
      copy[k] = apply(value[k], children[c]!, k);
    }
    return copy;
  }
  if (isJsonObject(value)) {
    const copy = { ...value };
    for (let c = 0; c < keys.length; c++) {
      const k = keys[c]!;
      if (typeof k !== 'string' || !Object.hasOwn(value, k)) throw invalid('A path names a missing field.');
      const replaced = apply(value[k], children[c]!, k);
      // Assignment would call the `__proto__` setter: that key must stay a plain field.
      if (k === '__proto__') Object.defineProperty(copy, k, { value: replaced, enumerable: true, writable: true, configurable: true });
      else copy[k] = replaced;
    }
    return copy;
  }
  throw invalid('A segment path goes through a value that is neither an object nor an array.');
}
