/**
 * Weighted mod-11 check with descending weights, as the NHS number uses: for n digits, the first
 * n-1 are weighted n, n-1, ..., 2; the check digit is `11 - (sum mod 11)`, where 11 means 0 and
 * 10 means the number was never issued. Reads the ASCII digits of `s[start, end)` and skips any
 * other character (so `943 476 5919` checks like `9434765919`). Returns false with fewer than 2
 * digits.
 */
export function mod11Valid(s: string, start = 0, end = s.length): boolean {
  let count = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) count++;
  }
  if (count < 2) return false;

  let sum = 0;
  let weight = count;
  let last = -1;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (weight === 1) {
      last = d;
      break;
    }
    sum += d * weight;
    weight--;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === last;
}
