import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { heldStreamUpstream, postChat, remaining } from './limits-helpers.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Generous defaults so only the limit under test can trip.
const QUIET = {
  BULWARK_LIMIT_KEY_REQUESTS: '1000',
  BULWARK_LIMIT_USER_REQUESTS: '1000',
  BULWARK_LIMIT_IP_REQUESTS: '1000',
  BULWARK_LIMIT_WINDOW_SECONDS: '600',
};

let gw: TestGateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

describe('request limits (memory store)', () => {
  it('per key: 429 ERR_LIMIT_RATE_EXCEEDED with Retry-After and the RateLimit fields, other keys unaffected', async () => {
    gw = await startTestGateway({ ...QUIET, BULWARK_LIMIT_KEY_REQUESTS: '3' });
    const url = gw.gateway.url;
    const seen: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await postChat(url, gw.key, {});
      expect(r.status).toBe(200);
      expect(r.policy).toContain('"key";q=3;w=600');
      seen.push(remaining(r.limit, 'key'));
    }
    expect(seen).toEqual([2, 1, 0]);
    const refused = await postChat(url, gw.key, {});
    expect([refused.status, refused.code]).toEqual([429, 'ERR_LIMIT_RATE_EXCEEDED']);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect(remaining(refused.limit, 'key')).toBe(0);
    expect(refused.policy).toContain('"key";q=3;w=600');

    const err = await gw.client.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 429, code: 'ERR_LIMIT_RATE_EXCEEDED' });

    const other = await gw.app.keys.create({ name: 'other', scopes: ['chat'] });
    expect((await postChat(url, other.key, {})).status).toBe(200);

    // Both refusals are counted on /metrics (loopback callers need no key).
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/bulwark_rate_limit_hits_total\{scope="chat"\} 2\b/);
  });

  it('per end user: the body `user` and X-Bulwark-User count for the same user; other users pass', async () => {
    gw = await startTestGateway({ ...QUIET, BULWARK_LIMIT_USER_REQUESTS: '2' });
    const url = gw.gateway.url;
    expect((await postChat(url, gw.key, { user: 'alice' })).status).toBe(200);
    const second = await postChat(url, gw.key, {}, { 'x-bulwark-user': 'alice' });
    expect(second.status).toBe(200);
    expect(remaining(second.limit, 'user')).toBe(0);
    const third = await postChat(url, gw.key, { user: 'alice' });
    expect([third.status, third.code]).toEqual([429, 'ERR_LIMIT_RATE_EXCEEDED']);
    expect(third.policy).toContain('"user";q=2;w=600');
    expect((await postChat(url, gw.key, { user: '🙂alice' })).status).toBe(200);
    expect((await postChat(url, gw.key, { user: 'bob' })).status).toBe(200);
    // No user named: the user limit does not apply.
    const anonymous = await postChat(url, gw.key, {});
    expect(anonymous.status).toBe(200);
    expect(anonymous.policy).not.toContain('"user"');
  });

  it('per client IP across keys; X-Forwarded-For is ignored unless the proxy is trusted', async () => {
    gw = await startTestGateway({ ...QUIET, BULWARK_LIMIT_IP_REQUESTS: '2' });
    const url = gw.gateway.url;
    const other = await gw.app.keys.create({ name: 'other', scopes: ['chat'] });
    expect((await postChat(url, gw.key, {}, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await postChat(url, other.key, {}, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200);
    const third = await postChat(url, other.key, {}, { 'x-forwarded-for': '203.0.113.3' });
    expect([third.status, third.code]).toEqual([429, 'ERR_LIMIT_RATE_EXCEEDED']);
    expect(third.policy).toContain('"ip";q=2;w=600');
  });

  it('behind a trusted proxy each forwarded client address has its own count', async () => {
    gw = await startTestGateway({ ...QUIET, BULWARK_LIMIT_IP_REQUESTS: '1', BULWARK_TRUST_PROXY: 'true' });
    const url = gw.gateway.url;
    expect((await postChat(url, gw.key, {}, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await postChat(url, gw.key, {}, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200);
    expect((await postChat(url, gw.key, {}, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429);
  });

  it('a tier assigned to the key id (YAML) replaces the default limits for that key only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-tiers-'));
    const env = { ...QUIET, BULWARK_LIMIT_KEY_REQUESTS: '1', BULWARK_DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` };
    try {
      gw = await startTestGateway(env);
      const gold = await gw.app.keys.create({ name: 'gold', scopes: ['chat'] });
      const plain = gw.key;
      await gw.close();
      const file = join(dir, 'bulwark.yaml');
      writeFileSync(file, `limits:\n  tiers:\n    gold:\n      keyRequests: 3\n  keyTiers:\n    ${gold.info.id}: gold\n`);
      gw = await startTestGateway({ ...env, BULWARK_CONFIG: file });
      const url = gw.gateway.url;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await postChat(url, gold.key, {})).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect([(await postChat(url, plain, {})).status, (await postChat(url, plain, {})).status]).toEqual([200, 429]);
    } finally {
      await gw?.close();
      gw = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('token budgets', () => {
  const TOKENS = { ...QUIET, BULWARK_LIMIT_TOKEN_BUDGET: '300', BULWARK_LIMIT_DEFAULT_MAX_TOKENS: '50' };

  it('non-stream: reserves the estimate, settles with the real usage, refuses what cannot fit without charging it', async () => {
    gw = await startTestGateway(TOKENS);
    const url = gw.gateway.url;
    const content = 'x'.repeat(40); // 10 tokens of prompt + 50 default completion = 60 reserved
    const first = await postChat(url, gw.key, { messages: [{ role: 'user', content }] });
    expect(first.status).toBe(200);
    expect(first.policy).toContain('"tokens";q=300;w=3600');
    expect(remaining(first.limit, 'tokens')).toBe(240);
    const used = (first.json?.['usage'] as { total_tokens: number }).total_tokens;
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThan(60);

    const second = await postChat(url, gw.key, { messages: [{ role: 'user', content }] });
    expect(remaining(second.limit, 'tokens')).toBe(300 - used - 60);

    const tooBig = await postChat(url, gw.key, { max_tokens: 1000 });
    expect([tooBig.status, tooBig.code]).toEqual([429, 'ERR_LIMIT_TOKEN_BUDGET']);
    expect(Number(tooBig.retryAfter)).toBeGreaterThan(0);
    expect(tooBig.policy).toContain('"tokens";q=300;w=3600');

    // The refused reservation was given back.
    const used2 = (second.json?.['usage'] as { total_tokens: number }).total_tokens;
    const third = await postChat(url, gw.key, { messages: [{ role: 'user', content }] });
    expect(third.status).toBe(200);
    expect(remaining(third.limit, 'tokens')).toBe(300 - used - used2 - 60);
  });

  it('stream: settles with the final chunk usage, or with the counted text when there is none', async () => {
    gw = await startTestGateway(TOKENS);
    const url = gw.gateway.url;
    const content = 'y'.repeat(40);
    const withUsage = await postChat(url, gw.key, { stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content }] });
    expect(withUsage.status).toBe(200);
    expect(remaining(withUsage.limit, 'tokens')).toBe(240);
    const usageLine = withUsage.text.split('\n').find((l) => l.includes('"usage"'));
    const used = (JSON.parse(usageLine!.slice('data: '.length)) as { usage: { total_tokens: number } }).usage.total_tokens;
    await settleTurn();

    const counted = await postChat(url, gw.key, { stream: true, messages: [{ role: 'user', content }] });
    expect(remaining(counted.limit, 'tokens')).toBe(300 - used - 60);
    await settleTurn();

    const after = await postChat(url, gw.key, { messages: [{ role: 'user', content }] });
    const left = remaining(after.limit, 'tokens')!;
    // The counted stream was charged something (prompt estimate + streamed text) but less than its reservation.
    expect(left).toBeGreaterThan(300 - used - 60 - 60);
    expect(left).toBeLessThan(300 - used - 60 - 10);
  });

  it('max_tokens above the cap is clamped by default (the upstream never sees more)', async () => {
    gw = await startTestGateway({ ...TOKENS, BULWARK_LIMIT_MAX_TOKENS: '5' });
    const r = await postChat(gw.gateway.url, gw.key, { max_tokens: 50, messages: [{ role: 'user', content: 'z'.repeat(40) }] });
    expect(r.status).toBe(200);
    // Reserved: 10 prompt + 5 (clamped), not 50.
    expect(remaining(r.limit, 'tokens')).toBe(285);
  });

  it('max_tokens above the cap is refused in reject mode', async () => {
    gw = await startTestGateway({ ...TOKENS, BULWARK_LIMIT_MAX_TOKENS: '5', BULWARK_LIMIT_MAX_TOKENS_MODE: 'reject' });
    const r = await postChat(gw.gateway.url, gw.key, { max_tokens: 6 });
    expect([r.status, r.code]).toEqual([400, 'ERR_LIMIT_MAX_TOKENS']);
    expect((await postChat(gw.gateway.url, gw.key, { max_tokens: 5 })).status).toBe(200);
  });
});

describe('stream concurrency per key', () => {
  it('refuses a stream beyond the cap with 429 ERR_LIMIT_STREAMS and frees the slot when a stream ends or is abandoned', async () => {
    const held = heldStreamUpstream();
    gw = await startTestGateway({ ...QUIET, BULWARK_LIMIT_MAX_STREAMS: '1' }, { upstream: held.upstream });
    const url = gw.gateway.url;
    const open = (signal?: AbortSignal) =>
      fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${gw!.key}` },
        body: JSON.stringify({ model: 'echo', stream: true, messages: [{ role: 'user', content: 'hello there' }] }),
        ...(signal === undefined ? {} : { signal }),
      });

    const first = await open();
    expect(first.status).toBe(200);
    const refused = await postChat(url, gw.key, { stream: true });
    expect([refused.status, refused.code]).toEqual([429, 'ERR_LIMIT_STREAMS']);
    expect(refused.retryAfter).toBe('1');
    // Non-streamed requests are not capped.
    expect((await postChat(url, gw.key, {})).status).toBe(200);

    held.release();
    await first.text();
    await settleTurn();
    const abort = new AbortController();
    const second = await open(abort.signal);
    expect(second.status).toBe(200);
    expect((await postChat(url, gw.key, { stream: true })).status).toBe(429);
    abort.abort();
    await second.text().catch(() => undefined);
    // The gateway sees the disconnect and releases the slot (the held upstream stream never ended).
    held.stopHolding();
    await expect.poll(async () => (await postChat(url, gw!.key, { stream: true })).status, { interval: 20, timeout: 5000 }).toBe(200);
  });
});

/** Lets the server finish its close handlers (settlement happens when the response closes). */
function settleTurn(): Promise<void> {
  return new Promise((r) => setTimeout(r, 30));
}
