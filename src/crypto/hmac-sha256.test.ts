import { describe, expect, it } from 'vitest';
import { createHmacSha256, hmacSha256 } from './hmac-sha256.js';
import { timingSafeEqual } from './timing-safe-equal.js';
import { filled, hex, toHex } from './test-hex.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// RFC 4231 §4.2–4.8 (HMAC-SHA-256 column).
const RFC4231: [name: string, key: Uint8Array, data: Uint8Array, mac: string][] = [
  ['case 1', filled(20, 0x0b), enc('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  ['case 2 (short key)', enc('Jefe'), enc('what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  ['case 3', filled(20, 0xaa), filled(50, 0xdd), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
  ['case 4', hex('0102030405060708090a0b0c0d0e0f10111213141516171819'), filled(50, 0xcd), '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'],
  ['case 6 (key longer than block)', filled(131, 0xaa), enc('Test Using Larger Than Block-Size Key - Hash Key First'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
  ['case 7 (key and data longer than block)', filled(131, 0xaa), enc('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.'), '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2'],
];

describe('hmacSha256', () => {
  it.each(RFC4231)('matches RFC 4231 %s', (_name, key, data, mac) => {
    expect(toHex(hmacSha256(key, data))).toBe(mac);
  });

  it.each(RFC4231)('gives the same RFC 4231 %s answer with a pre-keyed instance, reused', (_name, key, data, mac) => {
    const keyed = createHmacSha256(key);
    expect(toHex(keyed(data))).toBe(mac);
    expect(toHex(keyed(data))).toBe(mac);
  });

  it('matches RFC 4231 case 5 when truncated to 128 bits', () => {
    expect(toHex(hmacSha256(filled(20, 0x0c), enc('Test With Truncation')).subarray(0, 16))).toBe(
      'a3b6167473100ee06e0c796c2955552b',
    );
  });

  it('takes a string as its UTF-8 bytes, surrogate pairs included', () => {
    const key = filled(32, 7);
    expect(hmacSha256(key, 'Zoë 😀')).toEqual(hmacSha256(key, enc('Zoë 😀')));
    expect(hmacSha256(key, '')).toHaveLength(32);
  });
});

describe('timingSafeEqual', () => {
  it.each([
    ['equal', [1, 2, 3], [1, 2, 3], true],
    ['empty', [], [], true],
    ['differs in the last byte', [1, 2, 3], [1, 2, 4], false],
    ['differs in the first byte', [0, 2, 3], [1, 2, 3], false],
    ['different lengths', [1, 2], [1, 2, 3], false],
  ])('%s', (_name, a, b, want) => {
    expect(timingSafeEqual(Uint8Array.from(a), Uint8Array.from(b))).toBe(want);
  });
});
