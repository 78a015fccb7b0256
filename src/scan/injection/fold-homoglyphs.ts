import { LATIN_CONFUSABLES, SCRIPT_CONFUSABLES } from './homoglyph-table.js';

/** Result of `foldHomoglyphs`. */
export interface FoldedText {
  readonly text: string;
  /** True when at least one look-alike letter was replaced. */
  readonly folded: boolean;
}

// Any character of the tables; texts without one return at once.
const CANDIDATE = /[\u0370-\u052F\u0561-\u0587\u13A0-\u13F5\u0131\u0237\u01C0\u0250-\u02AF\u1D00-\u1D2B\uA731\uA7AF]|\uD83C[\uDD50-\uDD89]/;
// Characters of the always-folded table (Latin look-alike forms, Cherokee, negative letters).
const LATIN_CANDIDATE = /[\u13A0-\u13F5\u0131\u0237\u01C0\u0250-\u02AF\u1D00-\u1D2B\uA731\uA7AF]|\uD83C[\uDD50-\uDD89]/g;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const SCRIPT_LETTER = /[\u0370-\u052F\u0561-\u0587]/;
const NON_LATIN_LETTER = /[\u0370-\u052F]+/g;
const ASCII_LETTER = /[a-z]/i;
// Any key of SCRIPT_CONFUSABLES (all single code units): only words holding one can change.
const SCRIPT_CANDIDATE = new RegExp(
  `[${[...SCRIPT_CONFUSABLES.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);
// An ASCII letter touching a Cyrillic, Greek or Armenian one: the only fold a non-Latin text gets.
const MIXED_SEAM = /[a-z][\u0370-\u052F\u0561-\u0587]|[\u0370-\u052F\u0561-\u0587][a-z]/i;

/**
 * Folds look-alike letters to ASCII. Latin look-alike forms (small capitals, IPA letters, negative
 * circled letters) always fold. Cyrillic, Greek and Armenian are real scripts, so their letters
 * fold only inside a word that also has ASCII letters ("іgnore" with a Cyrillic і), or anywhere
 * when the text is mostly Latin and the word (two letters or more: a lone α in a formula stays) is
 * made only of look-alikes; a Russian or Greek sentence keeps its words.
 */
export function foldHomoglyphs(input: string): FoldedText {
  if (!CANDIDATE.test(input)) return { text: input, folded: false };
  // Latin forms first, so that the script test below sees "ᴀ" as the "a" it is.
  const text = input.replace(LATIN_CANDIDATE, (ch) => LATIN_CONFUSABLES.get(ch.codePointAt(0) as number) ?? ch);
  let folded = text !== input;
  if (!SCRIPT_LETTER.test(text)) return { text, folded };
  const latinText = isLatinText(text);
  if (!latinText && !MIXED_SEAM.test(text)) return { text, folded };
  // Each word ([\p{L}\p{M}]+, by code point) holding a candidate letter, the others as they are.
  const parts: string[] = [];
  let from = 0;
  SCRIPT_CANDIDATE.lastIndex = 0;
  for (let m = SCRIPT_CANDIDATE.exec(text); m !== null; m = SCRIPT_CANDIDATE.exec(text)) {
    let start = m.index;
    let end = m.index + 1;
    for (let w = letterBefore(text, start); w > 0; w = letterBefore(text, start)) start -= w;
    for (let w = letterAt(text, end); w > 0; w = letterAt(text, end)) end += w;
    const word = text.slice(start, end);
    const replaced = foldWord(word, latinText);
    if (replaced !== undefined) {
      folded = true;
      parts.push(text.slice(from, start), replaced);
      from = end;
    }
    SCRIPT_CANDIDATE.lastIndex = end;
  }
  if (from === 0) return { text, folded };
  parts.push(text.slice(from));
  return { text: parts.join(''), folded };
}

/** The word with its look-alikes folded, or undefined when it stays as it is. */
function foldWord(word: string, latinText: boolean): string | undefined {
  let replaced = '';
  let allFoldable = true;
  let changed = false;
  for (const ch of word) {
    const script = SCRIPT_CONFUSABLES.get(ch.codePointAt(0) as number);
    if (script !== undefined) {
      replaced += script;
      changed = true;
    } else {
      replaced += ch;
      if ((ch.codePointAt(0) as number) > 0x7f) allFoldable = false;
    }
  }
  if (!changed) return undefined;
  if (!ASCII_LETTER.test(word) && !(latinText && allFoldable && word.length > 1)) return undefined;
  return replaced;
}

/** Code units of the letter or mark at `i` (a surrogate pair counts as one), 0 when none is there. */
function letterAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? 1 : 0;
  const cp = text.codePointAt(i) as number;
  const width = cp > 0xffff ? 2 : 1;
  return LETTER_OR_MARK.test(text.slice(i, i + width)) ? width : 0;
}

/** Code units of the letter or mark that ends at `i`, 0 when none does. */
function letterBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return letterAt(text, i - 2) === 2 ? 2 : 0;
  }
  return letterAt(text, i - 1) === 1 ? 1 : 0;
}

/**
 * Whether the text has at least twice as many ASCII letters as Cyrillic or Greek ones
 * (U+0370–052F). The few non-Latin letters are counted first; ASCII letters only until there are
 * enough, which in a Latin text is soon.
 */
function isLatinText(text: string): boolean {
  let nonLatin = 0;
  NON_LATIN_LETTER.lastIndex = 0;
  for (let m = NON_LATIN_LETTER.exec(text); m !== null; m = NON_LATIN_LETTER.exec(text)) nonLatin += m[0].length;
  const needed = 2 * nonLatin;
  let ascii = 0;
  for (let i = 0; i < text.length && ascii < needed; i++) {
    const lower = text.charCodeAt(i) | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) ascii++;
  }
  return ascii >= needed;
}
