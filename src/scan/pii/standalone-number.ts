import * as charCodes from './char-codes.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isAsciiLetter, isDigit } = charCodes;

function isSeparator(code: number): boolean {
  // space, hyphen, dot, slash, no-break space
  return code === 32 || code === 45 || code === 46 || code === 47 || code === 0xa0;
}

/**
 * True when `text[start, end)` is not a piece of a longer number or code: no letter or digit
 * touches it, and no separator joins it to a further digit on either side. Without this, the
 * first 12 digits of a spaced card number `4111 1111 1111 1111` would pass as an Aadhaar number
 * and `943-476-5919-2` as an NHS number.
 */
export function isStandaloneNumber(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const before = text.charCodeAt(start - 1);
    if (isDigit(before) || isAsciiLetter(before)) return false;
    if (isSeparator(before) && start > 1 && isDigit(text.charCodeAt(start - 2))) return false;
  }
  if (end < text.length) {
    const after = text.charCodeAt(end);
    if (isDigit(after) || isAsciiLetter(after)) return false;
    if (isSeparator(after) && end + 1 < text.length && isDigit(text.charCodeAt(end + 1))) return false;
  }
  return true;
}

/**
 * True when every digit of `text[start, end)` is the same (`0000000000`, `111 111 111`): such
 * strings pass several checksums but are placeholders, never issued numbers.
 */
export function isRepeatedDigit(text: string, start: number, end: number): boolean {
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) continue;
    if (first < 0) first = c;
    else if (c !== first) return false;
  }
  return true;
}
