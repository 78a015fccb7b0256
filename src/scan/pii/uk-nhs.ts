import { mod11Valid } from './checksum/mod11.js';
import { idPatternDetector } from './id-pattern-detector.js';
import { isRepeatedDigit, isStandaloneNumber } from './standalone-number.js';

/**
 * A checksum-valid NHS number without context scores below the default threshold: 1 in 11
 * random 10-digit numbers passes mod 11, and 10 digits in 3-3-4 groups is also the shape of
 * every North American phone number. An NHS context word lifts it to 0.75.
 */
const SCORE = 0.4;

/** `pii.uk_nhs`: UK NHS number, 10 digits (compact or 3-3-4) with a weighted mod-11 check digit. */
export const ukNhsDetector = idPatternDetector({
  id: 'pii.uk_nhs',
  entity: 'UK_NHS',
  // Most specific first: the first word found is the one the finding's reason names.
  context: [
    'nhs number',
    'nhs no',
    'national health service',
    'health service number',
    'patient number',
    'nhs',
  ],
  // One separator, used consistently: `943 476 5919`, `943-476-5919`, `9434765919`.
  reach: 0,
  pattern: /\b\d{3}([ -]?)\d{3}\1\d{4}\b/g,
  validate(text, m) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandaloneNumber(text, start, end) || isRepeatedDigit(text, start, end)) return undefined;
    if (!mod11Valid(text, start, end)) return undefined;
    return { score: SCORE, reason: 'pattern: 10 digits (3-3-4); validator: NHS mod-11 check digit' };
  },
});
