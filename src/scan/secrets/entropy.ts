/**
 * Shannon entropy of `s` in bits per character (0 for one repeated character, log2 of the
 * alphabet size for a uniform string). Random base62 tokens score above 5, hex about 3.7-4,
 * English words and placeholders well below.
 */
export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}
