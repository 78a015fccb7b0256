import * as charCodes from './char-codes.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isAsciiLetter, isDigit } = charCodes;

/** A phone-number-shaped run of digit groups, as found in text. */
export interface PhoneShape {
  readonly start: number;
  /** End of the number itself, before any extension. */
  readonly numberEnd: number;
  /** End including an extension (`x123`, ` ext. 123`), else equal to `numberEnd`. */
  readonly end: number;
  /** The number's digits (extension excluded). */
  readonly digits: string;
  /** Digit count of each group, in order. */
  readonly groups: readonly number[];
  /** The distinct separators used between groups, e.g. `" "` or `"-."`. */
  readonly separators: string;
  readonly plus: boolean;
  readonly parens: boolean;
}

const MAX_GROUPS = 8;

function isSep(c: number): boolean {
  return c === 32 || c === 45 || c === 46;
}

/**
 * Reads a phone-shaped run starting at `start`: an optional `+`, then digit groups joined by one
 * space, dash or dot, where a group may sit in parentheses (`(555) 123-4567`, `+44 (0)20 ...`).
 * Stops before anything else, so it never swallows two spaces, a sentence dot or a letter.
 * Returns undefined when no digit follows.
 */
export function readPhoneShape(text: string, start: number): PhoneShape | undefined {
  let i = start;
  const plus = text.charCodeAt(i) === 43;
  if (plus) i++;
  const groups: number[] = [];
  let digits = '';
  let separators = '';
  let parens = false;
  let numberEnd = -1;
  while (groups.length < MAX_GROUPS) {
    let j = i;
    const open = text.charCodeAt(j) === 40;
    if (open) j++;
    const groupStart = j;
    // Bounded read: a group longer than 12 digits is no phone group, however long it runs on.
    while (j < text.length && j - groupStart <= 12 && isDigit(text.charCodeAt(j))) j++;
    if (j === groupStart || j - groupStart > 12) break;
    if (open) {
      if (text.charCodeAt(j) !== 41) break;
      parens = true;
    }
    groups.push(j - groupStart);
    digits += text.slice(groupStart, j);
    if (open) j++;
    numberEnd = j;
    // A separator counts only when another group follows it.
    const c = text.charCodeAt(j);
    let next = j;
    if (isSep(c)) next++;
    const n = text.charCodeAt(next);
    // `(0)8` and `(555)123` join without a separator; bare groups are maximal, so need one.
    if (!(isDigit(n) || (n === 40 && isDigit(text.charCodeAt(next + 1))))) break;
    if (next > j && !separators.includes(text[j]!)) separators += text[j]!;
    i = next;
  }
  if (numberEnd < 0) return undefined;
  return { start, numberEnd, end: extensionEnd(text, numberEnd), digits, groups, separators, plus, parens };
}

/** End of an extension such as `x4587`, ` ext. 12` or ` ext 12` right after the number. */
function extensionEnd(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i) | 0x20;
  if (c === 120) {
    i++;
  } else if (c === 101 && text.slice(i + 1, i + 3).toLowerCase() === 'xt') {
    i += 3;
    if (text.charCodeAt(i) === 46) i++;
    if (text.charCodeAt(i) === 32) i++;
  } else {
    return at;
  }
  const digitsStart = i;
  while (i < text.length && i - digitsStart < 6 && isDigit(text.charCodeAt(i))) i++;
  if (i === digitsStart || isDigit(text.charCodeAt(i)) || isAsciiLetter(text.charCodeAt(i))) return at;
  return i;
}
