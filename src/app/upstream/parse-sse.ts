import { UpstreamError } from './upstream-error.js';

/** One server-sent event: its `event` name (if any) and its joined `data` lines. */
export interface SseEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/**
 * Parses a `text/event-stream` byte stream into events (WHATWG rules: `\n`, `\r\n` or `\r` line
 * ends, `:` comments, multi-line `data`, blank line dispatches). An event larger than
 * `maxEventBytes` (counted in UTF-16 units, close enough as a bound) throws
 * `ERR_UPSTREAM_STREAM_FAILED`, so a hostile upstream cannot make the gateway buffer forever.
 */
export async function* parseSse(body: AsyncIterable<Uint8Array>, maxEventBytes: number): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let data: string[] = [];
  let size = 0;
  let event: string | undefined;
  let skipLf = false;
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    let start = 0;
    for (;;) {
      if (skipLf && start < buffer.length) {
        if (buffer.charCodeAt(start) === 10) start++;
        skipLf = false;
      }
      const lf = buffer.indexOf('\n', start);
      const cr = buffer.indexOf('\r', start);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) break;
      const line = buffer.slice(start, end);
      start = end + 1;
      if (buffer.charCodeAt(end) === 13) skipLf = true;
      if (line === '') {
        if (data.length > 0) yield { event, data: data.join('\n') };
        data = [];
        size = 0;
        event = undefined;
        continue;
      }
      if (line.charCodeAt(0) === 58) continue; // ':' comment (keep-alive)
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.charCodeAt(0) === 32) value = value.slice(1);
      if (field === 'data') {
        size += value.length;
        data.push(value);
      } else if (field === 'event') event = value;
    }
    buffer = buffer.slice(start);
    if (size + buffer.length > maxEventBytes) {
      throw new UpstreamError('ERR_UPSTREAM_STREAM_FAILED', 'The upstream sent a stream event larger than the limit.');
    }
  }
  // A last event without the closing blank line still counts (some servers end that way).
  const rest = buffer + decoder.decode();
  if (rest.startsWith('data:')) data.push(rest.slice(rest.charCodeAt(5) === 32 ? 6 : 5));
  if (data.length > 0) yield { event, data: data.join('\n') };
}
