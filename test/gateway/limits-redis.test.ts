import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { heldStreamUpstream, postChat, remaining } from './limits-helpers.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Set by .ci/run. Unset: skipped; set but unreachable: the beforeAll fails.
const REDIS_URL = process.env['BULWARK_TEST_REDIS_URL'];
const QUIET = {
  BULWARK_LIMIT_KEY_REQUESTS: '1000',
  BULWARK_LIMIT_USER_REQUESTS: '1000',
  BULWARK_LIMIT_IP_REQUESTS: '1000',
  BULWARK_LIMIT_WINDOW_SECONDS: '600',
};

describe.skipIf(REDIS_URL === undefined || REDIS_URL === '')('limits on Redis', () => {
  const prefix = `bulwark-test-${randomUUID()}`;
  let redis: Redis;
  let dir: string;
  const open: TestGateway[] = [];

  beforeAll(async () => {
    redis = new Redis(REDIS_URL!, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: () => null });
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((g) => g.close()));
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    if (redis === undefined) return;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
    redis.disconnect();
  });

  /** Two gateways sharing one key database and one Redis (with a prefix per test). */
  async function twoGateways(env: Record<string, string>, held?: ReturnType<typeof heldStreamUpstream>) {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-redis-'));
    const shared = {
      ...QUIET,
      ...env,
      BULWARK_REDIS_URL: REDIS_URL!,
      BULWARK_REDIS_PREFIX: `${prefix}:${randomUUID().slice(0, 8)}`,
      BULWARK_DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    };
    const overrides = held === undefined ? {} : { upstream: held.upstream };
    const a = await startTestGateway(shared, overrides);
    open.push(a);
    const b = await startTestGateway(shared, overrides);
    open.push(b);
    for (const g of [a, b]) await expect.poll(() => g.app.limits.ping(), { interval: 20, timeout: 5000 }).toBe(true);
    expect([a.app.limits.backend, b.app.limits.backend]).toEqual(['redis', 'redis']);
    return { a, b, key: a.key };
  }

  it('request limits per key, user and IP hold across two gateway instances', async () => {
    const { a, b, key } = await twoGateways({ BULWARK_LIMIT_KEY_REQUESTS: '4', BULWARK_LIMIT_USER_REQUESTS: '2' });
    const at = (i: number) => (i % 2 === 0 ? a : b).gateway.url;
    const counts: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await postChat(at(i), key, {});
      expect(r.status).toBe(200);
      counts.push(remaining(r.limit, 'key'));
    }
    expect(counts).toEqual([3, 2, 1, 0]);
    for (const g of [a, b]) {
      const r = await postChat(g.gateway.url, key, {});
      expect([r.status, r.code]).toEqual([429, 'ERR_LIMIT_RATE_EXCEEDED']);
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.policy).toContain('"key";q=4;w=600');
    }

    const other = (await a.app.keys.create({ name: 'u', scopes: ['chat'] })).key;
    expect((await postChat(a.gateway.url, other, { user: 'carol' })).status).toBe(200);
    expect((await postChat(b.gateway.url, other, {}, { 'x-bulwark-user': 'carol' })).status).toBe(200);
    expect((await postChat(a.gateway.url, other, { user: 'carol' })).code).toBe('ERR_LIMIT_RATE_EXCEEDED');
    expect((await postChat(b.gateway.url, other, { user: 'dave' })).status).toBe(200);
  });

  it('per-IP limit across instances', async () => {
    const { a, b } = await twoGateways({ BULWARK_LIMIT_IP_REQUESTS: '2' });
    const second = (await a.app.keys.create({ name: 'x', scopes: ['chat'] })).key;
    expect((await postChat(a.gateway.url, a.key, {})).status).toBe(200);
    expect((await postChat(b.gateway.url, second, {})).status).toBe(200);
    const r = await postChat(b.gateway.url, a.key, {});
    expect([r.status, r.code]).toEqual([429, 'ERR_LIMIT_RATE_EXCEEDED']);
    expect(r.policy).toContain('"ip";q=2;w=600');
  });

  it('token budget: reserved on one instance, settled, and seen by the other (non-stream and stream)', async () => {
    const { a, b, key } = await twoGateways({ BULWARK_LIMIT_TOKEN_BUDGET: '300', BULWARK_LIMIT_DEFAULT_MAX_TOKENS: '50' });
    const messages = [{ role: 'user', content: 'x'.repeat(40) }]; // 10 + 50 = 60 reserved
    const first = await postChat(a.gateway.url, key, { messages });
    expect(remaining(first.limit, 'tokens')).toBe(240);
    const used = (first.json?.['usage'] as { total_tokens: number }).total_tokens;
    const streamed = await postChat(b.gateway.url, key, { messages, stream: true, stream_options: { include_usage: true } });
    expect(remaining(streamed.limit, 'tokens')).toBe(300 - used - 60);
    const usageLine = streamed.text.split('\n').find((l) => l.includes('"usage"'));
    const used2 = (JSON.parse(usageLine!.slice('data: '.length)) as { usage: { total_tokens: number } }).usage.total_tokens;
    await expect
      .poll(async () => remaining((await postChat(a.gateway.url, key, { max_tokens: 0, messages: [{ role: 'user', content: '' }] })).limit, 'tokens'), {
        interval: 20,
        timeout: 5000,
      })
      .toBeLessThanOrEqual(300 - used - used2 - 1);
    const tooBig = await postChat(b.gateway.url, key, { max_tokens: 1000 });
    expect([tooBig.status, tooBig.code]).toEqual([429, 'ERR_LIMIT_TOKEN_BUDGET']);
  });

  it('stream concurrency cap across instances; the slot frees when the stream ends', async () => {
    const held = heldStreamUpstream();
    const { a, b, key } = await twoGateways({ BULWARK_LIMIT_MAX_STREAMS: '1' }, held);
    const first = await fetch(`${a.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: 'echo', stream: true, messages: [{ role: 'user', content: 'hello' }] }),
    });
    expect(first.status).toBe(200);
    const refused = await postChat(b.gateway.url, key, { stream: true });
    expect([refused.status, refused.code]).toEqual([429, 'ERR_LIMIT_STREAMS']);
    held.stopHolding();
    await first.text();
    await expect.poll(async () => (await postChat(b.gateway.url, key, { stream: true })).status, { interval: 20, timeout: 5000 }).toBe(200);
  });

  it('failed authentication is counted across instances (and still fails closed)', async () => {
    const { a, b, key } = await twoGateways({ BULWARK_AUTH_MAX_FAILURES: '2' });
    const bad = key.slice(0, -2);
    expect((await postChat(a.gateway.url, bad, {})).status).toBe(403);
    expect((await postChat(b.gateway.url, bad, {})).status).toBe(403);
    const r = await postChat(a.gateway.url, key, {});
    expect([r.status, r.code]).toEqual([429, 'ERR_AUTH_TOO_MANY_FAILURES']);
  });
});

describe('limits with Redis down', () => {
  it('answers promptly from the local fallback limiter, which still enforces the limits', async () => {
    // Port 1: nothing listens, connections are refused at once; the client keeps retrying in the background.
    const gw = await startTestGateway({ ...QUIET, BULWARK_REDIS_URL: 'redis://127.0.0.1:1', BULWARK_LIMIT_KEY_REQUESTS: '2', BULWARK_LIMIT_MAX_STREAMS: '1' });
    try {
      expect(gw.app.limits.backend).toBe('redis');
      expect(await gw.app.limits.ping()).toBe(false);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await postChat(gw.gateway.url, gw.key, { stream: i === 1 })).status);
      expect(statuses).toEqual([200, 200, 429]);
      const answer = await gw.client.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
      expect(answer).toMatchObject({ status: 429, code: 'ERR_LIMIT_RATE_EXCEEDED' });
    } finally {
      await gw.close();
    }
  });
});
