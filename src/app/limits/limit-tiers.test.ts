import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../config/index.js';
import { limitTiers } from './limit-tiers.js';

describe('limitTiers', () => {
  it('a key listed in keyTiers gets its tier; unnamed settings come from the default tier', () => {
    const config = loadConfig({ env: { BULWARK_LIMIT_KEY_REQUESTS: '7', BULWARK_LIMIT_MAX_STREAMS: '2' } });
    const tierOf = limitTiers({ ...config.limits, tiers: { gold: { keyRequests: 100, maxStreams: 0 } }, keyTiers: { k1: 'gold' } });
    expect(tierOf('k1')).toMatchObject({ name: 'gold', keyRequests: 100, maxStreams: 0, userRequests: config.limits.userRequests });
    expect(tierOf('k2')).toMatchObject({ name: 'default', keyRequests: 7, maxStreams: 2 });
    expect(tierOf(null).name).toBe('default');
  });

  it.each([
    ['a tier name without a definition', { keyTiers: { k1: 'missing' } }],
    ['an unknown tier setting', { tiers: { gold: { requests: 1 } } }],
    ['a negative quota', { tiers: { gold: { keyRequests: -1 } } }],
  ])('rejects %s', (_name, limits) => {
    expect(() => loadYaml({ limits })).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
  });
});

/** Loads a configuration from `doc` written as the YAML file (tiers live only there). */
function loadYaml(doc: unknown): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-limits-'));
  try {
    const file = join(dir, 'c.yaml');
    writeFileSync(file, stringify(doc));
    return loadConfig({ file });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
