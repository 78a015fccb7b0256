import * as charCodes from './char-codes.js';
import * as knownTlds from './known-tlds.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isAsciiLetter, isDigit } = charCodes;
const { FILE_EXTENSIONS } = knownTlds;

/**
 * True when `text[start, end)` is a syntactically valid DNS host name with at least `minLabels`
 * labels: labels of 1-63 letters, digits or inner hyphens, at most 253 characters, and a top-level
 * label that is alphabetic (2+ letters) or punycode (`xn--`) and not a common file extension.
 * Checks the string in place; no allocation unless the top-level label needs a lookup.
 */
export function hostnameValid(text: string, start: number, end: number, minLabels: number): boolean {
  if (end - start > 253 || end <= start) return false;
  let labels = 0;
  let labelStart = start;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 46 : text.charCodeAt(i);
    if (c === 46) {
      const len = i - labelStart;
      if (len < 1 || len > 63) return false;
      if (text.charCodeAt(labelStart) === 45 || text.charCodeAt(i - 1) === 45) return false;
      labels++;
      if (i < end) labelStart = i + 1;
    } else if (!(isDigit(c) || isAsciiLetter(c) || c === 45)) {
      return false;
    }
  }
  return labels >= minLabels && topLabelValid(text, labelStart, end);
}

function topLabelValid(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  if (text.startsWith('xn--', start) || text.startsWith('XN--', start)) return end - start > 4;
  for (let i = start; i < end; i++) if (!isAsciiLetter(text.charCodeAt(i))) return false;
  return !FILE_EXTENSIONS.has(text.slice(start, end).toLowerCase());
}
