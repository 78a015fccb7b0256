/**
 * Compares two byte arrays without an early exit, so the time taken does not reveal where they
 * first differ. Arrays of different lengths are unequal (lengths are not secret: compare
 * fixed-size digests, e.g. HMACs, when the length itself must not leak).
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
