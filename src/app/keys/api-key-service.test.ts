import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { createApiKeyService, requireModel, requireScope, type ApiKeyService } from './api-key-service.js';

const PEPPER = new Uint8Array(32).fill(7);
let clock = new Date('2030-01-01T00:00:00Z');
const advance = (seconds: number): void => {
  clock = new Date(clock.getTime() + seconds * 1000);
};
let store: Store;
let keys: ApiKeyService;

beforeEach(async () => {
  store = await openStore({ dialect: 'sqlite', file: ':memory:' });
  keys = createApiKeyService({ repository: store.apiKeys, pepper: PEPPER, now: () => clock });
});

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe('API key service', () => {
  it('issues a key that authenticates, and stores only a digest', async () => {
    const { key, info } = await keys.create({ name: 'app', scopes: ['chat'], models: ['gpt-4o'] });
    expect(await keys.authenticate(key)).toEqual({ id: info.id, name: 'app', scopes: ['chat'], models: ['gpt-4o'] });
    const stored = await store.apiKeys.findById(info.id);
    const secret = key.slice(17, 60);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(JSON.stringify(await keys.list())).not.toContain(stored!.digest);
  });

  it('refuses a key whose secret is wrong, and one whose id is unknown, with the same code', async () => {
    const { key } = await keys.create({ name: 'app', scopes: ['chat'] });
    const { key: other } = await keys.create({ name: 'other', scopes: ['chat'] });
    // A well-formed key made from this id and another key's secret (checksum recomputed).
    const { formatApiKey, parseApiKey } = await import('./api-key-format.js');
    const mixed = formatApiKey({ id: parseApiKey(key)!.id, secret: parseApiKey(other)!.secret });
    const unknown = formatApiKey({ id: 'AAAAAAAAAAAA', secret: parseApiKey(key)!.secret });
    expect(await codeOf(keys.authenticate(mixed))).toBe('ERR_AUTH_INVALID_KEY');
    expect(await codeOf(keys.authenticate(unknown))).toBe('ERR_AUTH_INVALID_KEY');
    expect(await codeOf(keys.authenticate(key.slice(0, -3)))).toBe('ERR_AUTH_MALFORMED_KEY');
  });

  it('keys digests to the pepper: another pepper refuses the same key', async () => {
    const { key } = await keys.create({ name: 'app', scopes: ['chat'] });
    const otherPepper = createApiKeyService({ repository: store.apiKeys, pepper: new Uint8Array(32).fill(8), now: () => clock });
    expect(await codeOf(otherPepper.authenticate(key))).toBe('ERR_AUTH_INVALID_KEY');
  });

  it('revokes at once', async () => {
    const { key, info } = await keys.create({ name: 'app', scopes: ['chat'] });
    expect((await keys.revoke(info.id)).status).toBe('revoked');
    expect(await codeOf(keys.authenticate(key))).toBe('ERR_AUTH_KEY_REVOKED');
    expect(await codeOf(keys.revoke('missing'))).toBe('ERR_KEYS_NOT_FOUND');
  });

  it('expires', async () => {
    const { key } = await keys.create({ name: 'app', scopes: ['chat'], expiresAt: new Date(clock.getTime() + 60_000) });
    await keys.authenticate(key);
    advance(60);
    expect(await codeOf(keys.authenticate(key))).toBe('ERR_AUTH_KEY_EXPIRED');
    expect((await keys.list())[0]!.status).toBe('expired');
  });

  it('rotates with a grace period: both work, then only the new one', async () => {
    const { key: old, info } = await keys.create({ name: 'app', scopes: ['chat', 'embeddings'], models: ['m'] });
    const { key: fresh, info: next } = await keys.rotate(info.id, 3600);
    expect(next).toMatchObject({ scopes: ['chat', 'embeddings'], models: ['m'], name: 'app' });
    await keys.authenticate(old);
    await keys.authenticate(fresh);
    advance(3599);
    await keys.authenticate(old);
    advance(1);
    expect(await codeOf(keys.authenticate(old))).toBe('ERR_AUTH_KEY_EXPIRED');
    await keys.authenticate(fresh);
    expect((await keys.list()).find((k) => k.id === info.id)).toMatchObject({ status: 'expired', replacedBy: next.id });
  });

  it('rotates with no grace: the old key stops at once', async () => {
    const { key: old, info } = await keys.create({ name: 'app', scopes: ['chat'] });
    await keys.rotate(info.id, 0);
    expect(await codeOf(keys.authenticate(old))).toBe('ERR_AUTH_KEY_EXPIRED');
  });

  it.each([
    ['no scope', { name: 'a', scopes: [] }],
    ['an unknown scope', { name: 'a', scopes: ['root'] }],
    ['an empty name', { name: '', scopes: ['chat'] }],
    ['a control character in the name', { name: 'a\nb', scopes: ['chat'] }],
    ['an empty model list', { name: 'a', scopes: ['chat'], models: [] }],
    ['an expiry in the past', { name: 'a', scopes: ['chat'], expiresAt: new Date(0) }],
  ])('refuses to create a key with %s', async (_name, options) => {
    expect(await codeOf(keys.create(options))).toBe('ERR_KEYS_INVALID_OPTION');
  });

  it('refuses to rotate a revoked key or with a bad grace period', async () => {
    const { info } = await keys.create({ name: 'app', scopes: ['chat'] });
    expect(await codeOf(keys.rotate(info.id, -1))).toBe('ERR_KEYS_INVALID_OPTION');
    expect(await codeOf(keys.rotate(info.id, 1.5))).toBe('ERR_KEYS_INVALID_OPTION');
    await keys.revoke(info.id);
    expect(await codeOf(keys.rotate(info.id, 10))).toBe('ERR_KEYS_NOT_FOUND');
  });

  it('checks scope and model', () => {
    const key = { id: 'x', name: 'x', scopes: ['chat'], models: ['a'] };
    expect(() => requireScope(key, 'chat')).not.toThrow();
    expect(() => requireScope(key, 'admin')).toThrow(expect.objectContaining({ code: 'ERR_AUTH_SCOPE_DENIED' }));
    expect(() => requireModel(key, 'a')).not.toThrow();
    expect(() => requireModel(key, 'b')).toThrow(expect.objectContaining({ code: 'ERR_AUTH_MODEL_DENIED' }));
    expect(() => requireModel({ ...key, models: null }, 'anything')).not.toThrow();
  });
});

describe('API key service: the verified-key cache', () => {
  /** The store's repository with its lookups counted. */
  function counting(): { repository: Store['apiKeys']; lookups: () => number } {
    let n = 0;
    const base = store.apiKeys;
    const repository: Store['apiKeys'] = {
      insert: (r) => base.insert(r),
      findById: (id) => {
        n++;
        return base.findById(id);
      },
      list: () => base.list(),
      revoke: (id, at) => base.revoke(id, at),
      replace: (oldId, r, at) => base.replace(oldId, r, at),
    };
    return { repository, lookups: () => n };
  }

  it('reads the store once, yet still checks every presented secret', async () => {
    const { repository, lookups } = counting();
    const cached = createApiKeyService({ repository, pepper: PEPPER, now: () => clock, cacheTtlMs: 60_000 });
    const { key } = await cached.create({ name: 'app', scopes: ['chat'] });
    const { key: other } = await cached.create({ name: 'other', scopes: ['chat'] });
    const { formatApiKey, parseApiKey } = await import('./api-key-format.js');
    const wrong = formatApiKey({ id: parseApiKey(key)!.id, secret: parseApiKey(other)!.secret });
    for (let i = 0; i < 3; i++) await cached.authenticate(key);
    expect(lookups()).toBe(1);
    expect(await codeOf(cached.authenticate(wrong))).toBe('ERR_AUTH_INVALID_KEY');
    // A secret one character off (the remembered secret is compared, never trusted by id alone).
    const parts = parseApiKey(key)!;
    const last = parts.secret.at(-1) === 'A' ? 'B' : 'A';
    const nearly = formatApiKey({ id: parts.id, secret: parts.secret.slice(0, -1) + last });
    expect(await codeOf(cached.authenticate(nearly))).toBe('ERR_AUTH_INVALID_KEY');
    // A refused attempt does not displace the secret that matched.
    expect((await cached.authenticate(key)).id).toBe(parts.id);
  });

  it('revokes at once even right after a cached success', async () => {
    const cached = createApiKeyService({ repository: store.apiKeys, pepper: PEPPER, now: () => clock, cacheTtlMs: 60_000 });
    const { key, info } = await cached.create({ name: 'app', scopes: ['chat'] });
    await cached.authenticate(key);
    await cached.revoke(info.id);
    expect(await codeOf(cached.authenticate(key))).toBe('ERR_AUTH_KEY_REVOKED');
  });

  it('ends a rotated key with no grace at once, and honours expiry on a cached record', async () => {
    const cached = createApiKeyService({ repository: store.apiKeys, pepper: PEPPER, now: () => clock, cacheTtlMs: 60_000 });
    const { key, info } = await cached.create({ name: 'app', scopes: ['chat'] });
    await cached.authenticate(key);
    const { key: next } = await cached.rotate(info.id, 0);
    expect(await codeOf(cached.authenticate(key))).toBe('ERR_AUTH_KEY_EXPIRED');
    const { key: short } = await cached.create({ name: 'short', scopes: ['chat'], expiresAt: new Date(clock.getTime() + 10_000) });
    await cached.authenticate(short);
    await cached.authenticate(next);
    advance(11);
    expect(await codeOf(cached.authenticate(short))).toBe('ERR_AUTH_KEY_EXPIRED');
    expect((await cached.authenticate(next)).name).toBe('app');
  });

  it('with the cache off, sees a revocation made by another process at once', async () => {
    const uncached = createApiKeyService({ repository: store.apiKeys, pepper: PEPPER, now: () => clock, cacheTtlMs: 0 });
    const { key, info } = await keys.create({ name: 'app', scopes: ['chat'] });
    await uncached.authenticate(key);
    await keys.revoke(info.id);
    expect(await codeOf(uncached.authenticate(key))).toBe('ERR_AUTH_KEY_REVOKED');
  });
});
