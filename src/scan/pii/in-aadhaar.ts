import { verhoeffValid } from './checksum/verhoeff.js';
import { idPatternDetector } from './id-pattern-detector.js';
import { isRepeatedDigit, isStandaloneNumber } from './standalone-number.js';

/**
 * Verhoeff passes 1 in 10 random numbers. Written as 4-4-4 groups (how UIDAI prints it) the shape
 * is distinctive enough to report without context; a bare 12-digit run (order ids, tracking and
 * account numbers) is not, so it stays below the default threshold unless context lifts it.
 */
const SCORE_GROUPED = 0.5;
const SCORE_COMPACT = 0.4;

/** `pii.in_aadhaar`: Indian Aadhaar number, 12 digits (first 2-9) with a Verhoeff check digit. */
export const inAadhaarDetector = idPatternDetector({
  id: 'pii.in_aadhaar',
  entity: 'IN_AADHAAR',
  context: ['aadhaar', 'aadhar', 'adhaar', 'uid', 'uidai', 'aadhaar number', 'aadhaar no', 'आधार'],
  reach: 0,
  pattern: /\b[2-9]\d{3}([ -]?)\d{4}\1\d{4}\b/g,
  validate(text, m) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandaloneNumber(text, start, end) || isRepeatedDigit(text, start, end)) return undefined;
    if (!verhoeffValid(text, start, end)) return undefined;
    const grouped = m[1] !== '';
    return {
      score: grouped ? SCORE_GROUPED : SCORE_COMPACT,
      reason: `pattern: 12 digits${grouped ? ' (4-4-4)' : ''}, first 2-9; validator: Verhoeff check digit`,
    };
  },
});
