import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApiKeyService, loadPepper } from '../app/index.js';
import { openStore } from '../store/index.js';
import { runCli } from './program.js';

const dataDir = join(mkdtempSync(join(tmpdir(), 'bulwark-keys-cli-')), 'data');

async function bulwark(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: new PassThrough(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { BULWARK_DATA_DIR: dataDir },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Authenticates `key` the way the gateway would: same data directory, same pepper. */
async function gatewayAccepts(key: string): Promise<string> {
  const store = await openStore({ dialect: 'sqlite', file: join(dataDir, 'bulwark.db') });
  try {
    const keys = createApiKeyService({ repository: store.apiKeys, pepper: loadPepper({ dataDir }) });
    return (await keys.authenticate(key).then(() => 'ok', (e: { code: string }) => e.code)) as string;
  } finally {
    await store.close();
  }
}

describe('bulwark keys', () => {
  it('create prints the key once, on stdout alone; list never shows it; the gateway store accepts it', async () => {
    const created = await bulwark('keys', 'create', '--scope', 'admin', '--name', 'root');
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^bwk_[0-9A-Za-z]{12}_[0-9A-Za-z]{49}$/);
    expect(created.stderr).toContain('only time');
    expect(await gatewayAccepts(key)).toBe('ok');

    const list = await bulwark('keys', 'list');
    expect(list.stdout).toContain(key.slice(4, 16));
    expect(list.stdout).toContain('admin');
    expect(list.stdout).not.toContain(key.slice(17));
    const json = JSON.parse((await bulwark('keys', 'list', '--json')).stdout) as { id: string; status: string }[];
    expect(json.find((k) => k.id === key.slice(4, 16))?.status).toBe('active');
  });

  it('rotate issues a replacement; with --grace 0s the old key stops at once; revoke stops the new one', async () => {
    const old = (await bulwark('keys', 'create', '--scope', 'chat,embeddings', '--model', 'gpt-4o')).stdout.trim();
    const rotated = await bulwark('keys', 'rotate', old.slice(4, 16), '--grace', '0s', '--json');
    expect(rotated.code).toBe(0);
    const next = JSON.parse(rotated.stdout) as { key: string; id: string; scopes: string[]; models: string[]; replaces: string };
    expect(next).toMatchObject({ scopes: ['chat', 'embeddings'], models: ['gpt-4o'], replaces: old.slice(4, 16) });
    expect(await gatewayAccepts(old)).toBe('ERR_AUTH_KEY_EXPIRED');
    expect(await gatewayAccepts(next.key)).toBe('ok');
    expect((await bulwark('keys', 'revoke', next.id)).code).toBe(0);
    expect(await gatewayAccepts(next.key)).toBe('ERR_AUTH_KEY_REVOKED');
  });

  it.each([
    [['keys', 'create'], 'ERR_CLI_USAGE'],
    [['keys', 'create', '--scope', 'root'], 'ERR_KEYS_INVALID_OPTION'],
    [['keys', 'create', '--scope', 'chat', '--expires-in', 'soon'], 'ERR_CLI_USAGE'],
    [['keys', 'revoke', 'missing'], 'ERR_KEYS_NOT_FOUND'],
    [['keys', 'rotate', 'missing'], 'ERR_KEYS_NOT_FOUND'],
  ])('%j -> exit 2 with %s', async (args, code) => {
    const r = await bulwark(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`(${code})`);
  });
});
