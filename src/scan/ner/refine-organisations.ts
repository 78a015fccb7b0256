import { Shape, type TokenList } from './tokenize.js';
import type { NerSpan } from './ner-span.js';
import { tokenAt } from './token-at.js';
import { wordHash } from './street-words.js';

const S_DIGITS = Shape.DIGITS;
const S_PUNCT = Shape.PUNCT;
const F_COMMON = 8;
const F_ORG_SUFFIX = 64;
const ORGANIZATION = 2;
const DOT = Math.imul(0x811c9dc5 ^ 46, 0x01000193);

/** Legal forms written as abbreviations with a full stop ("Acme Ltd.", "Smith & Co."). */
const ABBREVIATED_FORMS = new Set(['inc', 'ltd', 'co', 'corp', 'bros', 'assn', 'intl', 'mfg', 'cie'].map(wordHash));

/**
 * Checks the organisation spans of a tagging against what organisation names look like:
 * - the full stop of an abbreviated legal form belongs to the name ("Shepherd Ltd.");
 * - a number alone is no name, and a name ending in a year is a law or an event, not an organisation ("Civil Rights Act of
 *   2001");
 * - a "name" made only of everyday words and no legal form is a heading or a list
 *   ("Kids & Family", "Mystery & Suspense") unless the model is confident of it ("Rapid Cycle
 *   Solutions" is a company, "You saved" is not).
 * Other spans pass through unchanged.
 */
export function refineOrganisations(toks: TokenList, spans: NerSpan[]): NerSpan[] {
  let out: NerSpan[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k] as NerSpan;
    if (s.type !== ORGANIZATION) {
      out?.push(s);
      continue;
    }
    const first = tokenAt(toks, s.start);
    const last = tokenAt(toks, s.end - 1);
    let keep: NerSpan | undefined = s;
    if (endsInYear(toks, last) || !hasLetters(toks, first, last) || (onlyEverydayWords(toks, first, last) && (s.score < EVERYDAY_MIN_SCORE || hasListMark(toks, first, last)))) {
      keep = undefined;
    }
    else if (
      last + 1 < toks.count &&
      (toks.hash[last + 1] as number) === DOT &&
      (toks.start[last + 1] as number) === s.end &&
      ABBREVIATED_FORMS.has(toks.hash[last] as number)
    ) {
      keep = { ...s, end: s.end + 1 };
    }
    if (keep === s && out === undefined) continue;
    out ??= spans.slice(0, k);
    if (keep !== undefined) out.push(keep);
  }
  return out ?? spans;
}

/** An organisation's name has a word in it ("5" or "2019" alone is not one). */
function hasLetters(toks: TokenList, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const shape = toks.shape[i] as number;
    if (shape < S_PUNCT && shape !== S_DIGITS) return true;
  }
  return false;
}

function endsInYear(toks: TokenList, last: number): boolean {
  return (toks.shape[last] as number) === S_DIGITS && (toks.end[last] as number) - (toks.start[last] as number) === 4;
}

/** Names like "Rapid Cycle Solutions" are everyday words too: only a confident one stays. */
const EVERYDAY_MIN_SCORE = 0.6;
const AMPERSAND = Math.imul(0x811c9dc5 ^ 38, 0x01000193);
const COMMA = Math.imul(0x811c9dc5 ^ 44, 0x01000193);

/** True when the span holds "&" or ",": everyday words joined so are a list or a heading. */
function hasListMark(toks: TokenList, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const h = toks.hash[i] as number;
    if (h === AMPERSAND || h === COMMA) return true;
  }
  return false;
}

function onlyEverydayWords(toks: TokenList, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    if ((toks.shape[i] as number) >= S_PUNCT) continue;
    const flags = toks.flags[i] as number;
    if ((flags & F_COMMON) === 0 || (flags & F_ORG_SUFFIX) !== 0) return false;
  }
  return true;
}
