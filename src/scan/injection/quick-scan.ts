import { PACKED_LETTERS, PackedWordSet, packLetters } from './packed-words.js';
import { textUnits } from './text-units.js';

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
  /**
   * Those runs, `[start0, end0, start1, end1, ...]` (`collapseRuns` changes just them); undefined
   * when there are more than {@link MAX_WHITESPACE_RUNS}.
   */
  readonly whitespaceRuns: readonly number[] | undefined;
  /** A whole run of letters that is the rot13 of a common word (`findRot13`'s test). */
  readonly rot13: boolean;
  /** A letter next to a digit or symbol that leetspeak uses (`findLeet`'s test). */
  readonly leet: boolean;
  /**
   * Where each such pair of characters begins, in order, overlapping ones included (`findLeet`'s
   * seams); undefined when there are more than {@link MAX_SEAMS}.
   */
  readonly leetSeams: readonly number[] | undefined;
}

/** Most leet seams listed; a text with more is searched by `findLeet` itself. */
const MAX_SEAMS = 256;
/** Most whitespace runs listed; a text with more is collapsed by `collapseWhitespace` itself. */
const MAX_WHITESPACE_RUNS = 256;

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
  // Units from a typed array (units[n] is 0, of class 0), the constants in locals: see quickScan.
  const units = textUnits(text);
  const classes = CLASSES;
  const min = MIN_RUN;
  const bit = BASE64;
  let p = min - 1;
  while (p < n) {
    let c = units[p] as number;
    if (c >= 0x80 || ((classes[c] as number) & bit) === 0) {
      p += min;
      continue;
    }
    let start = p;
    while (start > 0 && (c = units[start - 1] as number) < 0x80 && ((classes[c] as number) & bit) !== 0) start--;
    let end = p + 1;
    while ((c = units[end] as number) < 0x80 && ((classes[c] as number) & bit) !== 0) end++;
    if (end - start >= min) keepRun(text, start, end, base64, hex);
    // The next position that is 15 modulo 16 past this run (text[end] is no base64 character).
    p = end + ((min - 1 - (end % min) + min) % min);
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

/**
 * Bit k set when some hint has k letters, and bit k when some hint starts with the k-th letter
 * (a = 1): most words fail these two tests, and are not looked up at all. (A shift counts modulo
 * 32, so a word of 32 letters or more may pass the first; the lookup still decides.)
 */
const HINT_LENGTHS = ROT13_HINTS.reduce((bits, w) => bits | (1 << w.length), 0);
const HINT_FIRSTS = ROT13_HINTS.reduce((bits, w) => bits | (1 << (w.charCodeAt(0) - 0x60)), 0);

/** The long hints' first PACKED_LETTERS letters, packed: a long word is compared only when its start is one. */
const LONG_HINT_STARTS: readonly number[] = [...LONG_HINTS].map((w) => packLetters(w.slice(0, PACKED_LETTERS)));

/** `key`: the word's first PACKED_LETTERS letters (all of a shorter word), packed. */
function isRot13Hint(text: string, start: number, end: number, key: number): boolean {
  const length = end - start;
  if (length <= PACKED_LETTERS) return SHORT_HINTS.has(key);
  return LONG_HINT_LENGTH[length] === 1 && LONG_HINT_STARTS.includes(key) && LONG_HINTS.has(text.slice(start, end).toLowerCase());
}

/**
 * Adds the whitespace run `units[start, end)` (of a text of `n` units) to `runs` when
 * `collapseWhitespace` changes it: longer than one, not a space or line feed, or at either end.
 * Undefined once there are more than MAX_WHITESPACE_RUNS.
 */
function recordRun(runs: number[] | undefined, units: Uint16Array, start: number, end: number, n: number): number[] | undefined {
  if (runs === undefined) return undefined;
  const c = units[start] as number;
  if (end - start === 1 && (c === 0x20 || c === 0x0a) && start !== 0 && end !== n) return runs;
  return runs.push(start, end) > 2 * MAX_WHITESPACE_RUNS ? undefined : runs;
}

/**
 * One pass over a lower-cased text answering the cheap questions the normalisation steps begin
 * with, so that a plain text skips them. The answers are exactly the steps' own tests (the
 * whitespace, rot13 and leet answers also hold after whitespace is collapsed, which changes no
 * letter's neighbours). The pass goes a run of letters at a time: inside one only the packed key
 * changes, and every question is about a run's ends or the characters between runs.
 */
export function quickScan(text: string): QuickScan {
  const n = text.length;
  // Units from a typed array (units[n] is 0, no letter), classes from a local: in optimised code
  // every charCodeAt dispatches on the string's layout and every module-level constant is a load.
  const units = textUnits(text);
  const classes = CLASSES;
  const hintLengths = HINT_LENGTHS;
  const hintFirsts = HINT_FIRSTS;
  let spacedLetters = false;
  let rot13 = false;
  let leet = false;
  // Spaced letters: as `joinSpacedLetters` counts them.
  let count = 0;
  let lastEnd = -10;
  let rowStart = -1;
  const spacedRuns: number[] = [];
  let seams: number[] | undefined = [];
  // Whitespace: where the current run began (-1: none), and the runs that change.
  let runStart = -1;
  let runs: number[] | undefined = [];
  let i = 0;
  while (i < n) {
    let c = units[i] as number;
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) {
      if (runStart >= 0) {
        runs = recordRun(runs, units, runStart, i, n);
        runStart = -1;
      }
      // A run of letters, its first PACKED_LETTERS letters packed.
      const start = i;
      let key = 0;
      do {
        if (i - start < 6) key = (key << 5) | ((c | 0x20) - 0x60);
        c = units[++i] as number;
      } while ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
      const before = start > 0 ? (units[start - 1] as number) : -1;
      const beforeClass = before >= 0 && before < 0x80 ? (classes[before] as number) : 0;
      const afterClass = c < 0x80 ? (classes[c] as number) : 0; // c = units[i], 0 at the end
      // Seams: a leet character, then the run's first letter; the run's last letter, then one.
      if ((beforeClass & LEET_BEFORE) !== 0) {
        leet = true;
        if (seams !== undefined && seams.push(start - 1) > MAX_SEAMS) seams = undefined;
      }
      if (i < n && (afterClass & LEET_AFTER) !== 0) {
        leet = true;
        if (seams !== undefined && seams.push(i - 1) > MAX_SEAMS) seams = undefined;
      }
      if (!rot13 && ((hintLengths >>> (i - start)) & (hintFirsts >>> (((units[start] as number) | 0x20) - 0x60)) & 1) !== 0 && isRot13Hint(text, start, i, key)) rot13 = true;
      if (i - start === 1 && (beforeClass & ALNUM) === 0 && (afterClass & ALNUM) === 0) {
        // A lone letter.
        let ok = start - lastEnd <= 4 && start - lastEnd >= 2;
        for (let k = lastEnd + 1; ok && k < start; k++) {
          const between = units[k] as number;
          if (between >= 0x80 || ((classes[between] as number) & SEPARATOR) === 0) ok = false;
        }
        count = ok ? count + 1 : 1;
        if (count === 1) rowStart = start;
        if (count === 4) {
          spacedLetters = true;
          spacedRuns.push(rowStart);
        }
        lastEnd = start;
      }
      continue;
    }
    if (c < 0x80 ? ((classes[c] as number) & SPACE) !== 0 : isWideSpace(c)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      runs = recordRun(runs, units, runStart, i, n);
      runStart = -1;
    }
    i++;
  }
  if (runStart >= 0) runs = recordRun(runs, units, runStart, n, n);
  // Past MAX_WHITESPACE_RUNS the list is dropped, but there were such runs.
  const whitespace = runs === undefined || runs.length > 0;
  return { spacedLetters, spacedRuns, whitespace, whitespaceRuns: runs, rot13, leet, leetSeams: seams };
}
