import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyRepository, AuditSink } from '../../src/app/index.js';
import { openStore, type ApiKeyRecord, type Store } from '../../src/store/index.js';
import { storeTargets } from './store-targets.js';

// One suite, every implementation (see store-targets.ts for when Postgres runs).
const targets = storeTargets({ file: true, schemaPrefix: 'bulwark_test' });

const t0 = new Date('2030-01-01T00:00:00.000Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

function record(id: string, extra: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return { id, name: `key ${id} 😀`, digest: `d-${id}`, scopes: ['chat'], models: null, createdAt: t0, expiresAt: null, revokedAt: null, replacedBy: null, ...extra };
}

describe.each(targets)('store contract: $name', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
  });
  afterAll(async () => {
    await store?.close();
    await target.cleanup();
  });

  it('satisfies the ports the app declares', () => {
    const keys: ApiKeyRepository = store.apiKeys;
    const audit: AuditSink = store.auditRecords;
    expect(keys).toBeDefined();
    expect(audit).toBeDefined();
  });

  it('answers a ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('round-trips a key with every field, and lists oldest first', async () => {
    const full = record('k-full', { scopes: ['chat', 'admin'], models: ['gpt-4o', 'échø'], createdAt: at(5), expiresAt: at(100) });
    await store.apiKeys.insert(record('k-plain'));
    await store.apiKeys.insert(full);
    expect(await store.apiKeys.findById('k-full')).toEqual(full);
    expect(await store.apiKeys.findById('k-plain')).toEqual(record('k-plain'));
    expect(await store.apiKeys.findById('missing')).toBeUndefined();
    const ids = (await store.apiKeys.list()).map((r) => r.id);
    expect(ids.indexOf('k-plain')).toBeLessThan(ids.indexOf('k-full'));
  });

  it('refuses a duplicate id', async () => {
    await store.apiKeys.insert(record('k-dup'));
    await expect(store.apiKeys.insert(record('k-dup'))).rejects.toThrow();
  });

  it('revokes once (the first time is kept) and reports unknown ids', async () => {
    await store.apiKeys.insert(record('k-rev'));
    expect(await store.apiKeys.revoke('k-rev', at(10))).toBe(true);
    expect(await store.apiKeys.revoke('k-rev', at(20))).toBe(true);
    expect((await store.apiKeys.findById('k-rev'))?.revokedAt).toEqual(at(10));
    expect(await store.apiKeys.revoke('nope', at(10))).toBe(false);
  });

  it('replaces a key in one step: the old one points at the new and expires, keeping an earlier expiry', async () => {
    await store.apiKeys.insert(record('k-old'));
    expect(await store.apiKeys.replace('k-old', record('k-new'), at(60))).toBe(true);
    expect(await store.apiKeys.findById('k-old')).toMatchObject({ replacedBy: 'k-new', expiresAt: at(60) });
    expect(await store.apiKeys.findById('k-new')).toEqual(record('k-new'));

    await store.apiKeys.insert(record('k-soon', { expiresAt: at(30) }));
    await store.apiKeys.replace('k-soon', record('k-soon2'), at(600));
    expect((await store.apiKeys.findById('k-soon'))?.expiresAt).toEqual(at(30));
  });

  it('does not insert the replacement when the old key is missing', async () => {
    expect(await store.apiKeys.replace('ghost', record('k-orphan'), at(60))).toBe(false);
    expect(await store.apiKeys.findById('k-orphan')).toBeUndefined();
  });

  it('rolls the replacement back when it cannot be inserted', async () => {
    await store.apiKeys.insert(record('k-a'));
    await store.apiKeys.insert(record('k-b'));
    await expect(store.apiKeys.replace('k-a', record('k-b'), at(60))).rejects.toThrow();
    expect(await store.apiKeys.findById('k-a')).toEqual(record('k-a'));
  });

  it('appends audit records and reads them newest first', async () => {
    const base = { at: t0, route: 'POST /v1/chat/completions', status: 200 } as const;
    const detections = [{ detector: 'injection.classifier', score: 0.97, where: 'tool_result', action: 'block' }];
    await store.auditRecords.append({ ...base, requestId: 'r1', keyId: 'k1', decision: 'forwarded', findings: { EMAIL_ADDRESS: 2, PERSON: 1 }, detections });
    await store.auditRecords.append({ ...base, requestId: 'r2', keyId: null, decision: 'blocked', findings: {}, status: 401 });
    const [latest, previous] = await store.auditRecords.recent(2);
    // A record written without detections reads back with an empty list.
    expect(latest).toEqual({ ...base, requestId: 'r2', keyId: null, decision: 'blocked', findings: {}, status: 401, detections: [] });
    expect(previous).toEqual({ ...base, requestId: 'r1', keyId: 'k1', decision: 'forwarded', findings: { EMAIL_ADDRESS: 2, PERSON: 1 }, detections });
  });

  it('migrates idempotently: opening the same database again keeps the data', async () => {
    if (target.name === 'sqlite :memory:') return; // a new database per open
    const again = await target.open();
    try {
      expect(await again.apiKeys.findById('k-plain')).toEqual(record('k-plain'));
    } finally {
      await again.close();
    }
  });
});

describe('openStore', () => {
  it('creates the SQLite file (and its directory) owner-only', async () => {
    const own = mkdtempSync(join(tmpdir(), 'bulwark-store-mode-'));
    try {
      const store = await openStore({ dialect: 'sqlite', file: join(own, 'data', 'bulwark.db') });
      await store.close();
      expect(statSync(join(own, 'data', 'bulwark.db')).mode & 0o077).toBe(0);
      expect(statSync(join(own, 'data')).mode & 0o077).toBe(0);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('a Postgres that is not there -> ERR_STORE_UNAVAILABLE, without the password', async () => {
    const err = await openStore({ dialect: 'postgres', url: 'postgres://u:hunter2@127.0.0.1:1/db' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' });
    expect(String((err as Error).message)).not.toContain('hunter2');
  });

  it('a bad schema name -> ERR_CONFIG_INVALID', async () => {
    await expect(openStore({ dialect: 'postgres', url: 'postgres://x@127.0.0.1:1/db', schema: 'a; drop' })).rejects.toMatchObject({ code: 'ERR_CONFIG_INVALID' });
  });
});
