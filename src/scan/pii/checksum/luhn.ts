/**
 * Luhn (mod 10) check over the ASCII digits of `s[start, end)`; any other character in the range
 * is skipped, so `4111 1111-1111 1111` checks the same as `4111111111111111`. Returns false when
 * the range holds no digit. Works on the string in place to avoid allocating per candidate.
 */
export function luhnValid(s: string, start = 0, end = s.length): boolean {
  let sum = 0;
  let double = false;
  let digits = 0;
  for (let i = end - 1; i >= start; i--) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    digits++;
    if (double) {
      const x = d * 2;
      sum += x > 9 ? x - 9 : x;
    } else {
      sum += d;
    }
    double = !double;
  }
  return digits > 0 && sum % 10 === 0;
}
