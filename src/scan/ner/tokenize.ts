import { charTables } from './char-case.js';
import { codeUnits } from './code-units.js';
import { WordMap } from './word-map.js';

/** Word shape classes; they feed the model, so their numbers are part of the model format. */
export const Shape = {
  LOWER: 0,
  CAPITALIZED: 1,
  ALL_CAPS: 2,
  INITIAL: 3,
  CAMEL: 4,
  MIXED_CAP: 5,
  DIGITS: 6,
  ALNUM: 7,
  IDENTIFIER: 8,
  CASELESS: 9,
  /** Shapes from here on are not words. */
  PUNCT: 10,
  NEWLINE: 11,
  SYMBOL: 12,
} as const;

// `| 0`: as a signed 32-bit value the running hash stays an integer in optimised code; the
// unsigned literal (above 2^31) would make it a double, converted on every character.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Hash of every line break token. */
export const NEWLINE_HASH = Math.imul(FNV_OFFSET ^ 10, FNV_PRIME);

// Character classes (`CharClass`) as they sit in `CharTables.info`, above the lower-case unit.
const LETTER = 1;
const DIGIT = 2;
const UPPER = 4;
const LOWER = 8;
const W_LETTER = LETTER << 16;
const W_DIGIT = DIGIT << 16;
const W_WORD = (LETTER | DIGIT | 16) << 16; // letters, digits, underscore
const W_APOSTROPHE = 32 << 16;
const W_HYPHEN = 64 << 16;
/** Without a lexicon every word's flags are 0 (the caller fills them, see `lookupFlags`). */
const NO_WORDS = new WordMap([], []);
/** `CharTables.info` of a space: no class, lower-case form 32. */
const W_SPACE = 32;

/**
 * Tokens of one text as parallel typed arrays (no object per token). Offsets are UTF-16
 * code units; `hash` is a 32-bit FNV-1a hash of the lower-cased token, so "JOHN", "John" and
 * "john" share it.
 */
export class TokenList {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  shape: Uint8Array;
  hash: Int32Array;
  /**
   * Lexicon flags of each token (see `WordFlag`): filled when `tokenize` is given the lexicon,
   * else by the caller (`lookupFlags`).
   */
  flags: Uint8Array;
  /** Words in lower case, and capitalised, all-caps or mixed-case ones (see `isCaselessText`). */
  lowerWords = 0;
  casedWords = 0;

  constructor(capacity = 256) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.shape = new Uint8Array(capacity);
    this.hash = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /** Makes room for at least `n` tokens, keeping nothing. */
  reserve(n: number): void {
    if (n <= this.start.length) return;
    const cap = Math.max(n, this.start.length * 2);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.shape = new Uint8Array(cap);
    this.hash = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
  }
}

/**
 * Splits `text` into words, numbers, single punctuation marks and line breaks (whitespace is
 * skipped). Apostrophes and hyphens inside a word stay in it (O'Brien, Jean-Luc), except a
 * possessive "'s", which is split off so "Anna's" shares its hash with "Anna". With `words`,
 * also fills the tokens' lexicon flags (as `lookupFlags` does), saving a pass over the tokens.
 */
export function tokenize(text: string, into: TokenList = new TokenList(), words?: WordMap): TokenList {
  // Typed arrays in locals: this runs over every character of every prompt, and a read of a
  // local typed array is a fraction of the cost of `charCodeAt` or of a module binding.
  const info = charTables().info;
  const codes = codeUnits(text);
  const n = text.length;
  into.reserve(n + 1);
  const { start, end, shape, hash, flags } = into;
  let k = 0;
  let i = 0;
  let lowerWords = 0;
  let casedWords = 0;
  const lexicon = words ?? NO_WORDS;
  const lexKeys = lexicon.keys;
  const lexValues = lexicon.values;
  const lexShift = lexicon.shift;
  const lexMask = lexKeys.length - 1;
  while (i < n) {
    const c = codes[i] as number;
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 10 || c === 13 || c === 0x2028) {
      // A line break with the whitespace around it is one token: signatures and addresses are
      // laid out in lines, so the model should see where a line starts.
      const s = i;
      let d = codes[++i] as number;
      while (d === 10 || d === 13 || d === 32 || d === 9) d = codes[++i] as number;
      start[k] = s;
      end[k] = i;
      shape[k] = 11;
      hash[k] = NEWLINE_HASH;
      flags[k] = 0;
      k++;
      continue;
    }
    let v = info[c] as number;
    if ((v & W_WORD) !== 0) {
      const s = i;
      // The shape follows from the classes of the first character and the OR of the others'.
      const first = v;
      let rest = 0;
      let h = Math.imul(FNV_OFFSET ^ (v & 0xffff), FNV_PRIME);
      v = info[codes[++i] as number] as number;
      for (;;) {
        // The run of letters, digits and underscores: the hottest loop of the name tier, kept
        // small (the 0 after the text ends it without a bounds test).
        while ((v & W_WORD) !== 0) {
          rest |= v;
          h = Math.imul(h ^ (v & 0xffff), FNV_PRIME);
          v = info[codes[++i] as number] as number;
        }
        // Joiners stay inside a word only when a letter (or digit, for hyphens) follows.
        if ((v & (W_APOSTROPHE | W_HYPHEN)) === 0 || ((first | rest) & W_LETTER) === 0) break;
        const f = codes[i + 1] as number;
        const fv = info[f] as number;
        if ((v & W_APOSTROPHE) !== 0 && (fv & W_LETTER) !== 0) {
          // A possessive "'s" is split off (`i + 2` is at most the 0 after the text).
          const g = info[codes[i + 2] as number] as number;
          if ((f === 115 || f === 83) && (g & W_LETTER) === 0) break;
        } else if ((v & W_HYPHEN) === 0 || (fv & (W_LETTER | W_DIGIT)) === 0) {
          break;
        }
        h = Math.imul(h ^ ((v & W_APOSTROPHE) !== 0 ? 39 : 45), FNV_PRIME);
        i++;
        v = fv;
      }
      const form = wordShape(i - s, first >> 16, rest >> 16);
      start[k] = s;
      end[k] = i;
      hash[k] = h;
      shape[k] = form;
      // The lexicon holds words only, no numbers (the probe is `WordMap.get`, inline).
      let wordFlags = 0;
      if (form !== 6) {
        if (h === 0) {
          wordFlags = lexicon.zeroValue;
        } else {
          let slot = Math.imul(h, 0x9e3779b1) >>> lexShift;
          let key = lexKeys[slot] as number;
          while (key !== h && key !== 0) {
            slot = (slot + 1) & lexMask;
            key = lexKeys[slot] as number;
          }
          if (key === h) wordFlags = lexValues[slot] as number;
        }
      }
      flags[k] = wordFlags;
      if (form === 0) lowerWords++;
      else if (form === 1 || form === 2 || form === 5) casedWords++;
      k++;
      // Most words end at a single space: step over it here rather than in the outer loop.
      if (v === W_SPACE) i++;
      continue;
    }
    const s = i;
    // A surrogate pair (emoji and other astral symbols) is one symbol token.
    const surrogate = c >= 0xd800 && c <= 0xdfff;
    i += surrogate && c <= 0xdbff && i + 1 < n ? 2 : 1;
    start[k] = s;
    end[k] = i;
    hash[k] = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    shape[k] = surrogate ? 12 : 10;
    flags[k] = 0;
    k++;
  }
  into.count = k;
  into.lowerWords = lowerWords;
  into.casedWords = casedWords;
  return into;
}

/**
 * Shape of a word of `len` code units: `first` holds the classes of its first character, `rest`
 * the OR of the others' (joiners left out).
 */
function wordShape(len: number, first: number, rest: number): number {
  const seen = first | rest;
  if ((seen & 16) !== 0) return 8; // underscore
  if ((seen & LETTER) === 0) return 6;
  if ((seen & DIGIT) !== 0) return 7;
  if ((seen & UPPER) === 0) return (seen & LOWER) === 0 ? 9 : 0;
  if ((seen & LOWER) === 0) return len === 1 ? 3 : 2;
  if ((first & UPPER) === 0) return 4;
  return (rest & UPPER) === 0 ? 1 : 5;
}
