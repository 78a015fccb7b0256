import { describe, expect, it } from 'vitest';
import { parseOperatorFlag, withKey } from './operator-spec.js';

describe('parseOperatorFlag', () => {
  it.each([
    ['EMAIL_ADDRESS=mask', 'EMAIL_ADDRESS', { type: 'mask' }],
    ['EMAIL_ADDRESS=mask:4', 'EMAIL_ADDRESS', { type: 'mask', keepLast: 4 }],
    ['PHONE_NUMBER=mask:2:#', 'PHONE_NUMBER', { type: 'mask', keepLast: 2, char: '#' }],
    ['PERSON=replace', 'PERSON', { type: 'replace' }],
    ['PERSON=replace:[a:b]', 'PERSON', { type: 'replace', value: '[a:b]' }],
    ['PERSON=replace:', 'PERSON', { type: 'replace', value: '' }],
    ['US_SSN=hash:16', 'US_SSN', { type: 'hash', length: 16 }],
    ['*=redact', '*', { type: 'redact' }],
    [' PERSON = tokenize', 'PERSON', { type: 'tokenize' }],
  ])('%s', (flag, target, spec) => {
    expect(parseOperatorFlag(flag)).toEqual({ target, spec });
  });

  it.each([
    ['mask', 'ERR_CLI_USAGE'],
    ['=mask', 'ERR_CLI_USAGE'],
    ['PERSON=', 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['PERSON=Mask', 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['PERSON=shred', 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['PERSON=mask:x', 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['PERSON=mask:-1', 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['PERSON=hash:', 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['PERSON=redact:now', 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['PERSON=tokenize:1', 'ERR_ANONYMIZE_INVALID_OPTION'],
  ])('refuses %j with %s', (flag, code) => {
    expect(() => parseOperatorFlag(flag)).toThrow(expect.objectContaining({ code }));
  });
});

describe('withKey', () => {
  const key = new Uint8Array(32);

  it('adds the key to hash and encrypt only', () => {
    expect(withKey({ type: 'hash', length: 10 }, key)).toEqual({ type: 'hash', key, length: 10 });
    expect(withKey({ type: 'encrypt' }, key)).toEqual({ type: 'encrypt', key });
    expect(withKey({ type: 'mask', keepLast: 2 }, undefined)).toEqual({ type: 'mask', keepLast: 2 });
  });

  it('refuses hash or encrypt without a key', () => {
    expect(() => withKey({ type: 'hash' }, undefined)).toThrow(expect.objectContaining({ code: 'ERR_CLI_KEY_MISSING' }));
  });
});
