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

/**
 * {@link timingSafeEqual} for strings, by UTF-16 code unit, without encoding them first: for
 * secrets compared on every request (an API key's secret against the one that last matched).
 */
export function timingSafeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
