import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ BULWARK_AUTH_MAX_FAILURES: '3', BULWARK_AUTH_FAILURE_WINDOW_SECONDS: '600' });
});
afterAll(async () => {
  await gw?.close();
});

async function chat(headers: Record<string, string>) {
  const res = await fetch(`${gw.gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: 'hi' }] }),
  });
  return { res, json: (await res.json()) as { error?: { code: string } } };
}

describe('failed authentication is limited per address and fails closed', () => {
  it('missing keys do not count; after 3 bad keys even the right key gets 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await chat({})).res.status).toBe(401);
    expect((await chat({ authorization: `Bearer ${gw.key}` })).res.status).toBe(200);

    const bad = gw.key.slice(0, -2);
    for (let i = 0; i < 3; i++) {
      const { res, json } = await chat({ authorization: `Bearer ${bad}` });
      expect([res.status, json.error?.code]).toEqual([403, 'ERR_AUTH_MALFORMED_KEY']);
    }
    const { res, json } = await chat({ authorization: `Bearer ${gw.key}` });
    expect([res.status, json.error?.code]).toEqual([429, 'ERR_AUTH_TOO_MANY_FAILURES']);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);

    // The official client sees the same refusal.
    const err = await gw.client.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 429, code: 'ERR_AUTH_TOO_MANY_FAILURES' });
  });

  it('the health check stays open', async () => {
    expect((await fetch(`${gw.gateway.url}/health`)).status).toBe(200);
  });
});

describe('behind a trusted proxy, failures count per forwarded client address', () => {
  let proxied: TestGateway;
  beforeAll(async () => {
    // One trusted hop (the test client plays the proxy): X-Forwarded-For names the client.
    proxied = await startTestGateway({ BULWARK_AUTH_MAX_FAILURES: '2', BULWARK_AUTH_FAILURE_WINDOW_SECONDS: '600', BULWARK_TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await proxied?.close();
  });

  async function call(forwardedFor: string, key: string) {
    const res = await fetch(`${proxied.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: 'hi' }] }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it('blocks the guessing client, not every client behind the same proxy', async () => {
    const bad = proxied.key.slice(0, -2);
    expect(await call('198.51.100.7', bad)).toBe(403);
    expect(await call('198.51.100.7', bad)).toBe(403);
    expect(await call('198.51.100.7', proxied.key)).toBe(429);
    // Another client behind the same proxy is unaffected.
    expect(await call('203.0.113.9', proxied.key)).toBe(200);
  });
});
