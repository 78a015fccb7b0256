// Verhoeff's dihedral-group check (D5). The tables are stored as digit strings so a lookup is a
// charCodeAt, with no array bounds to prove to the type checker and no allocation.

/** Multiplication table of D5: row a, column b at index `a * 10 + b`. */
const MULTIPLY =
  '0123456789' +
  '1234067895' +
  '2340178956' +
  '3401289567' +
  '4012395678' +
  '5987604321' +
  '6598710432' +
  '7659821043' +
  '8765932104' +
  '9876543210';

/** Position permutation: row `i mod 8` applied to a digit `i` places from the right. */
const PERMUTE =
  '0123456789' +
  '1576283094' +
  '5803796142' +
  '8916043527' +
  '9453126870' +
  '4286573901' +
  '2793806415' +
  '7046913258';

/**
 * Verhoeff check over the ASCII digits of `s[start, end)` (other characters are skipped, so
 * `2345 6789 0124` checks like `234567890124`). Catches every single-digit error and every
 * adjacent transposition. Returns false when the range holds no digit.
 */
export function verhoeffValid(s: string, start = 0, end = s.length): boolean {
  let c = 0;
  let position = 0;
  for (let i = end - 1; i >= start; i--) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    const permuted = PERMUTE.charCodeAt((position % 8) * 10 + d) - 48;
    c = MULTIPLY.charCodeAt(c * 10 + permuted) - 48;
    position++;
  }
  return position > 0 && c === 0;
}
