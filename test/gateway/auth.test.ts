import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';
import { apiError } from './api-error.js';

let upstream: RecordingUpstream;
let gw: TestGateway;
let adminKey: string;
let clock = new Date('2030-01-01T00:00:00Z');
const logs: string[] = [];
const secrets = new Set<string>();

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  gw = await startTestGateway(
    { BULWARK_UPSTREAM_BASE_URL: upstream.baseUrl, BULWARK_LOG_LEVEL: 'trace', BULWARK_AUTH_MAX_FAILURES: '1000' },
    { now: () => clock, logDestination: { write: (line: string) => void logs.push(line) } },
  );
  adminKey = (await gw.app.keys.create({ name: 'root', scopes: ['admin'] })).key;
  secrets.add(gw.key).add(adminKey);
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

interface ErrorJson {
  error: { code: string; type: string; request_id: string };
}

const chatBody = (model = 'rec') => JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] });

async function call(path: string, headers: Record<string, string>, init: { method?: string; body?: string } = {}) {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const h = init.body === undefined ? headers : { 'content-type': 'application/json', ...headers };
  const res = await fetch(`${gw.gateway.url}${path}`, { method, headers: h, ...(init.body === undefined ? {} : { body: init.body }) });
  const text = await res.text();
  return { res, json: JSON.parse(text) as ErrorJson & Record<string, unknown> };
}
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function createKey(body: Record<string, unknown>): Promise<{ key: string; id: string }> {
  const { res, json } = await call('/admin/keys', bearer(adminKey), { body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  secrets.add(json['key'] as string);
  return { key: json['key'] as string, id: json['id'] as string };
}

describe('who may call: 401 without a key, 403 with a bad one, never 5xx', () => {
  const truncated = () => gw.key.slice(0, -1);
  const typo = () => gw.key.slice(0, 30) + (gw.key[30] === 'x' ? 'y' : 'x') + gw.key.slice(31);
  it.each([
    ['no key', 401, 'ERR_AUTH_MISSING_KEY', () => ({})],
    ['an empty bearer', 401, 'ERR_AUTH_MISSING_KEY', () => ({ authorization: 'Bearer ' })],
    ['a truncated key', 403, 'ERR_AUTH_MALFORMED_KEY', () => bearer(truncated())],
    ['a typo in the secret', 403, 'ERR_AUTH_MALFORMED_KEY', () => bearer(typo())],
    ['another vendor\'s key', 403, 'ERR_AUTH_MALFORMED_KEY', () => bearer('sk-proj-abcdef0123456789')],
    ['a Basic scheme', 403, 'ERR_AUTH_MALFORMED_KEY', () => ({ authorization: `Basic ${Buffer.from(`x:${gw.key}`).toString('base64')}` })],
    ['another key id with this secret (checksum breaks)', 403, 'ERR_AUTH_MALFORMED_KEY', () => bearer('bwk_AAAAAAAAAAAA_' + gw.key.slice(17))],
    ['an admin-only key on chat', 403, 'ERR_AUTH_SCOPE_DENIED', () => bearer(adminKey)],
  ])('%s -> %i %s, and nothing goes upstream', async (_name, status, code, headers) => {
    const before = upstream.bodies.length;
    const { res, json } = await call('/v1/chat/completions', headers(), { body: chatBody() });
    expect(res.status).toBe(status);
    expect(json.error.code).toBe(code);
    expect(json.error.request_id).toBe(res.headers.get('x-request-id'));
    if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(upstream.bodies.length).toBe(before);
  });

  it('a well-formed, checksum-valid key with a wrong secret -> 403 ERR_AUTH_INVALID_KEY', async () => {
    const { formatApiKey, parseApiKey } = await import('../../src/app/index.js');
    const forged = formatApiKey({ id: parseApiKey(gw.key)!.id, secret: parseApiKey(adminKey)!.secret });
    const err = await apiError(gw.clientWith(forged).chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: 'x' }] }));
    expect(err.status).toBe(403);
    expect(err.code).toBe('ERR_AUTH_INVALID_KEY');
  });

  it('accepts the key from X-API-Key as well as Authorization', async () => {
    const { res } = await call('/v1/chat/completions', { 'x-api-key': gw.key }, { body: chatBody() });
    expect(res.status).toBe(200);
  });

  it.each([
    ['?api_key=<key>', (k: string) => `?api_key=${k}`],
    ['?key=<anything>', () => '?key=abc'],
    ['a key under any name', (k: string) => `?q=${encodeURIComponent(k)}`],
  ])('refuses a key in the URL (%s) with 400 ERR_AUTH_KEY_IN_URL, even with a good header', async (_name, query) => {
    const { res, json } = await call(`/v1/chat/completions${query(gw.key)}`, bearer(gw.key), { body: chatBody() });
    expect(res.status).toBe(400);
    expect(json.error.code).toBe('ERR_AUTH_KEY_IN_URL');
  });

  it('GET /v1/models needs a key; /health does not', async () => {
    expect((await call('/v1/models', {})).res.status).toBe(401);
    expect((await call('/v1/models', bearer(gw.key))).res.status).toBe(200);
    expect((await call('/health', {})).res.status).toBe(200);
  });
});

describe('scopes and models', () => {
  it('a key limited to one model may call it, not another, and sees only it in /v1/models', async () => {
    const { key } = await createKey({ name: 'one-model', scopes: ['chat'], models: ['rec'] });
    const client = gw.clientWith(key);
    await client.chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: 'x' }] });
    const err = await apiError(client.chat.completions.create({ model: 'tools', messages: [{ role: 'user', content: 'x' }] }));
    expect([err.status, err.code]).toEqual([403, 'ERR_AUTH_MODEL_DENIED']);
    const { key: other } = await createKey({ name: 'other-model', scopes: ['chat'], models: ['not-there'] });
    expect((await gw.clientWith(other).models.list()).data).toEqual([]);
  });

  it('an embeddings-only key cannot chat, and a chat key cannot manage keys', async () => {
    const { key } = await createKey({ name: 'emb', scopes: ['embeddings'] });
    const err = await apiError(gw.clientWith(key).chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: 'x' }] }));
    expect([err.status, err.code]).toEqual([403, 'ERR_AUTH_SCOPE_DENIED']);
    const { res, json } = await call('/admin/keys', bearer(gw.key));
    expect([res.status, json.error.code]).toEqual([403, 'ERR_AUTH_SCOPE_DENIED']);
  });
});

describe('the admin API', () => {
  it('lists keys without secrets or digests', async () => {
    const { res, json } = await call('/admin/keys', bearer(adminKey));
    expect(res.status).toBe(200);
    const text = JSON.stringify(json);
    for (const s of secrets) expect(text).not.toContain(s.slice(17, 60));
    expect(text).not.toContain('digest');
    expect((json['data'] as { name: string }[]).map((k) => k.name)).toContain('root');
  });

  it('revoking takes effect on the very next request', async () => {
    const { key, id } = await createKey({ name: 'short-lived', scopes: ['chat'] });
    const client = gw.clientWith(key);
    await client.chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: 'x' }] });
    const { res, json } = await call(`/admin/keys/${id}`, bearer(adminKey), { method: 'DELETE' });
    expect([res.status, json['status']]).toEqual([200, 'revoked']);
    const err = await apiError(client.chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: 'x' }] }));
    expect([err.status, err.code]).toEqual([403, 'ERR_AUTH_KEY_REVOKED']);
  });

  it('rotation: both keys work during the grace period, then only the new one', async () => {
    const { key: oldKey, id } = await createKey({ name: 'rotating', scopes: ['chat'] });
    const { res, json } = await call(`/admin/keys/${id}/rotate`, bearer(adminKey), { body: JSON.stringify({ grace_seconds: 60 }) });
    expect([res.status, json['replaces']]).toEqual([201, id]);
    const newKey = json['key'] as string;
    secrets.add(newKey);
    const ask = (k: string) => gw.clientWith(k).chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: 'x' }] });
    await ask(oldKey);
    await ask(newKey);
    clock = new Date(clock.getTime() + 61_000);
    const err = await apiError(ask(oldKey));
    expect([err.status, err.code]).toEqual([403, 'ERR_AUTH_KEY_EXPIRED']);
    await ask(newKey);
  });

  it.each([
    ['an unknown scope', { name: 'x', scopes: ['root'] }, 400, 'ERR_KEYS_INVALID_OPTION'],
    ['no scopes', { name: 'x', scopes: [] }, 400, 'ERR_REQUEST_INVALID_BODY'],
    ['an unknown field', { name: 'x', scopes: ['chat'], secret: 'mine' }, 400, 'ERR_REQUEST_INVALID_BODY'],
    ['a bad expiry', { name: 'x', scopes: ['chat'], expires_at: 'tomorrow' }, 400, 'ERR_REQUEST_INVALID_BODY'],
  ])('refuses to create a key with %s', async (_name, body, status, code) => {
    const { res, json } = await call('/admin/keys', bearer(adminKey), { body: JSON.stringify(body) });
    expect([res.status, json.error.code]).toEqual([status, code]);
  });

  it('revoking or rotating an unknown id -> 404 ERR_KEYS_NOT_FOUND', async () => {
    expect((await call('/admin/keys/nope/revoke', bearer(adminKey), { method: 'POST' })).json.error.code).toBe('ERR_KEYS_NOT_FOUND');
    expect((await call('/admin/keys/nope/rotate', bearer(adminKey), { method: 'POST' })).res.status).toBe(404);
  });
});

describe('logs', () => {
  it('never contain a key, only key ids (captured at trace level)', async () => {
    await call(`/v1/chat/completions?api_key=${gw.key}`, bearer(gw.key), { body: chatBody() });
    const all = logs.join('');
    expect(all.length).toBeGreaterThan(1000);
    expect(all).toContain('incoming request');
    for (const s of secrets) {
      expect(all).not.toContain(s);
      expect(all).not.toContain(s.slice(17, 60)); // the secret part alone
    }
    expect(all).toContain(gw.key.slice(4, 16)); // the id of the test key, for tracing
  });
});
