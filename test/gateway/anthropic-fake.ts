import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of Anthropic's Messages API for tests: a real HTTP server on 127.0.0.1
 * (ephemeral port) that records every raw request body and its headers, and answers
 * `POST /v1/messages` by repeating the text of the last user turn (text blocks and tool results)
 * — so placeholders come back — whole or as SSE `text_delta`s / `input_json_delta`s of 3
 * characters, which splits every placeholder across events. The request's `model` picks a
 * behaviour:
 *
 * - `tools`: answers with a `tool_use` block whose input carries the text (`stop_reason: tool_use`);
 * - `status-NNN`: answers status NNN with Anthropic's error JSON (`Retry-After: 3` on 429 and 529);
 * - `stream-error`: streams one text delta, then an `error` event;
 * - `cut`: streams one text delta, then ends without `message_stop`;
 * - anything else: the echo.
 *
 * `GET /v1/models` lists two models in Anthropic's shape.
 */
export interface FakeAnthropic {
  /** Base URL to configure in the gateway (no `/v1`). */
  readonly baseUrl: string;
  /** Raw bodies received, in order (exactly the bytes on the wire, as UTF-8). */
  readonly bodies: string[];
  /** Headers of each request, in order. */
  readonly headers: IncomingMessage['headers'][];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function textOfBlocks(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return (content as Json[])
    .map((b) => (b['type'] === 'text' ? String(b['text']) : b['type'] === 'tool_result' ? textOfBlocks(b['content']) : ''))
    .filter(Boolean)
    .join(' ');
}

function lastUser(body: Json): string {
  const messages = (body['messages'] as Json[] | undefined) ?? [];
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!['role'] === 'user') return textOfBlocks(messages[i]!['content']);
  return '';
}

function piecesOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const USAGE = { input_tokens: 11, output_tokens: 7 };

function answer(req: IncomingMessage, res: ServerResponse, raw: string): void {
  if (req.method === 'GET' && req.url?.startsWith('/v1/models')) {
    const data = [
      { type: 'model', id: 'claude-a', display_name: 'A', created_at: '2025-01-01T00:00:00Z' },
      { type: 'model', id: 'claude-b', display_name: 'B', created_at: '2025-02-01T00:00:00Z' },
    ];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data, has_more: false }));
    return;
  }
  const body = JSON.parse(raw) as Json;
  const model = String(body['model']);
  const status = /^status-(\d{3})$/.exec(model);
  if (status) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (status[1] === '429' || status[1] === '529') headers['retry-after'] = '3';
    const type = status[1] === '529' ? 'overloaded_error' : 'api_error';
    res.writeHead(Number(status[1]), headers).end(JSON.stringify({ type: 'error', error: { type, message: `upstream says ${status[1]}` } }));
    return;
  }
  const text = `You said: ${lastUser(body)}`;
  const tools = model === 'tools';
  const message = { id: 'msg_fake', type: 'message', role: 'assistant', model };
  if (body['stream'] !== true) {
    const content = tools
      ? [{ type: 'text', text: 'Noting.' }, { type: 'tool_use', id: 'toolu_1', name: 'note', input: { note: text } }]
      : [{ type: 'text', text }];
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ ...message, content, stop_reason: tools ? 'tool_use' : 'end_turn', stop_sequence: null, usage: USAGE }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const send = (data: Json): boolean => res.write(`event: ${String(data['type'])}\ndata: ${JSON.stringify(data)}\n\n`);
  send({ type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 11, output_tokens: 1 } } });
  send({ type: 'ping' });
  if (model === 'stream-error' || model === 'cut') {
    send({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    send({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'partial ' } });
    if (model === 'stream-error') send({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    res.end();
    return;
  }
  if (tools) {
    send({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_1', name: 'note', input: {} } });
    for (const p of piecesOf(JSON.stringify({ note: text }), 3)) {
      send({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: p } });
    }
  } else {
    send({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    for (const p of piecesOf(text, 3)) send({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } });
  }
  send({ type: 'content_block_stop', index: 0 });
  send({ type: 'message_delta', delta: { stop_reason: tools ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: 7 } });
  send({ type: 'message_stop' });
  res.end();
}

/** Starts a {@link FakeAnthropic} on an ephemeral port. */
export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const bodies: string[] = [];
  const headers: IncomingMessage['headers'][] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      bodies.push(raw);
      headers.push(req.headers);
      answer(req, res, raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    bodies,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
