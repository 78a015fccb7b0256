/**
 * The weight sum of the character 3-, 4- and 5-grams of `units[start, end)` (the classifier's
 * n-gram features, `segmentFeatures`), looked up in `weights` by `hash >>> shift` as they are made.
 * Each unit is read once: the units a position's grams span are kept in locals, two positions a
 * turn of the loop. Constants are literals, and the hash finaliser (murmur3 fmix32) is written out
 * at each use: optimised code reads a module-level constant from memory at every use and checks a
 * called function's identity at every call (a local one costs a tenth more than writing it out,
 * one position a turn a tenth more again). The weights are small integers, so the sum is exact in
 * any order.
 */
export function gramSum(units: Uint16Array, start: number, end: number, weights: Int8Array, shift: number): number {
  const prime = 0x01000193;
  const seed = 0x3c6ef372; // NS_CHAR of injection-features.ts
  const last = end | 0;
  const bits = shift | 0;
  let sum = 0;
  let i = start | 0;
  if (last - i >= 5) {
    let a = units[i] as number;
    let b = units[i + 1] as number;
    let c = units[i + 2] as number;
    let d = units[i + 3] as number;
    // j: the unit after a, b, c, d (the last one of the first position's 5-gram).
    let j = i + 4;
    for (; j + 1 < last; j += 2) {
      const e = units[j] as number;
      const f = units[j + 1] as number;
      let h = Math.imul(Math.imul(Math.imul(seed ^ a, prime) ^ b, prime) ^ c, prime);
      let x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      let s2 = weights[(x ^ (x >>> 16)) >>> bits] as number;
      h = Math.imul(h ^ d, prime);
      x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      s2 += weights[(x ^ (x >>> 16)) >>> bits] as number;
      h = Math.imul(h ^ e, prime);
      x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      s2 += weights[(x ^ (x >>> 16)) >>> bits] as number;
      h = Math.imul(Math.imul(Math.imul(seed ^ b, prime) ^ c, prime) ^ d, prime);
      x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      s2 += weights[(x ^ (x >>> 16)) >>> bits] as number;
      h = Math.imul(h ^ e, prime);
      x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      s2 += weights[(x ^ (x >>> 16)) >>> bits] as number;
      h = Math.imul(h ^ f, prime);
      x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      s2 += weights[(x ^ (x >>> 16)) >>> bits] as number;
      sum += s2;
      // Two positions on.
      a = c;
      b = d;
      c = e;
      d = f;
    }
    if (j < last) {
      // One position left with all three grams.
      const e = units[j] as number;
      let h = Math.imul(Math.imul(Math.imul(seed ^ a, prime) ^ b, prime) ^ c, prime);
      let x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      sum += weights[(x ^ (x >>> 16)) >>> bits] as number;
      h = Math.imul(h ^ d, prime);
      x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      sum += weights[(x ^ (x >>> 16)) >>> bits] as number;
      h = Math.imul(h ^ e, prime);
      x = h ^ (h >>> 16);
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      sum += weights[(x ^ (x >>> 16)) >>> bits] as number;
    }
    i = last - 4;
  }
  // The last (up to two) positions, where the longer grams do not fit.
  for (; i + 3 <= last; i++) {
    let h = Math.imul(Math.imul(Math.imul(seed ^ (units[i] as number), prime) ^ (units[i + 1] as number), prime) ^ (units[i + 2] as number), prime);
    let x = h ^ (h >>> 16);
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    sum += weights[(x ^ (x >>> 16)) >>> bits] as number;
    if (i + 4 > last) continue;
    h = Math.imul(h ^ (units[i + 3] as number), prime);
    x = h ^ (h >>> 16);
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    sum += weights[(x ^ (x >>> 16)) >>> bits] as number;
  }
  return sum;
}

/** How many 3-, 4- and 5-grams a segment of `length` characters has. */
export function gramCount(length: number): number {
  return Math.max(0, length - 2) + Math.max(0, length - 3) + Math.max(0, length - 4);
}
