import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import * as cardIssuers from './card-issuers.js';
import * as charCodes from './char-codes.js';
import * as luhnModule from './checksum/luhn.js';
import * as numericRuns from './numeric-runs.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { cardIssuer } = cardIssuers;
const { isDigit, isWordAt } = charCodes;
const { luhnValid } = luhnModule;
const { forEachRunMatch } = numericRuns;

const ID = 'pii.credit_card';
/**
 * 12-19 digits, optionally split by single spaces or dashes, inside a numeric run. Bounded, so a
 * long run of numbers is read card by card (and in linear time).
 */
const DIGIT_RUN = /\b\d{4}(?:[ -]?\d){8,15}\b/g;

/**
 * Group layouts printed on cards: 4-4-4-4 (and shorter or longer runs of fours, last group
 * 1-4 digits), Amex 4-6-5 and Diners 4-6-4. An unsplit run is one group.
 */
function layoutValid(groups: readonly number[]): boolean {
  if (groups.length === 1) return true;
  if (groups[0] !== 4) return false;
  if (groups[1] === 6) return groups.length === 3 && (groups[2] === 5 || groups[2] === 4);
  for (let i = 1; i < groups.length - 1; i++) if (groups[i] !== 4) return false;
  const last = groups[groups.length - 1]!;
  return groups.length >= 3 && last >= 1 && last <= 4;
}

/**
 * Card-shaped prefixes of the run `s`, longest first, as [length in characters, digits]. A run
 * can carry a trailing number (`4111 1111 1111 1111 12` before `/25`), so shorter prefixes ending
 * at a group boundary are candidates too.
 */
function cardPrefixes(s: string): Array<[number, string]> {
  const sep = s.length > 4 && (s[4] === ' ' || s[4] === '-') ? s[4] : '';
  const parts = sep ? s.split(sep) : [s];
  // At most five groups are printed on a card (4-4-4-4-3).
  if (parts.length > 5) parts.length = 5;
  // Mixed separators (`4111 1111-1111`) are not how card numbers are written.
  if (parts.some((p) => p.includes(' ') || p.includes('-'))) return [];
  const out: Array<[number, string]> = [];
  for (let n = parts.length; n >= 1; n--) {
    const groups = parts.slice(0, n);
    const digits = groups.join('');
    if (digits.length < 12) break;
    if (digits.length <= 19 && layoutValid(groups.map((g) => g.length))) {
      out.push([digits.length + (n - 1) * sep.length, digits]);
    }
  }
  return out;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) n++;
  return n;
}

/**
 * `pii.credit_card`: payment card numbers of 12-19 digits, plain or in consistent groups, that
 * pass the Luhn check and fall in a known issuer's IIN range for their length. A failed Luhn
 * check drops the match. 12-digit (Maestro) numbers need a context word.
 */
export const creditCardDetector: Detector = {
  id: ID,
  entities: ['CREDIT_CARD'],
  context: [
    'card', 'credit card', 'debit card', 'cc',
    'visa', 'mastercard', 'amex', 'american express', 'discover',
    'jcb', 'diners', 'maestro', 'unionpay', 'payment', 'cvv', 'expiry', 'exp', 'billing',
  ],
  detect(text, ctx) {
    const out: Finding[] = [];
    forEachRunMatch(text, ctx, DIGIT_RUN, (start, m) => {
      // Most runs are phone numbers, dates and amounts: count digits before allocating anything.
      if (m[0].length < 12 || digitCount(m[0]) < 12) return;
      for (const [length, digits] of cardPrefixes(m[0])) {
        const end = start + length;
        if (isWordAt(text, end) || !luhnValid(digits)) continue;
        const brand = cardIssuer(digits);
        if (brand === undefined) continue;
        const score = digits.length === 12 ? 0.45 : digits.length <= 14 ? 0.8 : 0.9;
        out.push({ type: 'CREDIT_CARD', start, end, score, detector: ID, reason: `${brand} IIN, Luhn valid` });
        return;
      }
    });
    return out;
  },
};
