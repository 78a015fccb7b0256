import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import * as charCodes from './char-codes.js';
import * as numericRuns from './numeric-runs.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isDigit, isWordAt } = charCodes;
const { forEachRunMatch } = numericRuns;

const ID = 'pii.us_ssn';
/** AAA-GG-SSSS with one separator (dash or space) used throughout, or none. */
const SSN = /\b\d{3}([- ]?)\d{2}\1\d{4}\b/g;

/** Numbers the SSA never issued but that circulate widely (specimen cards, examples). */
const KNOWN_INVALID: ReadonlySet<string> = new Set(['078051120', '219099999', '123456789', '987654320']);

/**
 * True when the nine digits can be an issued SSN: area not 000, 666 or 900-999, group not 00,
 * serial not 0000, not one digit repeated and not a well-known specimen number.
 */
export function ssnDigitsValid(d: string): boolean {
  const area = Number(d.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (d.slice(3, 5) === '00' || d.slice(5) === '0000') return false;
  if (d === d[0]!.repeat(9)) return false;
  return !KNOWN_INVALID.has(d);
}

/** A neighbouring `-7` or `.7` means the match is a slice of a longer number. */
function continuesNumber(text: string, start: number, end: number, sep: string): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  const joins = (c: number) => c === 45 || c === 46 || (sep === ' ' && c === 32);
  return (joins(before) && isDigit(text.charCodeAt(start - 2))) || (joins(after) && isDigit(text.charCodeAt(end + 1)));
}

/**
 * `pii.us_ssn`: US Social Security numbers. The dashed form scores enough to be reported on its
 * own; spaced and bare nine-digit forms score lower and need a context word ("SSN").
 */
export const usSsnDetector: Detector = {
  id: ID,
  entities: ['US_SSN'],
  context: ['ssn', 'ssns', 'ssn#', 'ss#', 'social security', 'social security number', 'social sec', 'ssa'],
  detect(text, ctx) {
    const out: Finding[] = [];
    forEachRunMatch(text, ctx, SSN, (start, m) => {
      const end = start + m[0].length;
      const sep = m[1] ?? '';
      if (isWordAt(text, start - 1) || isWordAt(text, end) || continuesNumber(text, start, end, sep)) return;
      const digits = sep === '' ? m[0] : m[0].split(sep).join('');
      if (!ssnDigitsValid(digits)) return;
      const score = sep === '-' ? 0.65 : sep === ' ' ? 0.45 : 0.3;
      const form = sep === '-' ? 'dashed' : sep === ' ' ? 'spaced' : 'bare';
      out.push({ type: 'US_SSN', start, end, score, detector: ID, reason: `SSN pattern (${form}), valid ranges` });
    });
    return out;
  },
};
