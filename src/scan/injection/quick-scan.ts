import { PACKED_LETTERS, PackedWordSet, packLetters } from './packed-words.js';

/** Runs of base64 characters and of hex digits long enough to be encoded payloads. */
export interface EncodedRuns {
  /** Runs of 16+ base64 characters mixing upper case with lower case or digits, `=` padding included (at most 16). */
  readonly base64: readonly string[];
  /** Runs of 16+ hex digits, even length, a `0x` prefix dropped (at most 16). */
  readonly hex: readonly string[];
}

/** What one pass over a text says about the normalisation steps still to run. */
export interface QuickScan {
  /** Four lone letters in a row, one to three separators apart: spaced-out letters may need joining. */
  readonly spacedLetters: boolean;
  /** Where each such row (of four or more) begins: its first letter. */
  readonly spacedRuns: readonly number[];
  /** A whitespace run that `collapseWhitespace` would change (at an end, longer than one, or not a space or line feed). */
  readonly whitespace: boolean;
  /** A whole run of letters that is the rot13 of a common word (`findRot13`'s test). */
  readonly rot13: boolean;
  /** A letter next to a digit or symbol that leetspeak uses (`findLeet`'s test). */
  readonly leet: boolean;
}

/** Shortest run of base64 or hex characters worth decoding, and most runs kept per encoding. */
const MIN_RUN = 16;
const MAX_RUNS = 16;

// Character classes of ASCII, one bit each, so the pass reads one table entry per character.
const BASE64 = 1; // A–Z a–z 0–9 + / _ -
const HEX = 2; // 0–9 A–F a–f
const LETTER = 4; // A–Z a–z
const UPPER = 8; // A–Z
const ALNUM = 16; // A–Z a–z 0–9
const SEPARATOR = 32; // what may stand between spaced-out letters: space . - _ * | / ,
const LEET_BEFORE = 64; // [0134578@$|]: leetspeak for a letter, before a letter
const LEET_AFTER = 128; // [0134578@$|!]: the same after a letter
const SPACE = 256; // ASCII whitespace: tab to carriage return, space

const CLASSES = (() => {
  const table = new Uint16Array(128);
  const mark = (chars: string, bit: number): void => {
    for (const ch of chars) table[ch.charCodeAt(0)] = (table[ch.charCodeAt(0)] as number) | bit;
  };
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const lower = upper.toLowerCase();
  const digits = '0123456789';
  mark(upper + lower + digits + '+/_-', BASE64);
  mark(digits + 'ABCDEFabcdef', HEX);
  mark(upper + lower, LETTER);
  mark(upper, UPPER);
  mark(upper + lower + digits, ALNUM);
  mark(' .-_*|/,', SEPARATOR);
  mark('0134578@$|', LEET_BEFORE);
  mark('0134578@$|!', LEET_AFTER);
  mark('\t\n\u000b\u000c\r ', SPACE);
  return table;
})();

function classOf(c: number): number {
  return c >= 0 && c < 128 ? (CLASSES[c] as number) : 0;
}

/** A hex digit. */
export function isHexChar(c: number): boolean {
  return (classOf(c) & HEX) !== 0;
}

/** The whitespace of `collapseWhitespace` beyond ASCII. */
function isWideSpace(c: number): boolean {
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** "0x" followed by an even number of hex digits only. */
function isPrefixedHex(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) !== 0x30 || (text.charCodeAt(start + 1) | 0x20) !== 0x78 || (end - start) % 2 !== 0) return false;
  for (let k = start + 2; k < end; k++) if (!isHexChar(text.charCodeAt(k))) return false;
  return true;
}

/**
 * The runs of base64 characters (16+, mixing upper case with lower case or digits, as encoded text
 * does and words and identifiers mostly do not) and of hex digits (16+, even length), in order.
 * Every run of 16 or more holds a position that is 15 modulo 16, so only those positions are read
 * first; a run is read whole only from one of them (words are short: most are read in part).
 */
export function encodedRuns(text: string): EncodedRuns {
  const base64: string[] = [];
  const hex: string[] = [];
  const n = text.length;
  let p = MIN_RUN - 1;
  while (p < n) {
    if ((classOf(text.charCodeAt(p)) & BASE64) === 0) {
      p += MIN_RUN;
      continue;
    }
    let start = p;
    while (start > 0 && (classOf(text.charCodeAt(start - 1)) & BASE64) !== 0) start--;
    let end = p + 1;
    while (end < n && (classOf(text.charCodeAt(end)) & BASE64) !== 0) end++;
    if (end - start >= MIN_RUN) keepRun(text, start, end, base64, hex);
    // The next position that is 15 modulo 16 past this run (text[end] is no base64 character).
    p = end + ((MIN_RUN - 1 - (end % MIN_RUN) + MIN_RUN) % MIN_RUN);
  }
  return { base64, hex };
}

/** Files the run text[start, end) (16+ base64 characters) as hex, base64 or neither. */
function keepRun(text: string, start: number, end: number, base64: string[], hex: string[]): void {
  let upper = false;
  let lowerOrDigit = false;
  let allHex = true;
  for (let k = start; k < end; k++) {
    const cls = classOf(text.charCodeAt(k));
    if ((cls & UPPER) !== 0) upper = true;
    else if ((cls & ALNUM) !== 0) lowerOrDigit = true;
    if ((cls & HEX) === 0) allHex = false;
  }
  const length = end - start;
  if (allHex && length % 2 === 0 && hex.length < MAX_RUNS) hex.push(text.slice(start, end));
  else if (isPrefixedHex(text, start, end) && hex.length < MAX_RUNS) hex.push(text.slice(start + 2, end));
  else if (upper && lowerOrDigit && base64.length < MAX_RUNS) {
    let padded = end;
    while (padded < text.length && padded - end < 2 && text.charCodeAt(padded) === 0x3d) padded++;
    base64.push(text.slice(start, padded));
  }
}

// rot13 of "the", "and", "you", "your", "is", "to", "of", "all", "ignore", "previous", "instructions",
// "password", "secret", "prompt", "system", "say", "now": findRot13 reads on only when one occurs.
const ROT13_HINTS = [
  'gur', 'naq', 'lbh', 'lbhe', 'vf', 'gb', 'bs', 'nyy', 'vtaber', 'cerivbhf', 'vafgehpgvbaf', 'cnffjbeq', 'frperg',
  'cebzcg', 'flfgrz', 'fnl', 'abj',
];
const SHORT_HINTS = new PackedWordSet(ROT13_HINTS);
const LONG_HINTS: ReadonlySet<string> = new Set(ROT13_HINTS.filter((w) => w.length > PACKED_LETTERS));
/** Per length, whether a long hint has it. */
const LONG_HINT_LENGTH = (() => {
  const lengths = new Uint8Array(Math.max(...ROT13_HINTS.map((w) => w.length)) + 1);
  for (const word of LONG_HINTS) lengths[word.length] = 1;
  return lengths;
})();

/** The long hints' first PACKED_LETTERS letters, packed: a long word is compared only when its start is one. */
const LONG_HINT_STARTS: readonly number[] = [...LONG_HINTS].map((w) => packLetters(w.slice(0, PACKED_LETTERS)));

/** `key`: the word's first PACKED_LETTERS letters (all of a shorter word), packed. */
function isRot13Hint(text: string, start: number, end: number, key: number): boolean {
  const length = end - start;
  if (length <= PACKED_LETTERS) return SHORT_HINTS.has(key);
  return LONG_HINT_LENGTH[length] === 1 && LONG_HINT_STARTS.includes(key) && LONG_HINTS.has(text.slice(start, end).toLowerCase());
}

/**
 * One pass over a lower-cased text answering the cheap questions the normalisation steps begin
 * with, so that a plain text skips them. The answers are exactly the steps' own tests (the
 * whitespace, rot13 and leet answers also hold after whitespace is collapsed, which changes no
 * letter's neighbours).
 */
export function quickScan(text: string): QuickScan {
  const n = text.length;
  let spacedLetters = false;
  let whitespace = false;
  let rot13 = false;
  let leet = false;
  // The current run of letters, and its letters packed while it is short.
  let wordStart = -1;
  let key = 0;
  // Spaced letters: as `joinSpacedLetters` counts them.
  let count = 0;
  let lastEnd = -10;
  let rowStart = -1;
  const spacedRuns: number[] = [];
  let prevClass = 0; // of the previous character (0 at the start)
  let prevSpace = false;
  // Each character is read once, as the next one, then becomes the current one.
  let next = n > 0 ? text.charCodeAt(0) : -1;
  let cls = classOf(next);
  for (let i = 0; i <= n; i++) {
    const c = next;
    next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    const nextClass = classOf(next);
    if ((cls & LETTER) !== 0) {
      if (wordStart < 0) {
        wordStart = i;
        key = 0;
      }
      if (i - wordStart < PACKED_LETTERS) key = (key << 5) | ((c | 0x20) - 0x60);
      if ((prevClass & LEET_BEFORE) !== 0) leet = true;
      prevSpace = false;
      if ((prevClass & ALNUM) === 0 && (nextClass & ALNUM) === 0) {
        let ok = i - lastEnd <= 4 && i - lastEnd >= 2;
        for (let k = lastEnd + 1; ok && k < i; k++) if ((classOf(text.charCodeAt(k)) & SEPARATOR) === 0) ok = false;
        count = ok ? count + 1 : 1;
        if (count === 1) rowStart = i;
        if (count === 4) {
          spacedLetters = true;
          spacedRuns.push(rowStart);
        }
        lastEnd = i;
      }
    } else {
      if (wordStart >= 0) {
        if (!rot13 && isRot13Hint(text, wordStart, i, key)) rot13 = true;
        wordStart = -1;
      }
      if ((prevClass & LETTER) !== 0 && (cls & LEET_AFTER) !== 0) leet = true;
      const space = (cls & SPACE) !== 0 || (c >= 0x80 && isWideSpace(c));
      if (space && !whitespace && (i === 0 || i === n - 1 || prevSpace || (c !== 0x20 && c !== 0x0a))) whitespace = true;
      prevSpace = space;
    }
    prevClass = cls;
    cls = nextClass;
  }
  return { spacedLetters, spacedRuns, whitespace, rot13, leet };
}
