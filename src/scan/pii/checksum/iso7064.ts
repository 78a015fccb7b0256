/**
 * ISO/IEC 7064 MOD 11,10 (the hybrid system used by the German Steuer-ID): a running product
 * seeded with 10 absorbs each digit; the check digit brings the final product to 1. Reads the
 * ASCII digits of `s[start, end)`, the last one being the check digit, and skips any other
 * character. Returns false with fewer than 2 digits.
 */
export function iso7064Mod11_10Valid(s: string, start = 0, end = s.length): boolean {
  let product = 10;
  let pending = -1;
  let count = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    // Each digit is folded in only once we know it is not the last one (the check digit).
    if (pending >= 0) product = step(product, pending);
    pending = d;
    count++;
  }
  if (count < 2) return false;
  const check = 11 - product;
  return (check === 10 ? 0 : check) === pending;
}

function step(product: number, digit: number): number {
  let sum = (digit + product) % 10;
  if (sum === 0) sum = 10;
  return (sum * 2) % 11;
}
