import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

const PLANTED = { email: 'maria.keller@example.com', name: 'Maria Keller', phone: '+1 415 555 0132', user: 'customer-ann@example.org' };
const PROMPT = `Hi, I'm ${PLANTED.name}. Write to ${PLANTED.email} or call ${PLANTED.phone}.`;

let upstream: RecordingUpstream;
let gw: TestGateway;
let other: TestGateway;
let adminKey: string;

/** Every sample line of `text` whose series name and labels match. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

async function metricsText(g: TestGateway): Promise<string> {
  const res = await fetch(`${g.gateway.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  gw = await startTestGateway({ BULWARK_UPSTREAM_BASE_URL: upstream.baseUrl });
  other = await startTestGateway();
  adminKey = (await gw.app.keys.create({ name: 'ops', scopes: ['admin'] })).key;

  await gw.client.chat.completions.create({ model: 'rec', user: PLANTED.user, messages: [{ role: 'user', content: PROMPT }] });
  const stream = await gw.client.chat.completions.create({ model: 'rec', stream: true, messages: [{ role: 'user', content: PROMPT }] });
  for await (const chunk of stream) void chunk;
  await gw.client.embeddings.create({ model: 'emb', input: [PROMPT, PLANTED.email] });
  await fetch(`${gw.gateway.url}/v1/models`); // 401, no key
  await gw.clientWith(`${gw.key.slice(0, -4)}AAAA`).chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: PROMPT }] }).catch(() => undefined); // 403
  await fetch(`${gw.gateway.url}/v1/${encodeURIComponent(PLANTED.email)}?q=${encodeURIComponent(PLANTED.name)}`); // 404 with PII in the path
  await gw.client.chat.completions.create({ model: 'status-502', messages: [{ role: 'user', content: PROMPT }] }).catch(() => undefined);
  gw.gateway.server.metrics.rateLimitHits.inc({ scope: 'key' });
});
afterAll(async () => {
  await gw?.close();
  await other?.close();
  await upstream?.close();
});

describe('GET /metrics', () => {
  it('counts requests by route template and status, and times them', async () => {
    const text = await metricsText(gw);
    const chat = { method: 'POST', route: '/v1/chat/completions' };
    expect(sample(text, 'bulwark_http_requests_total', { ...chat, status: '200' })).toBe(2);
    expect(sample(text, 'bulwark_http_requests_total', { ...chat, status: '403' })).toBe(1);
    expect(sample(text, 'bulwark_http_requests_total', { ...chat, status: '502' })).toBe(1);
    expect(sample(text, 'bulwark_http_requests_total', { route: '/v1/embeddings', status: '200' })).toBe(1);
    expect(sample(text, 'bulwark_http_requests_total', { route: '/v1/models', status: '401' })).toBe(1);
    expect(sample(text, 'bulwark_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    expect(sample(text, 'bulwark_http_request_duration_seconds_count', { ...chat, status: '200' })).toBe(2);
  });

  it('records upstream latency, tokens, findings, blocks, rate-limit hits and the gateway overhead', async () => {
    const text = await metricsText(gw);
    expect(sample(text, 'bulwark_upstream_duration_seconds_count', { operation: 'chat', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'bulwark_upstream_duration_seconds_count', { operation: 'chat', outcome: 'error' })).toBe(1);
    expect(sample(text, 'bulwark_upstream_duration_seconds_count', { operation: 'embeddings', outcome: 'ok' })).toBe(1);
    // The recording upstream reports 1 prompt + 1 completion token per chat answer and 5 per embeddings call.
    expect(sample(text, 'bulwark_tokens_total', { route: '/v1/chat/completions', kind: 'prompt' })).toBe(1);
    expect(sample(text, 'bulwark_tokens_total', { route: '/v1/embeddings', kind: 'prompt' })).toBe(5);
    expect(sample(text, 'bulwark_findings_total', { route: '/v1/chat/completions', entity_type: 'EMAIL_ADDRESS' })).toBe(4); // the `user` field too
    expect(sample(text, 'bulwark_findings_total', { route: '/v1/embeddings', entity_type: 'EMAIL_ADDRESS' })).toBe(2);
    expect(sample(text, 'bulwark_blocked_requests_total', { route: '/v1/models', code: 'ERR_AUTH_MISSING_KEY' })).toBe(1);
    expect(sample(text, 'bulwark_blocked_requests_total', { route: '/v1/chat/completions', code: 'ERR_AUTH_MALFORMED_KEY' })).toBe(1);
    expect(sample(text, 'bulwark_rate_limit_hits_total', { scope: 'key' })).toBe(1);
    expect(sample(text, 'bulwark_gateway_overhead_seconds_count', { route: '/v1/chat/completions' })).toBe(3);
    expect(sample(text, 'bulwark_gateway_overhead_seconds_count', { route: '/v1/embeddings' })).toBe(1);
  });

  it('never contains a planted value, a key or a raw path', async () => {
    const text = await metricsText(gw);
    for (const value of [...Object.values(PLANTED), gw.key, adminKey, gw.key.slice(0, 20), 'maria', 'Keller', '%40example']) {
      expect(text.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });

  it('each server has its own registry', async () => {
    const text = await metricsText(other);
    expect(sample(text, 'bulwark_http_requests_total', { route: '/v1/chat/completions' })).toBeUndefined();
    expect(sample(text, 'bulwark_rate_limit_hits_total', { scope: 'key' })).toBeUndefined();
  });

  it.each([
    ['no key', undefined, 401],
    ['a chat key', 'chat', 403],
    ['an admin key', 'admin', 200],
  ])('from another machine: %s → %d', async (_name, which, status) => {
    const headers: Record<string, string> = {};
    if (which === 'chat') headers['authorization'] = `Bearer ${gw.key}`;
    if (which === 'admin') headers['authorization'] = `Bearer ${adminKey}`;
    const res = await gw.gateway.server.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9', headers });
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.body).toContain('bulwark_http_requests_total');
  });
});
