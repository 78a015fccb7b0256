import { luhnValid } from './checksum/luhn.js';
import { idPatternDetector } from './id-pattern-detector.js';
import { isRepeatedDigit, isStandaloneNumber } from './standalone-number.js';

/**
 * Nine digits are everywhere (US SSNs, passport and account numbers) and 1 in 10 passes Luhn, so a
 * SIN without context stays below the default threshold; a SIN context word lifts it to 0.75.
 */
const SCORE = 0.4;

/**
 * `pii.ca_sin`: Canadian Social Insurance Number, 9 digits (compact or 3-3-3) with a Luhn check;
 * first digit never 0 (unassigned) or 8 (reserved for business numbers).
 */
export const caSinDetector = idPatternDetector({
  id: 'pii.ca_sin',
  entity: 'CA_SIN',
  context: [
    'sin',
    'sin number',
    'sin no',
    'social insurance',
    'social insurance number',
    "numéro d'assurance sociale",
    'nas',
  ],
  reach: 0,
  pattern: /\b[1-79]\d{2}([ -]?)\d{3}\1\d{3}\b/g,
  validate(text, m) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandaloneNumber(text, start, end) || isRepeatedDigit(text, start, end)) return undefined;
    if (!luhnValid(text, start, end)) return undefined;
    return { score: SCORE, reason: 'pattern: 9 digits (3-3-3); validator: Luhn, first digit not 0 or 8' };
  },
});
