import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPepper } from './load-pepper.js';

const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'bulwark-pepper-')), 'data');

describe('loadPepper', () => {
  it('generates a 32-byte pepper once, mode 0600, and reads the same one back', () => {
    const dir = fresh();
    const first = loadPepper({ dataDir: dir });
    expect(first.length).toBe(32);
    expect(statSync(join(dir, 'pepper')).mode & 0o777).toBe(0o600);
    expect(loadPepper({ dataDir: dir })).toEqual(first);
  });

  it('prefers the environment value and writes nothing then', () => {
    const dir = fresh();
    expect(loadPepper({ value: 'ab'.repeat(32), dataDir: dir })).toEqual(new Uint8Array(32).fill(0xab));
    expect(() => readFileSync(join(dir, 'pepper'))).toThrow();
  });

  it.each([['too short', 'abcd'], ['not a key', 'correct horse battery staple']])('refuses an environment value that is %s', (_n, value) => {
    expect(() => loadPepper({ value, dataDir: fresh() })).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
  });

  it('refuses a pepper file others can read, and one that holds no key', () => {
    const dir = fresh();
    loadPepper({ dataDir: dir });
    chmodSync(join(dir, 'pepper'), 0o644);
    expect(() => loadPepper({ dataDir: dir })).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
    writeFileSync(join(dir, 'pepper'), 'nope\n', { mode: 0o600 });
    chmodSync(join(dir, 'pepper'), 0o600);
    expect(() => loadPepper({ dataDir: dir })).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
  });
});
