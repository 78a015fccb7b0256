import { charTables } from './char-case.js';
import { Shape, type TokenList } from './tokenize.js';
import type { WordMap } from './word-map.js';

/** Lexicon flags of a lower-cased word, derived from training data and small hand lists. */
export const WordFlag = {
  PERSON: 1,
  LOCATION: 2,
  ORGANIZATION: 4,
  /** A frequent lower-case word that is (almost) never part of an entity. */
  COMMON: 8,
  TITLE: 16,
  STREET: 32,
  ORG_SUFFIX: 64,
  ADDRESS_UNIT: 128,
} as const;

/** Upper bound of the number of feature keys written for one token. */
export const MAX_FEATURES = 32;

// Module-local copies: hot loops must not read imported bindings (transpilers may turn those
// into getter calls).
const tables = charTables;
const S_LOWER = Shape.LOWER;
const S_CAPITALIZED = Shape.CAPITALIZED;
const S_ALL_CAPS = Shape.ALL_CAPS;
const S_INITIAL = Shape.INITIAL;
const S_MIXED_CAP = Shape.MIXED_CAP;
const S_PUNCT = Shape.PUNCT;
const S_DIGITS = Shape.DIGITS;
const S_CAMEL = Shape.CAMEL;
const S_IDENTIFIER = Shape.IDENTIFIER;
const S_NEWLINE = Shape.NEWLINE;
const F_PERSON = 1;
const F_COMMON = 8;
const NAME_FLAGS = 1 | 2 | 4;
const MAX_NAME_WORD = 40;

const BOS = 0x5bd1e995;
const EOS = 0x1b873593;

/** Mixes a template id with a value into a well-spread 32-bit feature key. */
export function mix(template: number, value: number): number {
  let h = Math.imul(template, 0x9e3779b1) ^ value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Fills `toks.flags` from the lexicon. */
export function lookupFlags(toks: TokenList, words: WordMap): void {
  const { hash, flags, shape, count } = toks;
  // The lexicon holds words only (no numbers, no punctuation): skip the probe for the rest.
  for (let i = 0; i < count; i++) {
    const s = shape[i] as number;
    flags[i] = s >= S_PUNCT || s === S_DIGITS ? 0 : words.get(hash[i] as number);
  }
}

/**
 * True when the text is written (almost) without capitals, as in "my name is john smith". Then
 * case says nothing and every uncommon word must be scored; in cased text an uncommon
 * lower-case word is scored only when the lexicon knows it as (part of) a name.
 */
export function isCaselessText(toks: TokenList): boolean {
  // The tokenizer counts the words by case as it makes them.
  const capitals = toks.casedWords;
  return capitals * 40 <= toks.lowerWords + capitals;
}

/**
 * True when token `i` must be scored although the previous token is outside any entity.
 * Punctuation, frequent lower-case words, "I", and capitalised common words opening a sentence
 * ("The", "Please") are not; this skips most tokens of chat text.
 */
export function isCandidate(toks: TokenList, i: number, caseless: boolean): boolean {
  const shape = toks.shape[i] as number;
  // Code identifiers (getUserName, user_id) are not names, whatever their case says.
  if (shape >= S_PUNCT || shape === S_CAMEL || shape === S_IDENTIFIER) return false;
  // Nor is a very long token (a hash, a base64 blob, a run of one letter).
  if ((toks.end[i] as number) - (toks.start[i] as number) > MAX_NAME_WORD) return false;
  const flags = toks.flags[i] as number;
  if (shape === S_LOWER) {
    // In cased text a lower-case word starts an entity only if it is a known personal name.
    if ((flags & F_COMMON) !== 0) return false;
    return caseless || (flags & F_PERSON) !== 0;
  }
  if ((flags & F_COMMON) === 0) return true;
  if (shape === S_INITIAL) return (toks.hash[i] as number) !== LOWER_I;
  // A common word that is also known as a name ("Will", "Rose") is still scored.
  return !((flags & (F_COMMON | NAME_FLAGS)) === F_COMMON && shape === S_CAPITALIZED && sentenceStart(toks, i));
}

function sentenceStart(toks: TokenList, i: number): boolean {
  if (i === 0) return true;
  const shape = toks.shape[i - 1] as number;
  if (shape === S_NEWLINE) return true;
  if (shape !== S_PUNCT) return false;
  const h = toks.hash[i - 1] as number;
  return h === DOT || h === QUESTION || h === BANG || h === QUOTE;
}

const charHash = (c: number): number => Math.imul(0x811c9dc5 ^ c, 0x01000193);
const DOT = charHash(46);
const QUESTION = charHash(63);
const BANG = charHash(33);
const QUOTE = charHash(34);
const LOWER_I = charHash(105);

function affixHash(text: string, lower: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let j = from; j < to; j++) h = Math.imul(h ^ (lower[text.charCodeAt(j)] as number), 0x01000193);
  return h;
}

/** Coarse case of a shape, so that lexicon features generalise over "JOHN", "John", "john". */
function caseClass(shape: number): number {
  if (shape === S_CAPITALIZED || shape === S_MIXED_CAP) return 1;
  if (shape === S_ALL_CAPS || shape === S_INITIAL) return 2;
  return shape === S_LOWER ? 0 : 3;
}

/**
 * The template of each key `staticFeatures` writes, in its order: the word and its neighbours
 * (1-6), shapes (7-10), word-shape and word-pair crosses (11-14), length, lexicon flags and
 * position (15-19), column in the line (24), then affixes of words of 4+ units (20-23).
 */
const STATIC_TEMPLATES = Int32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 24, 20, 21, 22, 23);

/**
 * Writes the label-independent feature keys of token `i` into `out` and returns their count.
 * Templates: the word and its neighbours (lower-cased), shapes, affixes, lexicon flags and
 * where the token sits in its line.
 */
export function staticFeatures(text: string, toks: TokenList, i: number, out: Int32Array): number {
  const { hash, shape, flags, start, end, count } = toks;
  const w0 = hash[i] as number;
  const s0 = shape[i] as number;
  const f0 = flags[i] as number;
  const wm1 = i > 0 ? (hash[i - 1] as number) : BOS;
  const wm2 = i > 1 ? (hash[i - 2] as number) : BOS;
  const wp1 = i + 1 < count ? (hash[i + 1] as number) : EOS;
  const wp2 = i + 2 < count ? (hash[i + 2] as number) : EOS;
  const sm1 = i > 0 ? (shape[i - 1] as number) : 15;
  const sp1 = i + 1 < count ? (shape[i + 1] as number) : 15;
  const fm1 = i > 0 ? (flags[i - 1] as number) : 0;
  const fp1 = i + 1 < count ? (flags[i + 1] as number) : 0;
  const a = start[i] as number;
  const b = end[i] as number;
  const len = b - a;
  const c0 = caseClass(s0);
  const lineStart = sm1 === S_NEWLINE || sm1 === 15 ? 1 : 0;
  // Each key is `mix(template, value)`: the values first, then one loop mixes them in (one call
  // site, which the compiler inlines; thirty would run past its inlining budget and stay calls).
  let n = 0;
  out[n++] = 0;
  out[n++] = w0;
  out[n++] = wm1;
  out[n++] = wp1;
  out[n++] = wm2;
  out[n++] = wp2;
  out[n++] = s0;
  out[n++] = (sm1 << 8) | (s0 << 4) | sp1;
  out[n++] = (sm1 << 4) | s0;
  out[n++] = (s0 << 4) | sp1;
  out[n++] = mix(wm1, s0);
  out[n++] = mix(wp1, s0);
  out[n++] = mix(w0, s0);
  out[n++] = mix(wm1, w0);
  out[n++] = (Math.min(len, 12) << 4) | s0;
  out[n++] = (f0 << 4) | c0;
  out[n++] = (fm1 << 8) | (f0 << 2) | c0;
  out[n++] = (f0 << 8) | (fp1 << 2) | c0;
  out[n++] = (lineStart << 8) | (s0 << 4) | ((f0 & F_COMMON) !== 0 ? 1 : 0);
  // Where the token sits in its line: addresses and signatures are laid out in lines.
  let col = 0;
  while (col < 3 && i - col > 0 && (shape[i - col - 1] as number) !== S_NEWLINE) col++;
  const lineEnd = sp1 === S_NEWLINE || sp1 === 15 ? 1 : 0;
  out[n++] = (col << 8) | (lineEnd << 6) | (s0 << 1) | (i - col === 0 ? 1 : 0);
  if (len >= 4) {
    const lower = tables().lower;
    out[n++] = affixHash(text, lower, b - 3, b);
    out[n++] = affixHash(text, lower, a, a + 3);
    out[n++] = affixHash(text, lower, b - 4, b);
    out[n++] = affixHash(text, lower, b - 2, b);
  }
  const templates = STATIC_TEMPLATES;
  for (let k = 0; k < n; k++) out[k] = mix(templates[k] as number, out[k] as number);
  return n;
}

/** Appends the features that depend on the two previous labels; returns the new count. */
export function labelFeatures(
  toks: TokenList,
  i: number,
  prev: number,
  prev2: number,
  out: Int32Array,
  n: number,
): number {
  const s0 = toks.shape[i] as number;
  out[n++] = mix(30, prev);
  out[n++] = mix(31, (prev << 4) | s0);
  out[n++] = mix(32, (prev2 << 4) | prev);
  out[n++] = mix(33, mix(toks.hash[i] as number, prev));
  return n;
}
