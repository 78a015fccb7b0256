import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode } from './base64url.js';
import { parseKey } from './parse-key.js';
import { randomBytes } from './random-bytes.js';
import { toHex } from './test-hex.js';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i * 8 + 3);

describe('base64url', () => {
  // RFC 4648 §10 vectors, re-spelled unpadded.
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as %j and back', (plain, encoded) => {
    const bytes = new TextEncoder().encode(plain);
    expect(base64urlEncode(bytes)).toBe(encoded);
    expect(base64urlDecode(encoded)).toEqual(bytes);
  });

  it('uses - and _ and reads + and / as well', () => {
    const bytes = Uint8Array.from([0xfb, 0xff, 0xbf]);
    expect(base64urlEncode(bytes)).toBe('-_-_');
    expect(base64urlDecode('+/+/')).toEqual(bytes);
  });

  it('round-trips random bytes of every length up to 40', () => {
    for (let n = 0; n <= 40; n++) {
      const b = randomBytes(n);
      expect(base64urlDecode(base64urlEncode(b))).toEqual(b);
    }
  });

  it.each(['Zg=', 'Z', 'Zm9v!', 'Zh', 'Zm9vY===', 'Zé', 'Z=g='])('rejects %j', (bad) => {
    expect(base64urlDecode(bad)).toBeUndefined();
  });

  it('accepts standard padding', () => {
    expect(base64urlDecode('Zg==')).toEqual(Uint8Array.from([0x66]));
  });
});

describe('parseKey', () => {
  it.each([
    ['lower-case hex', toHex(KEY)],
    ['upper-case hex', toHex(KEY).toUpperCase()],
    ['base64url', base64urlEncode(KEY)],
    ['padded standard base64', base64urlEncode(KEY).replace(/-/g, '+').replace(/_/g, '/') + '='],
    ['text with surrounding whitespace', `  ${toHex(KEY)}\n`],
  ])('reads %s', (_name, text) => {
    expect(parseKey(text)).toEqual(KEY);
  });

  it.each([
    ['empty', ''],
    ['31 bytes of hex', toHex(KEY.subarray(1))],
    ['33 bytes of base64url', base64urlEncode(randomBytes(33))],
    ['hex with a non-hex digit', 'g' + toHex(KEY).slice(1)],
    ['a passphrase', 'correct horse battery staple'],
  ])('rejects %s with ERR_CRYPTO_INVALID_KEY', (_name, text) => {
    expect(() => parseKey(text)).toThrow(expect.objectContaining({ code: 'ERR_CRYPTO_INVALID_KEY' }));
  });

  it('honours a custom length', () => {
    expect(parseKey(toHex(KEY.subarray(0, 16)), 16)).toEqual(KEY.subarray(0, 16));
  });
});
