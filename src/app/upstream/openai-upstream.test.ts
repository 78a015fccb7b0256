import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openaiUpstream } from './openai-upstream.js';
import type { Upstream } from './upstream.js';

// A real local server that records the bytes it is sent and answers one fixed completion.
let server: Server;
let upstream: Upstream;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      received.push(Buffer.concat(parts).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"c","choices":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  upstream = openaiUpstream({ baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 5000, maxResponseBytes: 1 << 20 });
});
afterAll(async () => {
  await upstream?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('openaiUpstream.chat', () => {
  const body = { model: 'm', messages: [{ role: 'user', content: 'hi ⟦EMAIL_1⟧' }] };
  const signal = new AbortController().signal;

  it('sends the body serialized', async () => {
    const r = await upstream.chat(body, { signal });
    expect(r).toEqual({ stream: false, body: { id: 'c', choices: [] } });
    expect(received.at(-1)).toBe(JSON.stringify(body));
  });

  it("sends the caller's JSON text as it is when given one", async () => {
    const text = JSON.stringify(body, null, 1);
    await upstream.chat(body, { signal, bodyJson: text });
    expect(received.at(-1)).toBe(text);
  });
});
