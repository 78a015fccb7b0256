import { spanishCheckLetter } from './checksum/spanish-check-letter.js';
import { idPatternDetector } from './id-pattern-detector.js';

/** X/Y/Z, seven digits and the one right letter of 23: as distinctive as a DNI (see es-nif.ts). */
const SCORE_UPPER = 0.85;
const SCORE_LOWER = 0.7;

/**
 * `pii.es_nie`: Spanish foreigner identity number (NIE): `X`, `Y` or `Z`, 7 digits and a check
 * letter computed like a DNI's after replacing the prefix by 0, 1 or 2. Accepts `X1234567L`,
 * `X-1234567-L` and `X 1234567 L`.
 */
export const esNieDetector = idPatternDetector({
  id: 'pii.es_nie',
  entity: 'ES_NIE',
  context: [
    'nie',
    'número de identidad de extranjero',
    'numero de identidad de extranjero',
    'tie',
    'extranjero',
  ],
  // Digits spelled out: V8 skips ahead much faster on `\d\d\d` than on `\d{3}`.
  reach: 2,
  pattern: /\b[XYZxyz][ -]?\d\d\d\d\d\d\d[ -]?[A-Za-z]\b/g,
  validate(_text, m) {
    const value = m[0];
    // One separator style throughout: `X-1234567-L` or `X1234567L`, not `X-1234567L`.
    if (value.length !== 9 && value.length !== 11) return undefined;
    if (value.length === 11 && value.charAt(1) !== value.charAt(9)) return undefined;
    const prefix = value.charAt(0).toUpperCase();
    let n = prefix === 'X' ? 0 : prefix === 'Y' ? 1 : 2;
    for (let i = 1; i < value.length - 1; i++) {
      const d = value.charCodeAt(i) - 48;
      if (d >= 0 && d <= 9) n = n * 10 + d;
    }
    const letter = value.charAt(value.length - 1);
    if (letter.toUpperCase() !== spanishCheckLetter(n)) return undefined;
    const upper = value === value.toUpperCase();
    return {
      score: upper ? SCORE_UPPER : SCORE_LOWER,
      reason: 'pattern: X/Y/Z, 7 digits and a letter; validator: NIE check letter (mod 23)',
    };
  },
});
