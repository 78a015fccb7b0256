import { describe, expect, it } from 'vitest';
import { createGuard } from './guard.js';
import { compilePolicies, type PolicySpec } from './privacy-policy.js';
import { createScanner } from '../scan/index.js';
import { DEFAULT_THREAT_POLICY } from './threat-policy.js';

const EMAIL = 'maria.keller@example.com';
const PHONE = '+1 415 555 0132';
const spec = (entities: PolicySpec['entities'], checkOutput = false): PolicySpec => ({ entities, checkOutput, outputAction: 'redact' });
const policies = compilePolicies({
  named: {
    red: spec({ EMAIL_ADDRESS: 'redact', PHONE_NUMBER: 'mask' }, true),
    hashed: spec({ EMAIL_ADDRESS: 'hash', PHONE_NUMBER: 'allow' }),
  },
  byKey: { k1: 'red', k2: 'default' },
  byRoute: { '/v1/embeddings': 'hashed' },
  defaultSpec: spec({ EMAIL_ADDRESS: 'tokenize', PHONE_NUMBER: 'tokenize' }),
  threshold: 0.5,
  regions: ['US'],
  hashKey: new Uint8Array(32).fill(7),
});
const guard = createGuard({ scanner: createScanner({ entities: [] }) });
const text = `😀 ${EMAIL} / ${PHONE}`;
const run = (keyId: string | null, route: string): unknown => guard.inspectRequest({ messages: [{ role: 'user', content: text }] }, undefined, policies.resolve(keyId, route)).body.messages[0]!.content;

describe('compilePolicies', () => {
  it.each([
    [null, '/v1/chat/completions', 'default'],
    ['k9', '/v1/chat/completions', 'default'],
    ['k1', '/v1/chat/completions', 'red'],
    ['k1', '/v1/embeddings', 'red'],
    ['k2', '/v1/embeddings', 'default'],
    [null, '/v1/embeddings', 'hashed'],
    ['hasOwnProperty', '/v1/x', 'default'],
  ])('key %s on %s uses %s', (keyId, route, name) => {
    expect(policies.resolve(keyId, route).name).toBe(name);
  });

  it('applies each policy\'s operators to the request', () => {
    expect(run(null, '/v1/chat/completions')).toBe('😀 ⟦EMAIL_1⟧ / ⟦PHONE_1⟧');
    expect(run('k1', '/v1/chat/completions')).toBe(`😀 <EMAIL_ADDRESS> / ${'*'.repeat(11)}0132`);
    const hashed = run(null, '/v1/embeddings') as string;
    expect(hashed).toMatch(new RegExp(`^😀 [0-9a-f]{16} / \\${PHONE}$`));
    expect(run(null, '/v1/embeddings')).toBe(hashed); // stable
  });

  it('only policies with checkOutput carry an output check', () => {
    expect(policies.resolve('k1', '/').output).toEqual({ action: 'redact' });
    expect(policies.default.output).toBeUndefined();
  });

  it('resolves threat settings: the sources\' defaults, overridden field by field per policy', () => {
    const p = compilePolicies({
      named: { strict: { ...spec({}), injection: { action: 'flag', threshold: undefined }, canary: { enabled: false } } },
      byKey: { k1: 'strict' },
      byRoute: {},
      defaultSpec: spec({}),
      threshold: 0.5,
      regions: ['US'],
      hashKey: new Uint8Array(32),
      threats: { ...DEFAULT_THREAT_POLICY, injection: { ...DEFAULT_THREAT_POLICY.injection, threshold: 0.7 } },
    });
    expect(p.default.threats.injection).toMatchObject({ threshold: 0.7, action: 'block' });
    expect(p.resolve('k1', '/').threats.injection).toMatchObject({ threshold: 0.7, action: 'flag' });
    expect(p.resolve('k1', '/').threats.canary).toEqual({ ...DEFAULT_THREAT_POLICY.canary, enabled: false });
    expect(policies.default.threats).toEqual(DEFAULT_THREAT_POLICY);
  });

  it('tokenizes a `name` field within OpenAI\'s alphabet', () => {
    const p = compilePolicies({ named: {}, byKey: {}, byRoute: {}, defaultSpec: spec({ EMAIL_ADDRESS: 'tokenize' }), threshold: 0.5, regions: ['US'], hashKey: new Uint8Array(32) });
    const { body } = guard.inspectRequest({ messages: [{ role: 'user', name: EMAIL, content: 'hi' }] }, undefined, p.default);
    expect(body.messages[0]!.name).toBe('EMAIL_1');
  });
});
