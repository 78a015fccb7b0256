import { iso7064Mod11_10Valid } from './checksum/iso7064.js';
import { idPatternDetector } from './id-pattern-detector.js';
import { isStandaloneNumber } from './standalone-number.js';

/**
 * The digit-repetition rule alone admits only about 4% of random 10-digit strings, and the check
 * digit a tenth of those: roughly 1 random 11-digit number in 260 passes. That is stronger than
 * the other shapeless ids, but 11-digit runs (phone numbers with a country code, order numbers)
 * are common enough in chat that a bare pass stays just below the default threshold; a context
 * word ("Steuer-ID", "IdNr", "tax id") lifts it to 0.8.
 */
const SCORE = 0.45;

/**
 * True when the first 10 digits follow the IdNr rule: exactly one digit occurs two or three times,
 * every other digit at most once, and a tripled digit never stands three in a row.
 */
function repetitionRuleHolds(digits: readonly number[]): boolean {
  const counts = new Array<number>(10).fill(0);
  for (const d of digits.slice(0, 10)) counts[d] = (counts[d] ?? 0) + 1;
  let repeated = -1;
  for (let d = 0; d < 10; d++) {
    const n = counts[d] ?? 0;
    if (n <= 1) continue;
    if (n > 3 || repeated >= 0) return false;
    repeated = d;
  }
  if (repeated < 0) return false;
  for (let i = 2; i < 10; i++) {
    if (digits[i] === repeated && digits[i - 1] === repeated && digits[i - 2] === repeated) return false;
  }
  return true;
}

function digitsOf(text: string, start: number, end: number): number[] {
  const digits: number[] = [];
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) digits.push(d);
  }
  return digits;
}

/**
 * `pii.de_tax_id`: German tax identification number (steuerliche Identifikationsnummer, IdNr):
 * 11 digits, first not 0 (0 marks test numbers), the repetition rule over the first 10, and an
 * ISO 7064 MOD 11,10 check digit. Accepts the compact and the space-grouped forms.
 */
export const deTaxIdDetector = idPatternDetector({
  id: 'pii.de_tax_id',
  entity: 'DE_TAX_ID',
  context: [
    'steuer-id',
    'steuerid',
    'steuer id',
    'steuer-identifikationsnummer',
    'steueridentifikationsnummer',
    'identifikationsnummer',
    'idnr',
    'id-nr',
    'tin',
    'tax id',
    'tax identification number',
  ],
  // Compact, or the printed groups 2-3-3-3 (`86 095 742 719`) and 3-3-3-2 (`860 957 427 19`).
  // Digits spelled out: V8 skips ahead much faster on `\d\d\d` than on `\d{3}`.
  reach: 0,
  pattern: /\b[1-9]\d(?:\d\d\d\d\d\d\d\d\d| \d\d\d \d\d\d \d\d\d|\d \d\d\d \d\d\d \d\d)\b/g,
  validate(text, m) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandaloneNumber(text, start, end)) return undefined;
    if (!repetitionRuleHolds(digitsOf(text, start, end))) return undefined;
    if (!iso7064Mod11_10Valid(text, start, end)) return undefined;
    return {
      score: SCORE,
      reason: 'pattern: 11 digits; validator: IdNr digit-repetition rule, ISO 7064 MOD 11,10 check digit',
    };
  },
});
