import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-policy-cfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(yaml: string) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  return loadConfig({ file });
}

describe('policies (YAML)', () => {
  it('defaults to no named policy and no assignment', () => {
    expect(loadConfig({}).policies).toEqual({ named: {}, byKey: {}, byRoute: {} });
  });

  it('reads named policies with their defaults, and assignments by key and route', () => {
    const c = load(
      'policies:\n  named:\n    strict: { entities: { EMAIL_ADDRESS: redact, PERSON: allow }, checkOutput: true, threshold: 0.7 }\n  byKey: { k1: strict }\n  byRoute: { /v1/embeddings: default }\n',
    );
    expect(c.policies.named['strict']).toEqual({ entities: { EMAIL_ADDRESS: 'redact', PERSON: 'allow' }, checkOutput: true, outputAction: 'redact', threshold: 0.7 });
    expect(c.policies.byKey).toEqual({ k1: 'strict' });
    expect(c.policies.byRoute).toEqual({ '/v1/embeddings': 'default' });
  });

  it.each([
    ['an unknown entity type', 'policies:\n  named:\n    p: { entities: { EMAIL: redact } }\n'],
    ['an unknown operator', 'policies:\n  named:\n    p: { entities: { EMAIL_ADDRESS: encrypt } }\n'],
    ['an unknown output action', 'policies:\n  named:\n    p: { outputAction: block }\n'],
    ['a threshold above 1', 'policies:\n  named:\n    p: { threshold: 2 }\n'],
    ['an unknown policy field', 'policies:\n  named:\n    p: { checkOuput: true }\n'],
    ['a key assigned an undefined policy', 'policies:\n  byKey: { k1: nope }\n'],
    ['a route assigned an undefined policy', 'policies:\n  named: { p: {} }\n  byRoute: { /v1/chat/completions: q }\n'],
    ['an unknown route', 'policies:\n  named: { p: {} }\n  byRoute: { /v1/models: p }\n'],
  ])('refuses %s with ERR_CONFIG_INVALID', (_, yaml) => {
    expect(() => load(yaml)).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
  });
});
