/** The two views of a normalised text the patterns read. */
export interface TextViews {
  /** The normalised text, punctuation and line breaks kept. */
  readonly text: string;
  /** See `wordsView`. */
  readonly words: string;
  /** The words of `words`, sentence marks included. */
  readonly tokens: readonly string[];
  /**
   * Per token of `words`, {@link INDEX_FIELDS} numbers: where it starts in `words`, its length,
   * `tokenHash` of the word, `tokenHash` of its first three characters (0 when shorter), and flags
   * ({@link SENTENCE_MARK}, {@link INNER_BOUNDARY}). The cue check looks words up by these instead
   * of hashing strings; the pattern search visits words by them instead of reading characters.
   */
  readonly index: Int32Array;
}

/** Numbers per token in `TextViews.index`. */
export const INDEX_FIELDS = 5;
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

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c >= 0xc0;
}

function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b;
}

class Views implements TextViews {
  private split: readonly string[] | undefined;

  constructor(
    readonly text: string,
    readonly words: string,
    readonly index: Int32Array,
  ) {}

  get tokens(): readonly string[] {
    // Words never hold spaces and are never empty, so splitting the view gives them back.
    this.split ??= this.words.length <= 2 ? [] : this.words.slice(1, -1).split(' ');
    return this.split;
  }
}

/**
 * Both views of a normalised text, built in one pass over its characters. The words view is
 * assembled from runs of the text it shares verbatim (words one space apart), so a plain sentence
 * costs a few slices rather than one per word.
 */
let scratch: Int32Array = new Int32Array(1024);

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

export function textViews(text: string): TextViews {
  const n = text.length;
  const parts: string[] = [];
  // The run of `text` being copied: text[runStart, runEnd).
  let runStart = -1;
  let runEnd = -1;
  let tokens = 0; // words and sentence marks written
  let length = 0; // of the words view so far, runs included
  let count = 0; // index entries written
  let lastWasBreak = true;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (isWordChar(c)) {
      // A word: hashed as it is read.
      let s = i;
      let h = FNV_OFFSET;
      let head = 0;
      let other = false; // an apostrophe or a letter beyond ASCII
      do {
        h = Math.imul(h ^ c, FNV_PRIME);
        if (i === s + 2) head = h;
        if (c === 0x27 || c >= 0xc0) other = true;
        i++;
        c = i < n ? text.charCodeAt(i) : 0x20;
      } while (isWordChar(c));
      let e = i;
      // Apostrophes used as quotation marks ('mode') are not part of the word.
      if (text.charCodeAt(s) === 0x27 || text.charCodeAt(e - 1) === 0x27) {
        while (s < e && text.charCodeAt(s) === 0x27) s++;
        while (e > s && text.charCodeAt(e - 1) === 0x27) e--;
        h = FNV_OFFSET;
        head = 0;
        for (let k = s; k < e; k++) {
          h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
          if (k === s + 2) head = h;
        }
      }
      if (e > s) {
        // Every word is preceded by one space in the view; the text may already have it.
        if (runStart >= 0 && s === runEnd + 1 && text.charCodeAt(runEnd) === 0x20) {
          runEnd = e;
        } else {
          if (runStart >= 0) parts.push(text.slice(runStart, runEnd));
          parts.push(' ');
          runStart = s;
          runEnd = e;
        }
        if (count + INDEX_FIELDS > scratch.length) scratch = grow(scratch);
        scratch[count] = length + 1;
        scratch[count + 1] = e - s;
        scratch[count + 2] = h;
        scratch[count + 3] = head;
        scratch[count + 4] = other ? INNER_BOUNDARY : 0;
        count += INDEX_FIELDS;
        length += 1 + e - s;
        tokens++;
        lastWasBreak = false;
      }
      if (i >= n) break;
    }
    // c = text[i], not a word character: a line break, or a sentence mark before a space, ends a sentence.
    if (!lastWasBreak && (c === 0x0a || (isSentenceEnd(c) && (i + 1 >= n || text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x0a)))) {
      if (runStart >= 0) parts.push(text.slice(runStart, runEnd));
      runStart = -1;
      parts.push(' .');
      if (count + INDEX_FIELDS > scratch.length) scratch = grow(scratch);
      scratch[count] = length + 1;
      scratch[count + 1] = 1;
      scratch[count + 2] = 0;
      scratch[count + 3] = 0;
      scratch[count + 4] = SENTENCE_MARK;
      count += INDEX_FIELDS;
      length += 2;
      tokens++;
      lastWasBreak = true;
    }
    i++;
  }
  if (runStart >= 0) parts.push(text.slice(runStart, runEnd));
  parts.push(tokens === 0 ? '  ' : ' ');
  return new Views(text, parts.join(''), scratch.slice(0, count));
}

/**
 * The words view of a normalised text: words of letters, digits and apostrophes, one space apart,
 * a lone `.` token where a sentence or line ends (so filler gaps in patterns stop there), padded
 * with a space on both sides.
 */
export function wordsView(text: string): string {
  return textViews(text).words;
}
