import { collapsedPositions, collapseRuns, collapseWhitespace } from './collapse-whitespace.js';
import { findEncodedPayloads } from './find-encoded-payloads.js';
import { findLeet } from './find-leet.js';
import { findRot13 } from './find-rot13.js';
import { foldHomoglyphs } from './fold-homoglyphs.js';
import { isAscii } from './is-ascii.js';
import { joinSpacedRuns } from './join-spaced-letters.js';
import { quickScan } from './quick-scan.js';
import { revealInvisible } from './reveal-invisible.js';

/** A payload found encoded in the text, decoded and normalised like the text itself. */
export interface DecodedPayload {
  readonly encoding: 'base64' | 'hex' | 'rot13' | 'url' | 'leet';
  readonly text: string;
}

/** The text as the injection detectors see it. */
export interface NormalizedText {
  /**
   * NFKC, invisible characters removed (hidden tag-character text decoded in place), diacritics
   * dropped, homoglyphs folded to ASCII, spaced-out letters joined, runs of spaces collapsed to one
   * space and line breaks to one `\n`, lower-cased.
   */
  readonly text: string;
  /** Payloads decoded from the text (each normalised too, nested ones included); scan them too. */
  readonly decoded: readonly DecodedPayload[];
  /**
   * Obfuscation met, a signal in itself: `zero_width`, `bidi`, `tag_chars`, `variation_selectors`,
   * `styled_letters`, `combining_marks`, `homoglyph`, `spaced_letters`, `base64`, `hex`, `url`,
   * `rot13`, `leet`.
   */
  readonly obfuscation: readonly string[];
}

const FLATTEN = /^/;
// Fullwidth, circled, squared and mathematical letters: NFKC reads them, their use is a choice.
const STYLED = /[\uFF21-\uFF3A\uFF41-\uFF5A\u24B6-\u24E9]|\uD835[\uDC00-\uDFFF]|\uD83C[\uDD30-\uDD49]/g;
// eslint-disable-next-line no-misleading-character-class -- a class of combining marks, one code unit each, on purpose
const MARKS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;
// Three marks stacked on one letter: no orthography needs that ("Zalgo" text).
// eslint-disable-next-line no-misleading-character-class -- as above
const STACKED_MARKS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]{3}/;
// Typographic quotes, so that "don’t" meets the patterns written with "don't".
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u02BC\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
// Decoded payloads are normalised again (base64 inside base64), this deep and no deeper.
const MAX_DEPTH = 2;
const MAX_DECODED = 8;

const NON_ASCII_RUN = /[\u0080-\uffff]+/g;

/** Result of `stripMarks`. */
interface Stripped {
  readonly text: string;
  /** Three combining marks in a row after NFKD. */
  readonly stacked: boolean;
}

/** NFKD, marks dropped, NFC, typographic quotes made plain: the whole text at once. */
function stripMarksAll(text: string): Stripped {
  const decomposed = text.normalize('NFKD');
  const stacked = STACKED_MARKS.test(decomposed);
  return { text: decomposed.replace(MARKS, '').normalize('NFC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"'), stacked };
}

/**
 * `stripMarksAll`, applied only around the characters beyond ASCII when they are few (a mostly
 * English text): ASCII passes all four steps unchanged, and no step joins a character to an ASCII
 * one after it (normalisation may be split before any ASCII character), so each run beyond ASCII,
 * with the character before it (the base its marks may sit on), can be done on its own.
 */
function stripMarks(text: string): Stripped {
  const limit = 4 + (text.length >> 8);
  const parts: string[] = [];
  let from = 0;
  let stacked = false;
  NON_ASCII_RUN.lastIndex = 0;
  for (let m = NON_ASCII_RUN.exec(text); m !== null; m = NON_ASCII_RUN.exec(text)) {
    if (parts.length >= 2 * limit) return stripMarksAll(text);
    const start = m.index > 0 ? m.index - 1 : 0;
    const end = m.index + m[0].length;
    const island = stripMarksAll(text.slice(start, end));
    stacked ||= island.stacked;
    parts.push(text.slice(from, start), island.text);
    from = end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), stacked };
}

function countUpTo(re: RegExp, text: string, limit: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < limit && re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

/**
 * Normalises text for injection detection and decodes payloads hidden in it, so that obfuscated
 * phrasings meet the same patterns and classifier as plain ones. Linear in the input: every
 * regular expression is free of nested ambiguity and decoding is bounded in count and size.
 */
export function normalizeForInjection(text: string): NormalizedText {
  // A regular expression run flattens a concatenated string in place; the character loops below
  // read a concatenation several times slower.
  FLATTEN.test(text);
  return normalizeAt(text, 1);
}

function normalizeAt(input: string, depth: number): NormalizedText {
  const obfuscation = new Set<string>();
  let text = input;
  const nonAscii = !isAscii(text);
  if (nonAscii) {
    const revealed = revealInvisible(text);
    for (const kind of revealed.found) obfuscation.add(kind);
    text = revealed.text;
    if (countUpTo(STYLED, text, 3) >= 3) obfuscation.add('styled_letters');
    // NFKD, then marks dropped, then recomposed: NFKC without the diacritics, so "ïgnörë" and
    // "précédentes" meet ASCII patterns.
    const stripped = stripMarks(text);
    if (stripped.stacked) obfuscation.add('combining_marks');
    text = stripped.text;
  }
  // Payloads are found while the case is intact (base64 needs it); everything after is lower case,
  // so homoglyph folding sees the same letters on a second pass as on the first.
  const encoded = findEncodedPayloads(text);
  text = text.toLowerCase();
  if (nonAscii) {
    const folded = foldHomoglyphs(text);
    if (folded.folded) obfuscation.add('homoglyph');
    text = folded.text;
  }
  // One pass decides which of the remaining steps can change anything; a plain text skips them.
  const quick = quickScan(text);
  const joined = quick.spacedLetters ? joinSpacedRuns(text, quick.spacedRuns) : { text, joined: false };
  if (joined.joined) obfuscation.add('spaced_letters');
  // Where findLeet's seams are in the text as it now is (the scan found them; collapsing
  // whitespace moves them back); undefined when not known.
  let seams = quick.leetSeams;
  if (joined.joined) {
    text = collapseWhitespace(joined.text);
    seams = undefined;
  } else if (quick.whitespace) {
    const runs = quick.whitespaceRuns;
    if (seams !== undefined) seams = runs === undefined ? undefined : collapsedPositions(seams, runs, text.length);
    text = runs === undefined ? collapseWhitespace(text) : collapseRuns(text, runs);
  }
  // Joined letters make a new text; otherwise the scan's answers hold for this one.
  const scanned = !joined.joined;

  const decoded: DecodedPayload[] = [];
  const add = (encoding: DecodedPayload['encoding'], raw: string, normalise: boolean): void => {
    if (decoded.length >= MAX_DECODED) return;
    if (!normalise || depth >= MAX_DEPTH) {
      decoded.push({ encoding, text: raw });
      return;
    }
    const inner = normalizeAt(raw, depth + 1);
    decoded.push({ encoding, text: inner.text });
    for (const kind of inner.obfuscation) obfuscation.add(kind);
    for (const payload of inner.decoded) if (decoded.length < MAX_DECODED) decoded.push(payload);
  };
  for (const payload of encoded) {
    if (payload.suspicious) obfuscation.add(payload.encoding);
    add(payload.encoding, payload.text, true);
  }
  for (const segment of scanned && !quick.rot13 ? [] : findRot13(text)) {
    obfuscation.add('rot13');
    add('rot13', segment, false);
  }
  const leet = scanned && !quick.leet ? undefined : findLeet(text, seams);
  if (leet !== undefined) {
    obfuscation.add('leet');
    add('leet', leet, false);
  }
  return { text, decoded, obfuscation: [...obfuscation] };
}
