import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';
import { apiError, streamError } from './api-error.js';

let upstream: RecordingUpstream;
let gw: TestGateway;
let dead: TestGateway;

/** A port that was just bound and released: nothing listens there. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  gw = await startTestGateway({
    BULWARK_UPSTREAM_BASE_URL: upstream.baseUrl,
    BULWARK_UPSTREAM_TIMEOUT_MS: '300',
    BULWARK_BODY_LIMIT_BYTES: '65536',
    BULWARK_UPSTREAM_MAX_RESPONSE_BYTES: '65536',
  });
  dead = await startTestGateway({ BULWARK_UPSTREAM_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1` });
});
afterAll(async () => {
  await gw?.close();
  await dead?.close();
  await upstream?.close();
});

interface ErrorJson {
  error: { code: string; message: string; type: string; request_id: string };
}

async function post(path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${gw.gateway.url}${path}`, { method: 'POST', body, headers: { authorization: `Bearer ${gw.key}`, ...headers } });
  return { res, json: (await res.json()) as ErrorJson };
}

function expectErrorShape(res: Response, json: ErrorJson, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(json.error.code).toBe(code);
  expect(json.error.request_id).toBe(res.headers.get('x-request-id'));
  expect(json.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify(json)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

const chat = (model: string) => JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] });

describe('client mistakes are 4xx with a stable code, never 5xx', () => {
  it.each([
    ['malformed JSON', '{"model": "rec", "messages": [', 400, 'ERR_REQUEST_INVALID_JSON'],
    ['an empty body', '', 400, 'ERR_REQUEST_INVALID_JSON'],
    ['a JSON array', '[1,2]', 400, 'ERR_REQUEST_INVALID_BODY'],
    ['no messages', '{"model":"rec"}', 400, 'ERR_REQUEST_INVALID_BODY'],
    ['an empty message list', '{"model":"rec","messages":[]}', 400, 'ERR_REQUEST_INVALID_BODY'],
    ['a message without a role', '{"model":"rec","messages":[{"content":"x"}]}', 400, 'ERR_REQUEST_INVALID_BODY'],
    ['stream that is not a boolean', '{"model":"rec","stream":"yes","messages":[{"role":"user","content":"x"}]}', 400, 'ERR_REQUEST_INVALID_BODY'],
    ['a __proto__ key', '{"model":"rec","__proto__":{"x":1},"messages":[{"role":"user","content":"x"}]}', 400, 'ERR_REQUEST_INVALID_JSON'],
    ['a constructor.prototype key', '{"model":"rec","constructor":{"prototype":{"x":1}},"messages":[{"role":"user","content":"x"}]}', 400, 'ERR_REQUEST_INVALID_JSON'],
  ])('%s -> %i %s', async (_name, body, status, code) => {
    const { res, json } = await post('/v1/chat/completions', body);
    expectErrorShape(res, json, status, code);
  });

  it('a body over the limit -> 413 ERR_REQUEST_TOO_LARGE, before any upstream call', async () => {
    const before = upstream.bodies.length;
    const big = JSON.stringify({ model: 'rec', messages: [{ role: 'user', content: 'x'.repeat(70_000) }] });
    const { res, json } = await post('/v1/chat/completions', big);
    expectErrorShape(res, json, 413, 'ERR_REQUEST_TOO_LARGE');
    expect(upstream.bodies.length).toBe(before);
  });

  it('JSON with a charset parameter is read as JSON', async () => {
    const res = await fetch(`${gw.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      body: chat('rec'),
      headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json; charset=utf-8' },
    });
    expect(res.status).toBe(200);
  });

  it('a body that is not valid UTF-8 -> 400 ERR_REQUEST_INVALID_UTF8, nothing sent upstream', async () => {
    const before = upstream.bodies.length;
    const bytes = Buffer.concat([Buffer.from('{"model":"rec","messages":[{"role":"user","content":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]);
    const res = await fetch(`${gw.gateway.url}/v1/chat/completions`, { method: 'POST', body: bytes, headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' } });
    expectErrorShape(res, (await res.json()) as ErrorJson, 400, 'ERR_REQUEST_INVALID_UTF8');
    expect(upstream.bodies.length).toBe(before);
  });

  it('a body that is not JSON -> 415', async () => {
    const { res, json } = await post('/v1/chat/completions', 'model=rec', { 'content-type': 'application/x-www-form-urlencoded' });
    expectErrorShape(res, json, 415, 'ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route -> 404 in the same shape', async () => {
    const res = await fetch(`${gw.gateway.url}/v1/nothing`);
    expectErrorShape(res, (await res.json()) as ErrorJson, 404, 'ERR_REQUEST_NOT_FOUND');
  });

  it('the official client sees the code and the request id', async () => {
    const err = await apiError(gw.client.chat.completions.create({ model: 'rec', messages: [] }));
    expect(err.status).toBe(400);
    expect(err.code).toBe('ERR_REQUEST_INVALID_BODY');
    expect(err.requestID).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('upstream failures', () => {
  it.each([
    ['a 500', 'status-500', 502, 'ERR_UPSTREAM_BAD_RESPONSE'],
    ['a 401 (the gateway\'s key is wrong, not the caller\'s)', 'status-401', 502, 'ERR_UPSTREAM_BAD_RESPONSE'],
    ['a redirect (never followed)', 'status-307', 502, 'ERR_UPSTREAM_BAD_RESPONSE'],
    ['a body that is not JSON', 'garbage', 502, 'ERR_UPSTREAM_BAD_RESPONSE'],
    ['an answer over the size limit', 'huge', 502, 'ERR_UPSTREAM_BAD_RESPONSE'],
    ['an answer cut off mid-body', 'cut', 502, 'ERR_UPSTREAM_UNREACHABLE'],
    ['a 404 for an unknown model (passed on)', 'status-404', 404, 'ERR_UPSTREAM_REJECTED'],
    ['a 400 (passed on)', 'status-400', 400, 'ERR_UPSTREAM_REJECTED'],
    ['a 429', 'status-429', 429, 'ERR_UPSTREAM_RATE_LIMITED'],
    ['no answer within the timeout', 'slow', 504, 'ERR_UPSTREAM_TIMEOUT'],
  ])('%s (%s) -> %i %s', async (_name, model, status, code) => {
    const { res, json } = await post('/v1/chat/completions', chat(model));
    expectErrorShape(res, json, status, code);
    if (status === 429) expect(res.headers.get('retry-after')).toBe('7');
  });

  it('a dead upstream (closed port) -> 502 ERR_UPSTREAM_UNREACHABLE', async () => {
    const err = await apiError(dead.client.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }));
    expect(err.status).toBe(502);
    expect(err.code).toBe('ERR_UPSTREAM_UNREACHABLE');
    const models = await apiError(dead.client.models.list());
    expect(models.status).toBe(502);
  });

  it('a stream request answered with an error status -> a plain JSON error, not a stream', async () => {
    const err = await apiError(gw.client.chat.completions.create({ model: 'status-503', stream: true, messages: [{ role: 'user', content: 'x' }] }));
    expect(err.status).toBe(502);
    expect(err.code).toBe('ERR_UPSTREAM_BAD_RESPONSE');
  });

  it.each([
    ['resets the connection', 'reset'],
    ['sends an error event', 'stream-error'],
  ])('an upstream that %s mid-stream -> the client gets a terminal error event; the server stays up', async (_name, model) => {
    const stream = await gw.client.chat.completions.create({ model, stream: true, messages: [{ role: 'user', content: 'x' }] });
    const { text, err } = await streamError(stream);
    expect(err.code).toBe('ERR_UPSTREAM_STREAM_FAILED');
    expect(text).toBe('partial ');
    const health = await fetch(`${gw.gateway.url}/health`);
    expect(health.status).toBe(200);
    const again = await gw.client.chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: 'still there?' }] });
    expect(again.choices[0]!.message.content).toBe('You said: still there?');
  });

  it('an upstream that goes silent mid-stream -> a terminal ERR_UPSTREAM_TIMEOUT event', async () => {
    const stream = await gw.client.chat.completions.create({ model: 'stall', stream: true, messages: [{ role: 'user', content: 'x' }] });
    const { text, err } = await streamError(stream);
    expect(err.code).toBe('ERR_UPSTREAM_TIMEOUT');
    expect(text).toBe('partial ');
  });
});

describe('every response carries a request id', () => {
  it.each(['/health', '/v1/models', '/nowhere'])('GET %s', async (path) => {
    const res = await fetch(`${gw.gateway.url}${path}`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ignores a request id sent by the caller', async () => {
    const res = await fetch(`${gw.gateway.url}/health`, { headers: { 'x-request-id': 'forged' } });
    expect(res.headers.get('x-request-id')).not.toBe('forged');
  });
});
