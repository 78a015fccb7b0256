import { Shape, type TokenList } from './tokenize.js';

// Token tests shared by the street-line rules and the address-block growing. Module-local
// copies of the shapes: hot loops must not read imported bindings.
const S_LOWER = Shape.LOWER;
const S_CAPITALIZED = Shape.CAPITALIZED;
const S_ALL_CAPS = Shape.ALL_CAPS;
const S_INITIAL = Shape.INITIAL;
const S_MIXED_CAP = Shape.MIXED_CAP;
const S_DIGITS = Shape.DIGITS;
const S_ALNUM = Shape.ALNUM;
const S_CASELESS = Shape.CASELESS;
const S_NEWLINE = Shape.NEWLINE;
const S_PUNCT = Shape.PUNCT;
const F_LOCATION = 2;
const F_COMMON = 8;

/** Token hash of a one-character token (as the tokenizer computes it). */
export const charHash = (c: number): number => Math.imul(0x811c9dc5 ^ c, 0x01000193);
export const COMMA = charHash(44);
export const DOT = charHash(46);
export const HYPHEN = charHash(45);

/** Score of a street line found by the rules alone (house number + street-type word). */
export const RULE_SCORE = 0.8;

/** A span in token indices, both ends inclusive. */
export interface Block {
  first: number;
  last: number;
  score: number;
}

export function isNumber(text: string, toks: TokenList, i: number): boolean {
  const shape = toks.shape[i] as number;
  const len = (toks.end[i] as number) - (toks.start[i] as number);
  if (shape === S_DIGITS) return len <= 6;
  if (shape !== S_ALNUM || len > 7) return false;
  const c = text.charCodeAt(toks.start[i] as number);
  return c >= 48 && c <= 57; // "221B", "12a"; not "B12" or "x86"
}

/** A house number or a postcode; postcodes may mix letters and digits ("NW1 6XE", "K1A 0B1"). */
export function isCode(text: string, toks: TokenList, i: number): boolean {
  const shape = toks.shape[i] as number;
  if (shape === S_ALNUM) return (toks.end[i] as number) - (toks.start[i] as number) <= 8;
  return shape === S_DIGITS && isNumber(text, toks, i);
}

/** A word that may be part of a proper name: capitalised, or any uncommon word in caseless text. */
export function isNameWord(toks: TokenList, i: number, caseless: boolean): boolean {
  const shape = toks.shape[i] as number;
  const flags = toks.flags[i] as number;
  // A region code ("IL", "NSW") may collide with a common word ("il" in Italian).
  if (shape === S_ALL_CAPS && (toks.end[i] as number) - (toks.start[i] as number) <= 3) return true;
  if (shape === S_CAPITALIZED || shape === S_ALL_CAPS || shape === S_MIXED_CAP) {
    // "Thanks", "Please", "Monday": capitalised, but a city or street is not called that.
    return (flags & F_COMMON) === 0 || (flags & F_LOCATION) !== 0;
  }
  if (shape === S_INITIAL || shape === S_CASELESS) return true;
  return caseless && shape === S_LOWER && (flags & F_COMMON) === 0;
}

export function sameLine(toks: TokenList, i: number): boolean {
  return i >= 0 && i < toks.count && (toks.shape[i] as number) !== S_NEWLINE;
}

/** True when token `i` is a "." closing an abbreviation ("St.", "ul.", "Apt."), not a sentence. */
export function isAbbreviationDot(toks: TokenList, i: number): boolean {
  if ((toks.hash[i] as number) !== DOT || i === 0) return false;
  const prev = i - 1;
  const len = (toks.end[prev] as number) - (toks.start[prev] as number);
  return (toks.shape[prev] as number) < S_PUNCT && len <= 4 && (toks.end[prev] as number) === (toks.start[i] as number);
}


/**
 * True when number `n` hangs on the token before it ("M.2", "2006–07", "v2"): part of a
 * version, a range or a model name, not a house number.
 */
export function isGlued(toks: TokenList, n: number): boolean {
  if (n === 0 || (toks.end[n - 1] as number) !== (toks.start[n] as number)) return false;
  return (toks.shape[n - 1] as number) !== S_NEWLINE;
}

