import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it('reads threat defaults (top-level threats) and per-policy overrides', () => {
    expect(loadConfig({}).threats).toEqual({
      injection: { enabled: true, threshold: 0.5, action: 'block', untrustedThreshold: 0.35, untrustedAction: 'strip' },
      secrets: { enabled: true, action: 'redact', output: 'redact' },
      canary: { enabled: true, action: 'block', position: 'start' },
      outputSchema: { toolArguments: true, responseFormat: true, action: 'flag' },
    });
    const c = load(
      'threats:\n  injection: { action: flag, threshold: 0.8 }\n  canary: { position: end }\npolicies:\n  named:\n    strict: { injection: { action: block }, secrets: { action: block, output: block }, outputSchema: { action: block } }\n',
    );
    expect(c.threats.injection).toMatchObject({ action: 'flag', threshold: 0.8, untrustedAction: 'strip' });
    expect(c.threats.canary).toEqual({ enabled: true, action: 'block', position: 'end' });
    expect(c.policies.named['strict']).toMatchObject({ injection: { action: 'block' }, secrets: { action: 'block', output: 'block' }, outputSchema: { action: 'block' } });
    expect(c.policies.named['strict']!.canary).toBeUndefined();
  });

  it('examples/gateway.yaml loads, with the defaults it shows', () => {
    const c = loadConfig({ file: fileURLToPath(new URL('../../examples/gateway.yaml', import.meta.url)) });
    expect(c.threats).toEqual(loadConfig({}).threats);
    expect(c.policies.named['support-bot']).toMatchObject({ injection: { threshold: 0.4 }, secrets: { action: 'block', output: 'block' } });
    expect(c.policies.byRoute['/v1/chat/completions']).toBe('support-bot');
  });

  it.each([
    ['an unknown injection action', 'threats:\n  injection: { action: strip }\n'],
    ['an injection threshold above 1', 'threats:\n  injection: { threshold: 1.5 }\n'],
    ['an unknown secrets output action', 'threats:\n  secrets: { output: log }\n'],
    ['an unknown canary field', 'threats:\n  canary: { token: abc }\n'],
    ['an unknown threats section', 'threats:\n  jailbreak: {}\n'],
    ['a bad override in a policy', 'policies:\n  named:\n    p: { canary: { action: strip } }\n'],
  ])('refuses %s with ERR_CONFIG_INVALID', (_, yaml) => {
    expect(() => load(yaml)).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
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
