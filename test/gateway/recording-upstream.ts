import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible upstream for tests: a real HTTP server on 127.0.0.1 (ephemeral port)
 * that records every raw request body it receives and answers by repeating the last user
 * message — so placeholders come back — whole or as SSE cut into 3-character pieces, which
 * splits every placeholder across chunks. The request's `model` picks a behaviour:
 *
 * - `tools`: answers with a tool call whose JSON arguments carry the message;
 * - `status-NNN`: answers status NNN with an OpenAI error body (`Retry-After: 7` on 429);
 * - `slow`: never answers (until the test ends); `garbage`: 200 with a body that is not JSON;
 * - `huge`: 200 with a 256 KiB JSON answer; `cut`: 200 announcing a longer body than it sends,
 *   then the connection is destroyed;
 * - `reset`: streams two chunks, then destroys the connection; `stall`: streams two chunks, then
 *   goes silent; `stream-error`: streams a chunk, then an `{error}` event;
 * - anything else: the normal echo.
 *
 * `POST /v1/embeddings` answers one vector per input: `[input length, 1, 0]` (base64 when asked).
 */
export interface RecordingUpstream {
  /** Base URL to configure in the gateway, with `/v1`. */
  readonly baseUrl: string;
  /** Raw bodies received, in order (exactly the bytes on the wire, as UTF-8). */
  readonly bodies: string[];
  /** The `authorization` header of each request ('' when absent). */
  readonly authorizations: string[];
  /** How many answers were cut off by the other side (the gateway hung up) before they ended. */
  readonly hungUp: () => number;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function lastUser(body: Json): string {
  const messages = (body['messages'] as Json[] | undefined) ?? [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m['role'] !== 'user') continue;
    const c = m['content'];
    if (typeof c === 'string') return c;
    if (Array.isArray(c)) return c.map((p: Json) => (typeof p['text'] === 'string' ? p['text'] : '')).join(' ');
  }
  return '';
}

function piecesOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** `POST /v1/embeddings`: one 3-dimensional vector per input (its length, 1, 0), float or base64 as asked. */
function embeddingsAnswer(body: Json): Json {
  const input = body['input'];
  const inputs: unknown[] = Array.isArray(input) && !input.every((x) => typeof x === 'number') ? input : [input];
  const data = inputs.map((x, index) => {
    const vector = [typeof x === 'string' ? x.length : 0, 1, 0];
    const embedding = body['encoding_format'] === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  return { object: 'list', data, model: body['model'], usage: { prompt_tokens: 5, total_tokens: 5 } };
}

function answer(req: IncomingMessage, res: ServerResponse, raw: string): void {
  if (req.method === 'GET' && req.url === '/v1/models') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'rec', object: 'model', created: 0, owned_by: 'test' }] }));
    return;
  }
  const body = JSON.parse(raw) as Json;
  if (req.url === '/v1/embeddings') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(embeddingsAnswer(body)));
    return;
  }
  const model = String(body['model']);
  const status = /^status-(\d{3})$/.exec(model);
  if (status) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (status[1] === '429') headers['retry-after'] = '7';
    res.writeHead(Number(status[1]), headers).end(JSON.stringify({ error: { message: `upstream says ${status[1]}`, type: 'x', code: null } }));
    return;
  }
  if (model === 'slow') return; // the client's timeout fires; the test's close() ends the socket
  if (model === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json');
    return;
  }
  if (model === 'huge') {
    const content = 'x'.repeat(256 * 1024);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'chatcmpl-rec', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
    return;
  }
  if (model === 'cut') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
    res.write('{"id":"chatcmpl-rec","choices":[');
    setImmediate(() => res.socket?.destroy());
    return;
  }
  const text = `You said: ${lastUser(body)}`;
  const base = { id: 'chatcmpl-rec', created: 1, model };
  const tools = model === 'tools';
  if (body['stream'] !== true) {
    const message = tools
      ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'note', arguments: JSON.stringify({ note: text }) } }] }
      : { role: 'assistant', content: text };
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: tools ? 'tool_calls' : 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const send = (choices: unknown[]): boolean => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices })}\n\n`);
  send([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
  if (model === 'reset') {
    send([{ index: 0, delta: { content: 'partial ' }, finish_reason: null }]);
    setImmediate(() => res.socket?.destroy());
    return;
  }
  if (model === 'stall') {
    send([{ index: 0, delta: { content: 'partial ' }, finish_reason: null }]);
    return; // silent from here on: the gateway's idle timeout must end the stream
  }
  if (model === 'stream-error') {
    send([{ index: 0, delta: { content: 'partial ' }, finish_reason: null }]);
    res.end(`data: ${JSON.stringify({ error: { message: 'overloaded', type: 'server_error' } })}\n\n`);
    return;
  }
  if (tools) {
    send([{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'note', arguments: '' } }] }, finish_reason: null }]);
    for (const p of piecesOf(JSON.stringify({ note: text }), 3)) send([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: p } }] }, finish_reason: null }]);
  } else {
    for (const p of piecesOf(text, 3)) send([{ index: 0, delta: { content: p }, finish_reason: null }]);
  }
  send([{ index: 0, delta: {}, finish_reason: tools ? 'tool_calls' : 'stop' }]);
  res.end('data: [DONE]\n\n');
}

/** Starts a {@link RecordingUpstream} on an ephemeral port. */
export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const bodies: string[] = [];
  const authorizations: string[] = [];
  let hungUp = 0;
  let closing = false;
  const server = createServer((req, res) => {
    res.on('close', () => {
      if (!res.writableFinished && !closing) hungUp++;
    });
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      bodies.push(raw);
      authorizations.push(req.headers.authorization ?? '');
      answer(req, res, raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    bodies,
    authorizations,
    hungUp: () => hungUp,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
