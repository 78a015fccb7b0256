import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Keys and secrets stay out of the logs at every level: request headers because `req` is only
// ever written as method, path and address; upstream keys by redaction, wherever one is logged.

const CANARY = 'sk-canary-7f3Qz9LmW2xR';
let gw: TestGateway;
const lines: string[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ BULWARK_LOG_LEVEL: 'trace' }, { logDestination: { write: (l: string) => void lines.push(l) } });
});
afterAll(async () => {
  await gw?.close();
});

describe('log redaction', () => {
  it('never writes a request header holding a key or a cookie, whatever the route does with it', async () => {
    for (const path of ['/v1/chat/completions', '/v1/models', '/nowhere']) {
      const res = await fetch(`${gw.gateway.url}${path}?note=${CANARY}-query`, {
        method: path === '/v1/chat/completions' ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${gw.key}`,
          'x-api-key': `${CANARY}-x-api-key`,
          cookie: `session=${CANARY}-cookie`,
          'content-type': 'application/json',
        },
        ...(path === '/v1/chat/completions' ? { body: JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: 'hi' }] }) } : {}),
      });
      await res.arrayBuffer();
    }
    const text = lines.join('');
    expect(text).toContain('"msg":"incoming request"');
    expect(text).toContain('"url":"/nowhere?[redacted]"');
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(gw.key);
    expect(text).not.toContain(gw.key.slice(17));
  });

  it('redacts an upstream key logged with the upstream settings or on an error', () => {
    const log = gw.app.logger;
    const upstream = { kind: 'openai', baseUrl: 'https://api.example.com/v1', apiKey: `${CANARY}-settings` };
    log.warn({ upstream }, 'upstream settings');
    log.warn({ transport: upstream, options: upstream }, 'transport settings');
    log.error({ err: Object.assign(new Error('upstream refused'), { apiKey: `${CANARY}-error` }) }, 'request failed');
    // A raw request object given as `req` goes through the same serializer.
    log.info({ req: { method: 'GET', url: '/x', headers: { authorization: `Bearer ${CANARY}-raw` }, socket: {} } }, 'raw request');
    const written = lines.slice(-4).map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
    expect(written.map((l) => l['msg'])).toEqual(['upstream settings', 'transport settings', 'request failed', 'raw request']);
    expect(written[0]!['upstream']).toEqual({ ...upstream, apiKey: '[redacted]' });
    expect(written[1]!['transport']!['apiKey']).toBe('[redacted]');
    expect(written[1]!['options']!['apiKey']).toBe('[redacted]');
    expect(written[2]!['err']).toMatchObject({ message: 'upstream refused', apiKey: '[redacted]' });
    expect(written[3]!['req']).toEqual({ method: 'GET', url: '/x' });
    expect(lines.join('')).not.toContain(CANARY);
  });
});
