import { idPatternDetector } from './id-pattern-detector.js';
import { isStandaloneNumber } from './standalone-number.js';

/**
 * About 1 random 15-digit string in 1,800 fits (sex digit 1/2, a valid month code, key 1 in 97)
 * and 15-digit runs are rare in chat, so even the compact form is reported without context. The
 * printed grouping `1 85 05 78 006 084 36` is the NIR's own and scores higher.
 */
const SCORE_GROUPED = 0.85;
const SCORE_COMPACT = 0.65;

/**
 * sex, year, month, département (2A/2B for Corsica), commune, order, key, with an optional space
 * at each field boundary (checked for consistency below). Digits spelled out: V8 skips ahead much
 * faster on `\d\d\d` than on `\d{3}`.
 */
const PATTERN = /\b[12] ?\d\d ?[0-5]\d ?\d[\dABab] ?\d\d\d ?\d\d\d ?\d\d\b/g;

/** 01-12, or 20, 30-42 and 50 for people registered from incomplete civil records. */
function validMonth(month: number): boolean {
  return (month >= 1 && month <= 12) || month === 20 || (month >= 30 && month <= 42) || month === 50;
}

/** Either compact (maybe with a space before the key) or grouped at every field boundary. */
function consistentSpacing(value: string): boolean {
  let spaces = 0;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 32) spaces++;
  return spaces === 0 || spaces === 6 || (spaces === 1 && value.charCodeAt(value.length - 3) === 32);
}

/** `pii.fr_insee`: French NIR (numéro de sécurité sociale / INSEE): 13 characters + key 97 - (n mod 97). */
export const frInseeDetector = idPatternDetector({
  id: 'pii.fr_insee',
  entity: 'FR_INSEE',
  context: [
    'sécurité sociale',
    'securite sociale',
    'sécu',
    'secu',
    'nir',
    'insee',
    'numéro de sécurité sociale',
    'carte vitale',
    'social security',
  ],
  reach: 0,
  pattern: PATTERN,
  validate(text, m) {
    const value = m[0];
    const start = m.index;
    if (!consistentSpacing(value) || !isStandaloneNumber(text, start, start + value.length)) return undefined;
    const nir = value.replace(/ /g, '').toUpperCase();
    if (!validMonth(Number(nir.slice(3, 5)))) return undefined;
    const corsica = nir.charAt(6);
    if ((corsica === 'A' || corsica === 'B') && nir.charAt(5) !== '2') return undefined;
    // département 00, commune 000 and order 000 are never assigned.
    if (nir.startsWith('00', 5) || nir.startsWith('000', 7) || nir.startsWith('000', 10)) return undefined;
    // The key is computed with 2A as 19 and 2B as 18.
    const place = corsica === 'A' ? '19' : corsica === 'B' ? '18' : nir.slice(5, 7);
    const digits = nir.slice(0, 5) + place + nir.slice(7);
    let rest = 0;
    for (let i = 0; i < 13; i++) rest = (rest * 10 + digits.charCodeAt(i) - 48) % 97;
    if (Number(digits.slice(13)) !== 97 - rest) return undefined;
    const grouped = value.length === 21;
    return {
      score: grouped ? SCORE_GROUPED : SCORE_COMPACT,
      reason:
        `pattern: NIR fields${grouped ? ' (grouped)' : ''}; ` +
        'validator: month and place codes, key 97 - (n mod 97)',
    };
  },
});
