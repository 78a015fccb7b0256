import { spanishCheckLetter } from './checksum/spanish-check-letter.js';
import { idPatternDetector } from './id-pattern-detector.js';

/**
 * Eight digits followed by exactly the right one of 23 letters is a distinctive shape: a random
 * token of that shape carries the right letter 1 time in 23. Upper case is the printed form; a
 * lower-case letter is still a DNI typed in a hurry, slightly less certain.
 */
const SCORE_UPPER = 0.85;
const SCORE_LOWER = 0.7;

/**
 * `pii.es_nif`: Spanish DNI/NIF of a person, 8 digits and a check letter
 * (`TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]`). Accepts `12345678Z`, `12345678-Z`, `12345678 Z` and the
 * dotted `12.345.678-Z`.
 */
export const esNifDetector = idPatternDetector({
  id: 'pii.es_nif',
  entity: 'ES_NIF',
  context: ['dni', 'nif', 'documento nacional de identidad', 'número de identificación fiscal', 'd.n.i'],
  // Digits spelled out: V8 skips ahead much faster on `\d\d\d` than on `\d{3}`.
  reach: 2,
  pattern: /\b\d\d(?:\d\d\d\d\d\d|\.\d\d\d\.\d\d\d)[ -]?[A-Za-z]\b/g,
  validate(text, m) {
    const value = m[0];
    let n = 0;
    for (let i = 0; i < value.length - 1; i++) {
      const d = value.charCodeAt(i) - 48;
      if (d >= 0 && d <= 9) n = n * 10 + d;
    }
    // All zeros passes (0 mod 23 is T) but is a placeholder, never issued.
    if (n === 0) return undefined;
    const letter = value.charAt(value.length - 1);
    if (letter.toUpperCase() !== spanishCheckLetter(n)) return undefined;
    if (precededByNumber(text, m.index)) return undefined;
    return {
      score: letter === letter.toUpperCase() ? SCORE_UPPER : SCORE_LOWER,
      reason: 'pattern: 8 digits and a letter; validator: DNI check letter (mod 23)',
    };
  },
});

/** `1.12345678-Z` or `4-12345678Z` is part of something longer, not a DNI. */
function precededByNumber(text: string, start: number): boolean {
  if (start < 2) return false;
  const sep = text.charCodeAt(start - 1);
  const d = text.charCodeAt(start - 2);
  return (sep === 45 || sep === 46 || sep === 47) && d >= 48 && d <= 57;
}
