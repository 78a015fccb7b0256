import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARS } from './env-vars.js';
import { DEFAULT_TOKENIZE } from './gateway-config.js';
import { loadConfig } from './load-config.js';
import { thrownCode } from '../../test/thrown-code.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-config-'));
function yamlFile(text: string): string {
  const path = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return path;
}


describe('loadConfig', () => {
  it('starts with zero configuration: loopback, port 8787, echo upstream, common PII tokenized', () => {
    const c = loadConfig();
    expect(c.server).toEqual({ host: '127.0.0.1', port: 8787, bodyLimitBytes: 4 * 1024 * 1024, trustProxy: false });
    expect(c.upstream.kind).toBe('echo');
    expect(c.privacy.tokenize).toEqual(DEFAULT_TOKENIZE);
    expect(c.privacy.tokenize).toContain('EMAIL_ADDRESS');
    expect(c.privacy.tokenize).not.toContain('LOCATION');
  });

  it('keeps the store in ./data and limits failed authentication by default', () => {
    const c = loadConfig();
    expect(c.store).toEqual({ dataDir: './data', sqliteSync: 'normal' });
    expect(c.auth).toEqual({ maxFailures: 10, failureWindowSeconds: 300 });
    const pg = loadConfig({ env: { BULWARK_DATABASE_URL: 'postgres://u@db/x', BULWARK_KEY_PEPPER: 'p' } });
    expect([pg.store.url, pg.auth.pepper]).toEqual(['postgres://u@db/x', 'p']);
    expect(loadConfig({ env: { BULWARK_SQLITE_SYNC: 'full' } }).store.sqliteSync).toBe('full');
  });

  it('returns a deeply frozen object', () => {
    const c = loadConfig();
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.server)).toBe(true);
    expect(Object.isFrozen(c.privacy.tokenize)).toBe(true);
  });

  it('picks the openai upstream when a base URL is set, and reads the key from the environment', () => {
    const c = loadConfig({ env: { BULWARK_UPSTREAM_BASE_URL: 'http://127.0.0.1:9/v1', BULWARK_UPSTREAM_API_KEY: 'sk-test' } });
    expect(c.upstream).toMatchObject({ kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-test' });
  });

  it('lets the environment override the file, and reads lists and numbers from strings', () => {
    const file = yamlFile('server:\n  port: 9000\n  host: 0.0.0.0\nprivacy:\n  tokenize: [PERSON]\n');
    const c = loadConfig({ file, env: { BULWARK_PORT: '9100', BULWARK_TOKENIZE: 'EMAIL_ADDRESS, PHONE_NUMBER', BULWARK_HOST: '' } });
    expect(c.server.port).toBe(9100);
    expect(c.server.host).toBe('0.0.0.0');
    expect(c.privacy.tokenize).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    expect(loadConfig({ env: { BULWARK_TOKENIZE: 'none' } }).privacy.tokenize).toEqual([]);
  });

  it('reads the file named by BULWARK_CONFIG and the key from the variable it names', () => {
    const file = yamlFile('upstream:\n  baseUrl: https://llm.internal/v1\n  apiKeyEnv: MY_KEY\n');
    const c = loadConfig({ env: { BULWARK_CONFIG: file, MY_KEY: 'k', BULWARK_UPSTREAM_API_KEY: 'other' } });
    expect(c.upstream.apiKey).toBe('k');
  });

  it.each([
    ['an unknown entity type', { BULWARK_TOKENIZE: 'EMAIL_ADDRESS,SHOE_SIZE' }],
    ['a port out of range', { BULWARK_PORT: '70000' }],
    ['a port that is not a number', { BULWARK_PORT: 'http' }],
    ['an unknown upstream kind', { BULWARK_UPSTREAM: 'gemini' }],
    ['openai without a base URL', { BULWARK_UPSTREAM: 'openai' }],
    ['a base URL that is not http(s)', { BULWARK_UPSTREAM_BASE_URL: 'file:///etc/passwd' }],
    ['a base URL with credentials', { BULWARK_UPSTREAM_BASE_URL: 'https://u:p@llm.example/v1' }],
    ['a base URL with a query', { BULWARK_UPSTREAM_BASE_URL: 'https://llm.example/v1?x=1' }],
    ['a threshold above 1', { BULWARK_SCAN_THRESHOLD: '1.5' }],
    ['a bad region', { BULWARK_SCAN_REGIONS: 'USA' }],
    ['an unknown log level', { BULWARK_LOG_LEVEL: 'loud' }],
    ['a missing config file', { BULWARK_CONFIG: join(dir, 'missing.yaml') }],
    ['a database URL of another kind', { BULWARK_DATABASE_URL: 'mysql://db.example/x' }],
    ['a bare sqlite: URL', { BULWARK_DATABASE_URL: 'sqlite:' }],
    ['an unknown SQLite sync mode', { BULWARK_SQLITE_SYNC: 'off' }],
    ['a failure limit of 0', { BULWARK_AUTH_MAX_FAILURES: '0' }],
  ])('refuses %s with ERR_CONFIG_INVALID', (_name, env) => {
    expect(thrownCode(() => loadConfig({ env }))).toBe('ERR_CONFIG_INVALID');
  });

  it.each([
    ['unknown keys', 'server:\n  prot: 1\n'],
    ['an API key in the file', 'upstream:\n  apiKey: sk-secret\n'],
    ['a key pepper in the file', 'auth:\n  pepper: abcdef\n'],
    ['invalid YAML', 'server: [\n'],
    ['a list at the top', '- a\n'],
    ['a section of the wrong type', 'server: 12\n'],
  ])('refuses a file with %s', (_name, text) => {
    expect(thrownCode(() => loadConfig({ file: yamlFile(text) }))).toBe('ERR_CONFIG_INVALID');
  });

  it('never puts a value into the error message', () => {
    try {
      loadConfig({ env: { BULWARK_UPSTREAM_BASE_URL: 'https://user:hunter2@x.example/v1' } });
      expect.unreachable();
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('hunter2');
    }
  });

  it('documents every environment variable in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(ENV_VARS.map((v) => v.name).sort());
  });
});
