import type { Finding } from '../../core/finding.js';
import * as contextWords from '../context-words.js';
import type { Detector } from '../detector.js';
import * as charCodes from './char-codes.js';
import * as numericRunsModule from './numeric-runs.js';
import * as phoneShape from './phone-shape.js';
import * as phoneValidation from './phone-validation.js';
import type { PhoneShape } from './phone-shape.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { findContextWord } = contextWords;
const { isDigit, isWordCode } = charCodes;
const { numericRuns } = numericRunsModule;
const { readPhoneShape } = phoneShape;
const { mayBeNationalOf, supportedRegions, validInternational, validNational } = phoneValidation;

const ID = 'pii.phone';

function isSepOrSlash(c: number): boolean {
  return c === 45 || c === 46 || c === 47 || c === 44 || c === 58;
}

function isCurrency(c: number): boolean {
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0x20b9;
}

/** Not glued to a longer token: no letters around, no `1.` / `-2` continuing another number. */
function boundariesOk(text: string, s: PhoneShape): boolean {
  const b = text.charCodeAt(s.start - 1);
  if (isWordCode(b) || b === 43) return false;
  if (isSepOrSlash(b) && isDigit(text.charCodeAt(s.start - 2))) return false;
  if (isCurrency(b) || (b === 32 && isCurrency(text.charCodeAt(s.start - 2)))) return false;
  const a = text.charCodeAt(s.end);
  if (isWordCode(a) || a === 37) return false;
  return !(isSepOrSlash(a) && isDigit(text.charCodeAt(s.end + 1)));
}

/** `2023-04-03`, `03.04.2023` (also when a time follows: `2023-04-03 01`). */
function isDateShape(s: PhoneShape): boolean {
  if (s.groups.length < 3 || s.plus || s.parens) return false;
  const [a, b, c] = s.groups as [number, number, number];
  if (a === 4 && b <= 2 && c <= 2) {
    return /^(19|20)/.test(s.digits) && Number(s.digits.slice(4, 4 + b)) <= 12;
  }
  return s.groups.length === 3 && a <= 2 && b <= 2 && c === 4 && /^(19|20)/.test(s.digits.slice(a + b));
}

/** Shapes that are something else: SSNs (their own detector), dates, IPv4, decimals. */
function isOtherShape(s: PhoneShape): boolean {
  const g = s.groups;
  const ssn = g.length === 3 && g[0] === 3 && g[1] === 2 && g[2] === 4;
  if (ssn && !s.plus && !s.parens && s.separators === '-') return true;
  const ipv4 = g.length === 4 && g.every((n) => n <= 3);
  if (s.separators === '.' && (g.length === 2 || ipv4)) return true;
  return isDateShape(s);
}

const CONTEXT = [
  'phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'call', 'fax', 'whatsapp', 'office',
  'desk', 'reach', 'contact', 'text', 'sms', 'dial', 'landline', 'hotline', 'number', 'ph', 'mob',
  'message', 'messages', 'answering',
];

/**
 * Score and reason of a plausible candidate, or undefined for a bare digit run that no region
 * validates: without groups or a `+`, nothing else says it is a phone number.
 */
function score(text: string, s: PhoneShape, hints: readonly string[]): [number, string] | undefined {
  const multi = s.groups.length > 1;
  // Full validation costs tens of microseconds. A phone-shaped number next to a phone word is
  // reported (shape score + context boost) whatever it would say, so there it is skipped.
  const shaped = (multi || s.plus) && s.digits.length >= 7;
  let context: boolean | undefined;
  const worthValidating = () => {
    context ??= shaped && findContextWord(text, s.start, s.end, CONTEXT) !== undefined;
    return !context;
  };
  const candidate = text.slice(s.start, s.numberEnd);
  if (s.plus) {
    const valid = worthValidating() && validInternational(candidate);
    return valid ? [0.85, 'international number, valid'] : shapeScore(s);
  }
  // 00 / 011 are the international call prefixes of most countries and of North America.
  const idd = s.digits.startsWith('011') ? 3 : s.digits.startsWith('00') ? 2 : 0;
  if (multi && idd > 0 && worthValidating() && validInternational(`+${s.digits.slice(idd)}`)) {
    return [0.75, 'international prefix, valid'];
  }
  for (const region of supportedRegions(hints)) {
    if (!mayBeNationalOf(s.digits, region) || !worthValidating()) continue;
    if (!validNational(candidate, region)) continue;
    return multi ? [0.7, `valid for ${region}`] : [0.45, `digits valid for ${region}`];
  }
  return multi ? shapeScore(s) : undefined;
}

/** Scores of phone-shaped numbers that were not (or could not be) validated. */
function shapeScore(s: PhoneShape): [number, string] {
  if (s.plus) return [0.55, 'international number shape'];
  if (s.digits.length < 7) return [0.3, 'short phone shape'];
  return s.parens ? [0.45, 'phone shape with area code'] : [0.4, 'phone shape'];
}

function plausible(s: PhoneShape): boolean {
  const n = s.digits.length;
  if (/^(\d)\1+$/.test(s.digits)) return false;
  if (s.groups.length === 1 && !s.plus) return n >= 7 && n <= 11;
  // Six digits in three groups (`61 51 81`) are short local numbers in some countries.
  const min = s.plus ? 8 : s.groups.length >= 3 ? 6 : 7;
  return n >= min && n <= 15 && !isOtherShape(s);
}

/**
 * Labels before a number: group 1 a phone word, group 2 a word that makes the number some other
 * identifier ("licence number", "account"). One case-insensitive pass over a short window.
 */
const LABEL_BEFORE =
  /\b(?:(phone|tel|mobile|cell|fax|call|whatsapp)|(licen[cs]e|passport|account|acct|routing|ssn|social security|tax|policy|member|serial|isbn|vin|(?<!caller )id)\b)/gi;

/** True when an id word is the nearest label before `start` (nearer than any phone word). */
function labelledOtherId(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const re = LABEL_BEFORE;
  re.lastIndex = 0;
  let other = false;
  for (let m = re.exec(before); m; m = re.exec(before)) other = m[2] !== undefined;
  return other;
}

/**
 * `pii.phone`: phone numbers of any country. Candidates are read by hand (digit groups with one
 * space, dash or dot between them, parentheses, a `+`, an extension), then validated with
 * libphonenumber-js's full metadata: `+` numbers against every country, the rest against the
 * region hints. Unvalidated but phone-shaped numbers score below the threshold and need a context
 * word; bare digit runs are reported only when valid, and still need a context word.
 */
export const phoneDetector: Detector = {
  id: ID,
  entities: ['PHONE_NUMBER'],
  context: CONTEXT,
  detect(text, ctx) {
    const out: Finding[] = [];
    const runs = numericRuns(text, ctx);
    let done = 0;
    for (let k = 0; k < runs.length; k += 2) {
      const runEnd = runs[k + 1]!;
      let pos = Math.max(runs[k]!, done);
      while (pos < runEnd) {
        const shape = readPhoneShape(text, pos);
        if (!shape) {
          // A `(` or `+` that opens no number, or an over-long digit group: move on to the
          // next place a number could start (never into the middle of a digit group).
          pos = nextStart(text, pos + 1, runEnd);
          continue;
        }
        if (plausible(shape) && boundariesOk(text, shape) && !labelledOtherId(text, shape.start)) {
          const scored = score(text, shape, ctx.regions);
          if (scored) {
            const { start, end } = shape;
            out.push({ type: 'PHONE_NUMBER', start, end, score: scored[0], detector: ID, reason: scored[1] });
          }
        }
        // An extension may reach past the run; the next run must not start inside it.
        done = Math.max(done, shape.end);
        pos = nextStart(text, shape.end, runEnd);
      }
    }
    return out;
  },
};

/** The next place inside the numeric run where a number could start. */
function nextStart(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 43 || c === 40 || (isDigit(c) && !isDigit(text.charCodeAt(i - 1)))) return i;
    i++;
  }
  return limit;
}
