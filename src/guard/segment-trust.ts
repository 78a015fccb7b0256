import type { ChatSegment } from '../anonymize/index.js';
import { isJsonObject, type JsonObject } from '../core/json-object.js';

/**
 * How far a request segment is trusted: `system` (the operator's instructions: context for the
 * injection check, never scanned for it), `direct` (the user's words), `untrusted` (tool and
 * function results, retrieved documents: they should hold no instructions at all) or `none`
 * (names, ids, the model's own earlier turns: not scanned for injection).
 */
export type SegmentTrust = 'system' | 'direct' | 'untrusted' | 'none';

/**
 * Marks a message or a text content part as retrieved content (`"bulwark_untrusted": true`).
 * The gateway removes the field before the request goes upstream.
 */
export const UNTRUSTED_MARKER = 'bulwark_untrusted';

const marked = (v: unknown): boolean => isJsonObject(v) && v[UNTRUSTED_MARKER] === true;

/** The message (and content part) a segment path of a request points into. */
function containers(body: unknown, segment: ChatSegment): [unknown, unknown] {
  const [top, i, field, k] = segment.path;
  if (top !== 'messages' || typeof i !== 'number' || !isJsonObject(body) || !Array.isArray(body['messages'])) return [undefined, undefined];
  const message: unknown = body['messages'][i];
  const content = isJsonObject(message) ? message['content'] : undefined;
  return [message, field === 'content' && typeof k === 'number' && Array.isArray(content) ? content[k] : undefined];
}

/** The trust of one segment of a chat request `body`. */
export function segmentTrust(segment: ChatSegment, body: unknown): SegmentTrust {
  if (segment.kind === 'tool_result') return 'untrusted';
  if (segment.kind !== 'content' && segment.kind !== 'content_part') return 'none';
  const [message, part] = containers(body, segment);
  if (marked(message) || marked(part)) return 'untrusted';
  if (segment.role === 'system' || segment.role === 'developer') return 'system';
  return segment.role === 'assistant' ? 'none' : 'direct';
}

/** Where a detection in this segment happened, for the audit record. */
export function segmentWhere(segment: ChatSegment, trust: SegmentTrust): string {
  return trust === 'untrusted' && segment.kind !== 'tool_result' ? 'document' : segment.kind;
}

/** Whether a message or one of its content parts carries the untrusted marker. */
function hasMarkers(m: unknown): boolean {
  if (!isJsonObject(m)) return false;
  if (Object.hasOwn(m, UNTRUSTED_MARKER)) return true;
  const content = m['content'];
  return Array.isArray(content) && content.some((p) => isJsonObject(p) && Object.hasOwn(p, UNTRUSTED_MARKER));
}

/** `body` without untrusted markers (the input itself when it has none). */
export function withoutMarkers<T>(body: T): T {
  if (!isJsonObject(body) || !Array.isArray(body['messages'])) return body;
  // Nearly every request has none: look before copying the message list.
  if (!body['messages'].some(hasMarkers)) return body;
  let changed = false;
  const strip = (o: JsonObject): JsonObject => {
    const { [UNTRUSTED_MARKER]: _, ...rest } = o;
    changed = true;
    return rest;
  };
  const messages = body['messages'].map((m: unknown) => {
    if (!isJsonObject(m)) return m;
    let out = Object.hasOwn(m, UNTRUSTED_MARKER) ? strip(m) : m;
    if (Array.isArray(out['content']) && out['content'].some((p) => isJsonObject(p) && Object.hasOwn(p, UNTRUSTED_MARKER))) {
      out = { ...out, content: out['content'].map((p: unknown) => (isJsonObject(p) && Object.hasOwn(p, UNTRUSTED_MARKER) ? strip(p) : p)) };
    }
    return out;
  });
  return changed ? ({ ...body, messages } as T) : body;
}
