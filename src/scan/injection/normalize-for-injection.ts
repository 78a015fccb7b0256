import { collapseWhitespace } from './collapse-whitespace.js';
import { findEncodedPayloads } from './find-encoded-payloads.js';
import { findLeet } from './find-leet.js';
import { findRot13 } from './find-rot13.js';
import { foldHomoglyphs } from './fold-homoglyphs.js';
import { joinSpacedLetters } from './join-spaced-letters.js';
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

const NON_ASCII = /[\u0080-\uffff]/;
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
  return normalizeAt(text, 1);
}

function normalizeAt(input: string, depth: number): NormalizedText {
  const obfuscation = new Set<string>();
  let text = input;
  const nonAscii = NON_ASCII.test(text);
  if (nonAscii) {
    const revealed = revealInvisible(text);
    for (const kind of revealed.found) obfuscation.add(kind);
    text = revealed.text;
    if (countUpTo(STYLED, text, 3) >= 3) obfuscation.add('styled_letters');
    // NFKD, then marks dropped, then recomposed: NFKC without the diacritics, so "ïgnörë" and
    // "précédentes" meet ASCII patterns.
    text = text.normalize('NFKD');
    if (STACKED_MARKS.test(text)) obfuscation.add('combining_marks');
    text = text.replace(MARKS, '').normalize('NFC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
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
  const joined = joinSpacedLetters(text);
  if (joined.joined) obfuscation.add('spaced_letters');
  text = collapseWhitespace(joined.text);

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
  for (const segment of findRot13(text)) {
    obfuscation.add('rot13');
    add('rot13', segment, false);
  }
  const leet = findLeet(text);
  if (leet !== undefined) {
    obfuscation.add('leet');
    add('leet', leet, false);
  }
  return { text, decoded, obfuscation: [...obfuscation] };
}
