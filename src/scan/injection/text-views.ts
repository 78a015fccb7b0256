import { textUnits } from './text-units.js';

/** The two views of a normalised text the patterns read. */
export interface TextViews {
  /** The normalised text, punctuation and line breaks kept. */
  readonly text: string;
  /** See `wordsView`. Built on first use: a text whose cues call for no pattern never needs it. */
  readonly words: string;
  /** The words of `words`, sentence marks included. */
  readonly tokens: readonly string[];
  /**
   * Per token of `words`, {@link INDEX_FIELDS} numbers: where it starts in `words`, its length,
   * `tokenHash` of the word, `tokenHash` of its first three characters (0 when shorter), flags
   * ({@link SENTENCE_MARK}, {@link INNER_BOUNDARY}), and where it starts in `text` (for a sentence
   * mark, the character that ends the sentence). The cue check looks words up by these instead of
   * hashing strings; the pattern search visits words by them instead of reading characters.
   */
  readonly index: Int32Array;
}

/** Numbers per token in `TextViews.index`. */
export const INDEX_FIELDS = 6;
/** Flag: the token is a sentence mark `.` (no hashes). */
export const SENTENCE_MARK = 1;
/** Flag: a run of [A-Za-z0-9_] begins inside the word (after an apostrophe or a letter beyond ASCII). */
export const INNER_BOUNDARY = 2;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of the characters of `s`, the hash `TextViews.index` holds. */
export function tokenHash(s: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}

function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b;
}

class Views implements TextViews {
  private view: string | undefined;
  private split: readonly string[] | undefined;

  constructor(
    readonly text: string,
    readonly index: Int32Array,
  ) {}

  get words(): string {
    this.view ??= joinTokens(this.text, this.index);
    return this.view;
  }

  get tokens(): readonly string[] {
    // Words never hold spaces and are never empty, so splitting the view gives them back.
    this.split ??= this.words.length <= 2 ? [] : this.words.slice(1, -1).split(' ');
    return this.split;
  }
}

/**
 * The words view from the index: each token after a space, then a closing space. It is assembled
 * from runs of the text it shares verbatim (words one space apart), so a plain sentence costs a
 * few slices rather than one per word.
 */
function joinTokens(text: string, index: Int32Array): string {
  if (index.length === 0) return '  ';
  const parts: string[] = [];
  // The run of `text` being copied: text[runStart, runEnd).
  let runStart = -1;
  let runEnd = -1;
  for (let k = 0; k < index.length; k += INDEX_FIELDS) {
    if (((index[k + 4] as number) & SENTENCE_MARK) !== 0) {
      if (runStart >= 0) parts.push(text.slice(runStart, runEnd));
      runStart = -1;
      parts.push(' .');
      continue;
    }
    const s = index[k + 5] as number;
    const e = s + (index[k + 1] as number);
    // Every word is preceded by one space in the view; the text may already have it.
    if (runStart >= 0 && s === runEnd + 1 && text.charCodeAt(runEnd) === 0x20) {
      runEnd = e;
    } else {
      if (runStart >= 0) parts.push(text.slice(runStart, runEnd));
      parts.push(' ');
      runStart = s;
      runEnd = e;
    }
  }
  if (runStart >= 0) parts.push(text.slice(runStart, runEnd));
  parts.push(' ');
  return parts.join('');
}

/** The index being written; a text's index is copied out of it. Kept only up to MAX_KEPT_SCRATCH entries. */
let scratch: Int32Array = new Int32Array(1536);
/** Past this size the scratch index is dropped after use, so that one huge text leaves no huge array behind. */
const MAX_KEPT_SCRATCH = 1 << 16;

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * Both views of a normalised text: one pass over its characters writes the index of its tokens,
 * from which the words view is joined when first asked for.
 */
export function textViews(text: string): TextViews {
  const n = text.length;
  // Read from a typed array, and with every constant local or literal (INDEX_FIELDS, the flags):
  // optimised code reads a module-level constant from memory at each use, and dispatches on the
  // string's layout at each charCodeAt.
  const units = textUnits(text);
  // As a 32-bit integer (the same bits for Math.imul): 0x811c9dc5 itself exceeds int32, and a hash
  // starting from it would be kept as a double, converted back and forth at every character.
  const offset = 0x811c9dc5 | 0;
  const prime = 0x01000193;
  let index = scratch;
  let length = 0; // of the words view so far
  let count = 0; // index entries written
  let lastWasBreak = true;
  let i = 0;
  while (i < n) {
    let c = units[i] as number;
    // Word characters: a–z, 0–9, the apostrophe, and letters beyond ASCII (from U+00C0).
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c >= 0xc0) {
      // A word: hashed as it is read (units[n] is 0, no word character, so the loop stops there).
      let s = i;
      let h = offset;
      // An apostrophe or a letter beyond ASCII: a run of [A-Za-z0-9_] may begin inside the word.
      let other = c === 0x27 || c >= 0xc0;
      for (;;) {
        h = Math.imul(h ^ c, prime);
        c = units[++i] as number;
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
        if (c === 0x27 || c >= 0xc0) other = true;
        else break;
      }
      let e = i;
      // Apostrophes used as quotation marks ('mode') are not part of the word.
      if (units[s] === 0x27 || units[e - 1] === 0x27) {
        while (s < e && units[s] === 0x27) s++;
        while (e > s && units[e - 1] === 0x27) e--;
        h = offset;
        for (let k = s; k < e; k++) h = Math.imul(h ^ (units[k] as number), prime);
      }
      if (e > s) {
        // The hash of the first three characters, for the cue check's prefix lookup.
        const head = e - s < 3 ? 0 : Math.imul(Math.imul(Math.imul(offset ^ (units[s] as number), prime) ^ (units[s + 1] as number), prime) ^ (units[s + 2] as number), prime);
        if (count + 6 > index.length) scratch = index = grow(index);
        index[count] = length + 1;
        index[count + 1] = e - s;
        index[count + 2] = h;
        index[count + 3] = head;
        index[count + 4] = other ? 2 : 0; // INNER_BOUNDARY
        index[count + 5] = s;
        count += 6;
        length += 1 + e - s;
        lastWasBreak = false;
      }
      if (i >= n) break;
    }
    // c = text[i], not a word character: a line break, or a sentence mark before a space, ends a sentence.
    if (!lastWasBreak && (c === 0x0a || (isSentenceEnd(c) && (i + 1 >= n || units[i + 1] === 0x20 || units[i + 1] === 0x0a)))) {
      if (count + 6 > index.length) scratch = index = grow(index);
      index[count] = length + 1;
      index[count + 1] = 1;
      index[count + 2] = 0;
      index[count + 3] = 0;
      index[count + 4] = 1; // SENTENCE_MARK
      index[count + 5] = i;
      count += 6;
      length += 2;
      lastWasBreak = true;
    }
    i++;
  }
  const views = new Views(text, index.slice(0, count));
  if (scratch.length > MAX_KEPT_SCRATCH) scratch = new Int32Array(1536);
  return views;
}

/**
 * The words view of a normalised text: words of letters, digits and apostrophes, one space apart,
 * a lone `.` token where a sentence or line ends (so filler gaps in patterns stop there), padded
 * with a space on both sides.
 */
export function wordsView(text: string): string {
  return textViews(text).words;
}
