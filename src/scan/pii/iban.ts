import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import * as charCodes from './char-codes.js';
import { ibanChecksumValid } from './checksum/mod97.js';
import { forEachDigitMatch } from './digit-span.js';
import { IBAN_LENGTHS } from './iban-lengths.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isWordAt } = charCodes;

const ID = 'pii.iban';
/** Country code, check digits, then alphanumerics with optional single spaces (groups of 4). */
const CANDIDATE = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,42}/g;

/**
 * Takes exactly `length` alphanumerics from the candidate, allowing a space only after every
 * fourth one, and returns how many characters that spans; undefined when the spacing is off.
 * The regex runs greedily into following words, so the country's length decides where it ends.
 */
function spanOfLength(s: string, length: number): number | undefined {
  let taken = 0;
  let i = 0;
  const spaced = s.charCodeAt(4) === 32;
  while (taken < length) {
    if (i >= s.length) return undefined;
    if (s.charCodeAt(i) === 32) {
      if (!spaced || taken % 4 !== 0) return undefined;
      i++;
      continue;
    }
    if (spaced && taken > 0 && taken % 4 === 0 && s.charCodeAt(i - 1) !== 32) return undefined;
    taken++;
    i++;
  }
  return i;
}

function singleCase(s: string): boolean {
  return s === s.toUpperCase() || s === s.toLowerCase();
}

/** Checks one candidate; `CANDIDATE.lastIndex` counts from `windowStart` in `text`. */
function visitCandidate(m: RegExpExecArray, text: string, out: Finding[], windowStart: number): void {
  const start = m.index;
  // The greedy match may have swallowed the real IBAN after a false start: resume early.
  CANDIDATE.lastIndex = start - windowStart + 1;
  const length = IBAN_LENGTHS.get(m[0].slice(0, 2).toUpperCase());
  if (length === undefined) return;
  const span = spanOfLength(m[0], length);
  if (span === undefined) return;
  const end = start + span;
  const value = m[0].slice(0, span);
  if (isWordAt(text, end) || !singleCase(value) || !ibanChecksumValid(value)) return;
  out.push({ type: 'IBAN_CODE', start, end, score: 0.95, detector: ID, reason: 'IBAN length and mod-97 checksum' });
  CANDIDATE.lastIndex = end - windowStart;
}

/**
 * `pii.iban`: International Bank Account Numbers, compact or printed in groups of four, with the
 * country's registered length and a valid MOD 97-10 checksum.
 */
export const ibanDetector: Detector = {
  id: ID,
  entities: ['IBAN_CODE'],
  context: ['iban', 'bank', 'account', 'transfer', 'swift', 'bic', 'sepa', 'wire', 'payee'],
  detect(text, ctx) {
    const out: Finding[] = [];
    // The check digits are the first digits of a match; after them come at most 84 characters.
    forEachDigitMatch(text, ctx, CANDIDATE, 86, visitCandidate, out);
    return out;
  },
};
