import { idPatternDetector } from './id-pattern-detector.js';

/** Prefixes HMRC never allocates although both letters are individually allowed. */
const INVALID_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/**
 * NINO has no check digit, but its letter rules (6 of 26 letters never first, 7 never second,
 * 7 prefixes withheld, suffix only A-D) plus the fixed 2-letter, 6-digit, 1-letter shape make a
 * random token very unlikely to fit. Upper case is how it is printed and typed in forms; a
 * lower-case or mixed token is more often something else (a code, a SKU), so it scores lower but
 * still above the default threshold.
 */
const SCORE_UPPER = 0.8;
const SCORE_OTHER_CASE = 0.6;

/**
 * `pii.uk_nino`: UK National Insurance number, `AB 12 34 56 C`: prefix letters never D, F, I, Q,
 * U, V (and O never second), not one of the withheld prefixes; 6 digits; suffix A-D. A single
 * space is allowed between the prefix, the digit pairs and the suffix.
 */
export const ukNinoDetector = idPatternDetector({
  id: 'pii.uk_nino',
  entity: 'UK_NINO',
  context: ['national insurance', 'national insurance number', 'ni number', 'nino', 'ni no', 'nin'],
  reach: 3,
  pattern: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi,
  validate(text, m) {
    const value = m[0];
    const prefix = value.slice(0, 2).toUpperCase();
    if (INVALID_PREFIXES.has(prefix)) return undefined;
    const upper = value === value.toUpperCase();
    return {
      score: upper ? SCORE_UPPER : SCORE_OTHER_CASE,
      reason: 'pattern: 2 letters, 6 digits, suffix A-D; validator: NINO prefix rules',
    };
  },
});

