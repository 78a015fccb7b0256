import { describe, expect, it } from 'vitest';
import { InMemoryVault } from './in-memory-vault.js';
import { parseAnonymizePlan, parseOperatorConfig } from './parse-operator-config.js';

const HEX_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('parseOperatorConfig', () => {
  it.each([
    [{ type: 'keep' }, { type: 'keep' }],
    ['redact', { type: 'redact' }],
    [{ type: 'replace', value: '[x]' }, { type: 'replace', value: '[x]' }],
    [{ type: 'mask', char: '#', keepLast: 2, keepFirst: 1 }, { type: 'mask', char: '#', keepLast: 2, keepFirst: 1 }],
    [{ type: 'tokenize' }, { type: 'tokenize' }],
  ])('accepts %j', (input, want) => {
    expect(parseOperatorConfig(input)).toEqual(want);
  });

  it('turns a hex or base64url key into bytes', () => {
    const hex = parseOperatorConfig({ type: 'hash', key: HEX_KEY, length: 16 });
    expect(hex).toMatchObject({ type: 'hash', length: 16 });
    expect(hex.type === 'hash' && hex.key).toHaveLength(32);
    const b64 = parseOperatorConfig({ type: 'encrypt', key: 'ABEiM0RVZneImaq7zN3u_wARIjNEVWZ3iJmqu8zd7v8' });
    expect(b64.type === 'encrypt' && [...b64.key.subarray(0, 3)]).toEqual([0x00, 0x11, 0x22]);
  });

  it.each([
    ['an unknown type', { type: 'shred' }, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['no type', { value: 'x' }, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['a prototype name as type', { type: 'constructor' }, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['a number', 42, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['null', null, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['a misspelt option', { type: 'mask', keeplast: 2 }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a string count', { type: 'mask', keepLast: '2' }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a negative count', { type: 'mask', keepLast: -2 }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a two-character mask', { type: 'mask', char: 'ab' }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a hash length of 100', { type: 'hash', key: HEX_KEY, length: 100 }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a missing key', { type: 'hash' }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a short key', { type: 'encrypt', key: 'abcd' }, 'ERR_CRYPTO_INVALID_KEY'],
    ['a numeric replace value', { type: 'replace', value: 5 }, 'ERR_ANONYMIZE_INVALID_OPTION'],
  ])('rejects %s', (_name, input, code) => {
    expect(() => parseOperatorConfig(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe('parseAnonymizePlan', () => {
  it('reads a policy-shaped object and attaches the vault', () => {
    const vault = new InMemoryVault();
    const plan = parseAnonymizePlan(
      { default: 'redact', byType: { EMAIL_ADDRESS: { type: 'tokenize' }, CREDIT_CARD: { type: 'mask' } } },
      { vault },
    );
    expect(plan.default).toEqual({ type: 'redact' });
    expect(plan.byType?.['EMAIL_ADDRESS']).toEqual({ type: 'tokenize' });
    expect(plan.vault).toBe(vault);
  });

  it('never lets a "__proto__" entity type change a prototype', () => {
    const input = JSON.parse('{"byType":{"__proto__":{"type":"redact"}}}') as unknown;
    const plan = parseAnonymizePlan(input);
    expect(Object.getPrototypeOf(plan.byType)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['type']).toBeUndefined();
  });

  it.each([
    ['an unknown top-level field', { defaults: 'redact' }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['byType as a list', { byType: ['redact'] }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['an unknown operator inside', { byType: { PERSON: 'shred' } }, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['tokenize without a vault', { default: 'tokenize' }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a plan that is a string', 'redact', 'ERR_ANONYMIZE_INVALID_OPTION'],
  ])('rejects %s', (_name, input, code) => {
    expect(() => parseAnonymizePlan(input)).toThrow(expect.objectContaining({ code }));
  });

  it('names where the error is', () => {
    expect(() => parseAnonymizePlan({ byType: { CREDIT_CARD: { type: 'mask', keepLast: 'x' } } })).toThrow(
      /byType\.CREDIT_CARD\.keepLast/,
    );
  });
});
