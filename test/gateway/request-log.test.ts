import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// At the default level a request writes one log line, `request completed`, that carries what an
// operator needs to trace it: request id, method, path (never the query), status, latency, key
// id, finding counts, and the error code of a refusal — never a prompt, a value or a key.

const EMAIL = 'lena.fischer.q7@example.org';
let gw: TestGateway;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ BULWARK_LOG_LEVEL: 'info' }, { logDestination: { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) } });
});
afterAll(async () => {
  await gw?.close();
});

const linesOf = (requestId: string | null): Record<string, unknown>[] => lines.filter((l) => l['reqId'] === requestId);

describe('request log at info', () => {
  it('one line per request with id, method, path, status, latency, key id and finding counts', async () => {
    const r = await gw.client.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: `Write to ${EMAIL}` }] }).withResponse();
    const mine = linesOf(r.request_id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      msg: 'request completed',
      level: 30,
      req: { method: 'POST', url: '/v1/chat/completions' },
      res: { statusCode: 200 },
      keyId: gw.key.slice(4, 16),
      findings: { EMAIL_ADDRESS: 1 },
    });
    expect(typeof mine[0]!['responseTime']).toBe('number');
    expect(mine[0]!['responseTime'] as number).toBeGreaterThanOrEqual(0);
    expect(mine[0]).not.toHaveProperty('code');
  });

  it('a refusal carries its code and status; the query string is never logged', async () => {
    const res = await fetch(`${gw.gateway.url}/v1/chat/completions?email=${encodeURIComponent(EMAIL)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    const mine = linesOf(res.headers.get('x-request-id'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ msg: 'request completed', res: { statusCode: 401 }, code: 'ERR_AUTH_MISSING_KEY', keyId: null, req: { url: '/v1/chat/completions?[redacted]' } });
  });

  it('a refusal after the body was read is one line too, not a hang-up', async () => {
    const res = await fetch(`${gw.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.key}` },
      body: JSON.stringify({ model: 'echo', messages: 'not a list' }),
    });
    expect(res.status).toBe(400);
    const mine = linesOf(res.headers.get('x-request-id'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ msg: 'request completed', res: { statusCode: 400 }, code: 'ERR_REQUEST_INVALID_BODY' });
  });

  it('never writes a prompt value or the key', () => {
    const all = JSON.stringify(lines);
    expect(all).toContain('request completed');
    expect(all).not.toContain(EMAIL);
    expect(all).not.toContain(gw.key);
    expect(all).not.toContain('incoming request'); // that one is at debug
  });
});
