/** Chunk limit of `crypto.getRandomValues` (the Web Crypto spec caps one call at 65,536 bytes). */
const MAX_CHUNK = 65_536;

/**
 * `n` cryptographically secure random bytes from `globalThis.crypto.getRandomValues`, which Node
 * 20 and every current browser provide.
 */
export function randomBytes(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('randomBytes: n must be a non-negative integer');
  const out = new Uint8Array(n);
  for (let off = 0; off < n; off += MAX_CHUNK) {
    globalThis.crypto.getRandomValues(out.subarray(off, Math.min(n, off + MAX_CHUNK)));
  }
  return out;
}
