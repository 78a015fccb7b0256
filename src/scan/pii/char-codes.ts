/**
 * Character-class tests on UTF-16 code units. Detectors use them to expand a match by hand
 * around a rare anchor and to check word boundaries without allocating substrings. Boundaries are
 * ASCII-only on purpose (like a non-Unicode `\b`), so a number glued to CJK text still matches.
 */

/** `0`-`9`. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** ASCII letter. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** ASCII letter, digit or `_`: what a word boundary separates. */
export function isWordCode(code: number): boolean {
  return isDigit(code) || isAsciiLetter(code) || code === 95;
}

/** `0`-`9`, `a`-`f`, `A`-`F`. */
export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** True when the code unit at `i` is a word character; out-of-range positions are not. */
export function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}
