import { sha256 } from '@noble/hashes/sha2.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** Decodes Bitcoin-alphabet base58 into bytes, or `undefined` on a character outside it. */
export function base58Decode(s: string): Uint8Array | undefined {
  // Big-endian base-256 accumulator; base58 needs at most ~0.733 bytes per character.
  const bytes = new Uint8Array(Math.ceil(s.length * 0.733) + 1);
  let used = 0;
  let zeros = 0;
  while (zeros < s.length && s.charCodeAt(zeros) === 49) zeros++;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let carry = c < 128 ? VALUES[c]! : -1;
    if (carry < 0) return undefined;
    let k = 0;
    for (let j = bytes.length - 1; (carry !== 0 || k < used) && j >= 0; j--, k++) {
      carry += 58 * bytes[j]!;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    used = k;
  }
  const out = new Uint8Array(zeros + used);
  out.set(bytes.subarray(bytes.length - used), zeros);
  return out;
}

/**
 * Decodes base58check: the payload (version byte included) when the trailing four bytes equal
 * the first four of SHA-256(SHA-256(payload)), else `undefined`.
 */
export function base58CheckDecode(s: string): Uint8Array | undefined {
  const raw = base58Decode(s);
  if (!raw || raw.length < 5) return undefined;
  const payload = raw.subarray(0, raw.length - 4);
  const digest = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (digest[i] !== raw[raw.length - 4 + i]) return undefined;
  return payload;
}
