import { describe, expect, it } from 'vitest';
import { isBulwarkError } from '../core/bulwark-error.js';
import { aesGcmDecrypt, aesGcmEncrypt } from './aes-gcm.js';
import { randomBytes } from './random-bytes.js';
import { hex, toHex } from './test-hex.js';

// McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 15 and 16 (AES-256).
const K = hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308');
const IV = hex('cafebabefacedbaddecaf888');
const P16 =
  'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
  '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39';
const C16 =
  '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa' +
  '8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662';
const A16 = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
const T16 = '76fc6ece0f4e1768cddf8853bb2d551b';
const P15 = P16 + '1aafd255';
const C15 = C16 + '898015ad';
const T15 = 'b094dac5d93471bdec1a502270e3cc6c';

function expectDecryptFailed(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(isBulwarkError(caught, 'ERR_CRYPTO_DECRYPT_FAILED')).toBe(true);
}

describe('aesGcmDecrypt known answers', () => {
  it('opens test case 16 (with associated data)', () => {
    const sealed = hex(toHex(IV) + C16 + T16);
    expect(toHex(aesGcmDecrypt(K, sealed, A16))).toBe(P16);
  });

  it('opens test case 15 (no associated data)', () => {
    expect(toHex(aesGcmDecrypt(K, hex(toHex(IV) + C15 + T15)))).toBe(P15);
  });

  it('rejects test case 16 without its associated data', () => {
    expectDecryptFailed(() => aesGcmDecrypt(K, hex(toHex(IV) + C16 + T16)));
  });
});

describe('aesGcmEncrypt / aesGcmDecrypt', () => {
  const key = randomBytes(32);
  const aad = new TextEncoder().encode('tenant-1/record-9/field');
  const plain = new TextEncoder().encode('alice@example.com 😀');

  it('round-trips, with and without aad, including empty plaintext', () => {
    expect(aesGcmDecrypt(key, aesGcmEncrypt(key, plain, aad), aad)).toEqual(plain);
    expect(aesGcmDecrypt(key, aesGcmEncrypt(key, plain))).toEqual(plain);
    expect(aesGcmDecrypt(key, aesGcmEncrypt(key, new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it('lays out nonce(12) || ciphertext || tag(16) with a fresh nonce each time', () => {
    const a = aesGcmEncrypt(key, plain);
    const b = aesGcmEncrypt(key, plain);
    expect(a).toHaveLength(12 + plain.length + 16);
    expect(toHex(a.subarray(0, 12))).not.toBe(toHex(b.subarray(0, 12)));
  });

  const sealed = aesGcmEncrypt(key, plain, aad);
  const flips: [string, number][] = [
    ['nonce', 0],
    ['nonce (last byte)', 11],
    ['ciphertext', 12],
    ['tag', sealed.length - 16],
    ['tag (last byte)', sealed.length - 1],
  ];
  it.each(flips)('throws the one opaque code when a bit of the %s flips', (_where, index) => {
    const tampered = sealed.slice();
    tampered[index] = (tampered[index] as number) ^ 0x01;
    expectDecryptFailed(() => aesGcmDecrypt(key, tampered, aad));
  });

  it.each([
    ['a wrong key', () => aesGcmDecrypt(randomBytes(32), sealed, aad)],
    ['a wrong aad', () => aesGcmDecrypt(key, sealed, new TextEncoder().encode('other'))],
    ['a missing aad', () => aesGcmDecrypt(key, sealed)],
    ['a truncated tag', () => aesGcmDecrypt(key, sealed.subarray(0, sealed.length - 4), aad)],
    ['a message shorter than nonce + tag', () => aesGcmDecrypt(key, sealed.subarray(0, 27), aad)],
    ['an empty message', () => aesGcmDecrypt(key, new Uint8Array(0), aad)],
  ])('throws the one opaque code for %s', (_name, fn) => {
    expectDecryptFailed(fn);
  });

  it.each([0, 16, 24, 31, 33])('rejects a %i-byte key with ERR_CRYPTO_INVALID_KEY', (n) => {
    const bad = new Uint8Array(n);
    expect(() => aesGcmEncrypt(bad, plain)).toThrow(expect.objectContaining({ code: 'ERR_CRYPTO_INVALID_KEY' }));
    expect(() => aesGcmDecrypt(bad, sealed)).toThrow(expect.objectContaining({ code: 'ERR_CRYPTO_INVALID_KEY' }));
  });
});
