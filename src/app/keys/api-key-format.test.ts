import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatApiKey, generateApiKeyParts, parseApiKey } from './api-key-format.js';

const parts = generateApiKeyParts();
const key = formatApiKey(parts);

/** `key` with the character at `i` replaced by another of the alphabet. */
function typo(i: number): string {
  const c = key[i]!;
  return key.slice(0, i) + (c === 'a' ? 'b' : 'a') + key.slice(i + 1);
}

describe('API key format', () => {
  it('has the documented shape: bwk_<12 id>_<43 secret><6 checksum>', () => {
    expect(key).toMatch(/^bwk_[0-9A-Za-z]{12}_[0-9A-Za-z]{49}$/);
    expect(parseApiKey(key)).toEqual(parts);
  });

  it('draws distinct ids and secrets', () => {
    const many = Array.from({ length: 200 }, generateApiKeyParts);
    expect(new Set(many.map((p) => p.id)).size).toBe(200);
    expect(new Set(many.map((p) => p.secret)).size).toBe(200);
  });

  it.each([
    ['an empty string', ''],
    ['the prefix alone', 'bwk_'],
    ['a truncated key', key.slice(0, -1)],
    ['a key with an extra character', `${key}a`],
    ['another vendor\'s prefix', `sk-_${key.slice(4)}`],
    ['upper-case prefix', `BWK_${key.slice(4)}`],
    ['surrounding whitespace', ` ${key}`],
    ['a trailing newline', `${key}\n`],
    ['an emoji inside', `${key.slice(0, 20)}😀${key.slice(22)}`],
    ['a typo in the id', typo(6)],
    ['a typo in the secret', typo(30)],
    ['a typo in the checksum', typo(key.length - 2)],
    ['two swapped characters', key.slice(0, 20) + key[21] + key[20] + key.slice(22)],
  ])('rejects %s before any lookup', (_name, text) => {
    if (text === key) return; // a swap of two equal characters changes nothing
    expect(parseApiKey(text)).toBeUndefined();
  });

  it('accepts every well-formed key, checksums with leading zero digits included, and no other checksum', () => {
    let leadingZero = 0;
    for (let i = 0; i < 3000; i++) {
      const p = generateApiKeyParts();
      const k = formatApiKey(p);
      // 62^5 > crc: the first of the six digits is the padding zero.
      if (crc32(k.slice(0, -6)) < 62 ** 5) leadingZero++;
      expect(parseApiKey(k)).toEqual(p);
      for (const at of [k.length - 6, k.length - 1]) {
        const wrong = k.slice(0, at) + (k[at] === '0' ? '1' : '0') + k.slice(at + 1);
        expect(parseApiKey(wrong)).toBeUndefined();
      }
    }
    expect(leadingZero).toBeGreaterThan(0);
  });
});

