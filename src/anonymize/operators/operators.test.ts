import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../crypto/random-bytes.js';
import { hmacSha256 } from '../../crypto/hmac-sha256.js';
import { createOperator } from '../create-operator.js';
import type { OperatorConfig } from '../operator-config.js';
import { decryptToken, encryptOperator } from './encrypt.js';
import { hashOperator } from './hash.js';
import { maskOperator } from './mask.js';

describe('maskOperator', () => {
  it.each([
    ['defaults keep the last 4', {}, '4111111111111111', '************1111'],
    ['keepFirst and keepLast', { keepFirst: 2, keepLast: 2 }, 'abcdefgh', 'ab****gh'],
    ['a custom char', { char: '#', keepLast: 0 }, 'abc', '###'],
    ['an emoji mask char', { char: '🔒', keepLast: 1 }, 'abc', '🔒🔒c'],
    ['code points, not UTF-16 units', { keepLast: 1 }, '😀😀😀x', '***x'],
    ['a value no longer than the kept part is fully masked', { keepLast: 4 }, 'abcd', '****'],
    ['short value with keepFirst', { keepFirst: 3, keepLast: 3 }, 'abcde', '*****'],
    ['empty value', {}, '', ''],
  ])('%s', (_name, options, value, want) => {
    expect(maskOperator(options).apply(value, 'X')).toBe(want);
  });

  it.each([
    ['empty char', { char: '' }],
    ['two chars', { char: 'ab' }],
    ['a control char', { char: '\n' }],
    ['a lone surrogate', { char: '\ud83d' }],
    ['a negative keepLast', { keepLast: -1 }],
    ['a fractional keepFirst', { keepFirst: 1.5 }],
    ['NaN', { keepLast: Number.NaN }],
  ])('rejects %s', (_name, options) => {
    expect(() => maskOperator(options)).toThrow(expect.objectContaining({ code: 'ERR_ANONYMIZE_INVALID_OPTION' }));
  });
});

describe('hashOperator', () => {
  const key = randomBytes(32);
  it('is the hex HMAC-SHA-256 of the UTF-8 value, truncated', () => {
    const full = [...hmacSha256(key, 'Zoë')].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(hashOperator({ key }).apply('Zoë', 'PERSON')).toBe(full);
    expect(hashOperator({ key, length: 9 }).apply('Zoë', 'PERSON')).toBe(full.slice(0, 9));
  });
  it('does not depend on the entity type', () => {
    const op = hashOperator({ key });
    expect(op.apply('v', 'A')).toBe(op.apply('v', 'B'));
  });
  it('keeps working when the caller reuses its key buffer', () => {
    const mine = key.slice();
    const op = hashOperator({ key: mine });
    const before = op.apply('v', 'A');
    mine.fill(0);
    expect(op.apply('v', 'A')).toBe(before);
  });
  it.each([7, 65, 0, 12.5])('rejects length %s', (length) => {
    expect(() => hashOperator({ key, length })).toThrow(expect.objectContaining({ code: 'ERR_ANONYMIZE_INVALID_OPTION' }));
  });
});

describe('encryptOperator', () => {
  const key = randomBytes(32);
  it('produces a base64url token that opens with the key and entity type', () => {
    const token = encryptOperator({ key }).apply('Zoë 😀', 'PERSON');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decryptToken(token, 'PERSON', key)).toBe('Zoë 😀');
  });
  it.each([
    ['another type', (t: string) => decryptToken(t, 'EMAIL_ADDRESS', key)],
    ['another key', (t: string) => decryptToken(t, 'PERSON', randomBytes(32))],
    ['a non-base64 token', () => decryptToken('not a token!', 'PERSON', key)],
    ['a truncated token', (t: string) => decryptToken(t.slice(0, -4), 'PERSON', key)],
  ])('fails opaquely with %s', (_name, open) => {
    const token = encryptOperator({ key }).apply('secret', 'PERSON');
    expect(() => open(token)).toThrow(expect.objectContaining({ code: 'ERR_CRYPTO_DECRYPT_FAILED' }));
  });
});

describe('createOperator', () => {
  it.each([
    [{ type: 'keep' }, 'keep', 'v'],
    [{ type: 'redact' }, 'redact', ''],
    [{ type: 'replace' }, 'replace', '<PERSON>'],
    [{ type: 'replace', value: '' }, 'replace', ''],
    [{ type: 'mask', keepLast: 0 }, 'mask', '*'],
  ] as [OperatorConfig, string, string][])('builds %j', (config, name, out) => {
    const op = createOperator(config);
    expect(op.name).toBe(name);
    expect(op.apply('v', 'PERSON')).toBe(out);
  });

  it.each([
    [{ type: 'nope' }, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    [{}, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    [null, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    [{ type: 'encrypt' }, 'ERR_CRYPTO_INVALID_KEY'],
    [{ type: 'encrypt', key: 'a'.repeat(64) }, 'ERR_CRYPTO_INVALID_KEY'],
    [{ type: 'replace', value: 3 }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    [{ type: 'tokenize' }, 'ERR_ANONYMIZE_INVALID_OPTION'],
  ])('rejects %j', (config, code) => {
    expect(() => createOperator(config as OperatorConfig)).toThrow(expect.objectContaining({ code }));
  });
});
