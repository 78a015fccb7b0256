import { charTables } from './char-case.js';

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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Hash of every line break token. */
export const NEWLINE_HASH = Math.imul(FNV_OFFSET ^ 10, FNV_PRIME);

// Local copies: hot loops below must not go through module bindings.
const LETTER = 1;
const DIGIT = 2;
const UPPER = 4;
const LOWER = 8;
const WORD = LETTER | DIGIT | 16; // letters, digits, underscore
const APOSTROPHE = 32;
const HYPHEN = 64;

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
  /** Lexicon flags of each token (see `WordFlag`); filled by the caller, not the tokenizer. */
  flags: Uint8Array;

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
 * possessive "'s", which is split off so "Anna's" shares its hash with "Anna".
 */
export function tokenize(text: string, into: TokenList = new TokenList()): TokenList {
  const { lower, cls } = charTables();
  const n = text.length;
  into.reserve(n + 1);
  const { start, end, shape, hash } = into;
  let k = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 10 || c === 13 || c === 0x2028) {
      // A line break with the whitespace around it is one token: signatures and addresses are
      // laid out in lines, so the model should see where a line starts.
      const s = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d !== 10 && d !== 13 && d !== 32 && d !== 9) break;
        i++;
      }
      start[k] = s;
      end[k] = i;
      shape[k] = 11;
      hash[k] = NEWLINE_HASH;
      k++;
      continue;
    }
    const ci = cls[c] as number;
    if ((ci & WORD) !== 0) {
      const s = i;
      let h = FNV_OFFSET;
      // The OR of the word's character classes and its count of capitals decide its shape:
      // branch-free bookkeeping keeps this per-character loop tight.
      let seen = 0;
      let upper = 0;
      const firstUpper = (ci & UPPER) !== 0;
      // `d`/`b` are the current code unit and its class, carried over to avoid reading twice.
      let d = c;
      let b = ci;
      for (;;) {
        seen |= b;
        upper += (b >> 2) & 1; // UPPER is bit 2
        h = Math.imul(h ^ (lower[d] as number), FNV_PRIME);
        if (++i >= n) break;
        d = text.charCodeAt(i);
        b = cls[d] as number;
        if ((b & WORD) !== 0) continue;
        // Joiners stay inside a word only when a letter (or digit, for hyphens) follows.
        if ((b & (APOSTROPHE | HYPHEN)) === 0 || i + 1 >= n || (seen & LETTER) === 0) break;
        const f = text.charCodeAt(i + 1);
        const fc = cls[f] as number;
        if ((b & APOSTROPHE) !== 0 && (fc & LETTER) !== 0) {
          const g = i + 2 < n ? (cls[text.charCodeAt(i + 2)] as number) : 0;
          if ((f === 115 || f === 83) && (g & LETTER) === 0) break;
        } else if ((b & HYPHEN) === 0 || (fc & (LETTER | DIGIT)) === 0) {
          break;
        }
        h = Math.imul(h ^ ((b & APOSTROPHE) !== 0 ? 39 : 45), FNV_PRIME);
        i++;
        d = f;
        b = fc;
      }
      start[k] = s;
      end[k] = i;
      hash[k] = h;
      shape[k] = wordShape(i - s, seen, upper, firstUpper);
      k++;
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
    k++;
  }
  into.count = k;
  return into;
}

/** Shape of a word of `len` code units whose classes OR to `seen`, with `upper` capitals. */
function wordShape(len: number, seen: number, upper: number, firstUpper: boolean): number {
  if ((seen & 16) !== 0) return 8; // underscore
  if ((seen & LETTER) === 0) return 6;
  if ((seen & DIGIT) !== 0) return 7;
  if (upper === 0) return (seen & LOWER) === 0 ? 9 : 0;
  if ((seen & LOWER) === 0) return len === 1 ? 3 : 2;
  if (!firstUpper) return 4;
  return upper === 1 ? 1 : 5;
}
