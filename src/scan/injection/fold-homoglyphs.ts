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
const WORD = /[\p{L}\p{M}]+/gu;
const SCRIPT_LETTER = /[\u0370-\u052F\u0561-\u0587]/;
const NON_LATIN_LETTER = /[\u0370-\u052F]/g;
const ASCII_LETTER = /[a-z]/i;
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
  const nonLatin = text.match(NON_LATIN_LETTER)?.length ?? 0;
  const latinText = countAsciiLetters(text) >= 2 * nonLatin;
  if (!latinText && !MIXED_SEAM.test(text)) return { text, folded };
  const out = text.replace(WORD, (word) => {
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
    if (!changed) return word;
    if (!ASCII_LETTER.test(word) && !(latinText && allFoldable && word.length > 1)) return word;
    folded = true;
    return replaced;
  });
  return { text: out, folded };
}

function countAsciiLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) n++;
  }
  return n;
}
