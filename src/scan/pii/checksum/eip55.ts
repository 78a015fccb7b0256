import { keccak_256 } from '@noble/hashes/sha3.js';

/**
 * True when the 40 hex digits of `hex` (no `0x`) carry a correct EIP-55 mixed-case checksum:
 * each letter is upper case exactly when the matching nibble of keccak-256(lower-case hex) is 8
 * or more. All-lower and all-upper addresses carry no checksum and return false.
 */
export function eip55Valid(hex: string): boolean {
  const lower = hex.toLowerCase();
  if (hex === lower || hex === hex.toUpperCase()) return false;
  const ascii = new Uint8Array(lower.length);
  for (let i = 0; i < lower.length; i++) ascii[i] = lower.charCodeAt(i);
  const hash = keccak_256(ascii);
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i);
    if (c < 65) continue;
    const nibble = (hash[i >> 1]! >> (i & 1 ? 0 : 4)) & 0xf;
    const upper = c <= 90;
    if (upper !== nibble >= 8) return false;
  }
  return true;
}
