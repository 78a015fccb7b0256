import type { Finding } from '../../core/finding.js';
import { CONTEXT_WINDOW_AFTER, CONTEXT_WINDOW_BEFORE, findContextWord } from '../context-words.js';
import type { Detector } from '../detector.js';
import { dateAroundYear } from './date-around-year.js';
import { forEachDigitMatch } from './digit-span.js';

const ID = 'pii.date_of_birth';

/** Birth cues in the languages whose month names we read; matched word-bounded, lower case. */
const WORDS = [
  'born',
  'birth',
  'birthday',
  'birthdate',
  'birth date',
  'date of birth',
  'dob',
  'd.o.b',
  'b-day',
  'geboren',
  'geb.',
  'geburtsdatum',
  'geburtstag',
  'né',
  'née',
  'né le',
  'née le',
  'naissance',
  'date de naissance',
  'nacido',
  'nacida',
  'nacimiento',
  'fecha de nacimiento',
  'nascita',
  'data di nascita',
  'nato il',
  'nata il',
  'nascimento',
  'geboortedatum',
  'geboren op',
];

/**
 * A date is only a date of birth when the text says so: reported only with a birth word, which
 * the scanner also finds and boosts (+0.35) to a final 0.85 (the date itself is validated, the
 * context is explicit).
 */
const SCORE = 0.5;

/** Every written date we read carries a 4-digit year: the rare, fast anchor. */
const YEAR = /\b(?:19|20)\d\d\b/g;

/**
 * Every stem of WORDS, for a quick test of the whole window before the exact word-bounded search:
 * dates are common in chat, birth words next to them are not.
 */
const BIRTH_CUE =
  /born|birth|d\.?o\.?b|b-day|geb|\bné|naissance|nac[ií]|nascita|nat[oa] il|nascimento|geboorte/i;

function hasBirthContext(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - CONTEXT_WINDOW_BEFORE), end + CONTEXT_WINDOW_AFTER);
  return BIRTH_CUE.test(window) && findContextWord(text, start, end, WORDS) !== undefined;
}

interface YearVisit {
  readonly findings: Finding[];
  readonly currentYear: number;
}

function visitYear(m: RegExpExecArray, text: string, found: YearVisit, windowStart: number): void {
  const year = Number(m[0]);
  if (year > found.currentYear) return;
  const date = dateAroundYear(text, m.index, year);
  if (!date || !hasBirthContext(text, date.start, date.end)) return;
  found.findings.push({
    type: 'DATE_OF_BIRTH',
    start: date.start,
    end: date.end,
    score: SCORE,
    detector: ID,
    reason: `pattern: date (${date.form}), valid calendar date; birth context required`,
  });
  // Past the whole date (`YEAR.lastIndex` counts from the start of the searched part).
  if (date.end - windowStart > YEAR.lastIndex) YEAR.lastIndex = date.end - windowStart;
}

/**
 * `pii.date_of_birth`: calendar dates (numeric y-m-d, d/m/y, m/d/y with `/ - .`; day and month
 * name in English, German, French, Spanish, Italian, Portuguese or Dutch) with a year from 1900 to
 * the current year, reported ONLY with a birth word ("born", "date of birth", "DOB", "geboren",
 * "né le", "fecha de nacimiento", ...) within the context window. Any other date: nothing.
 */
export const dateOfBirthDetector: Detector = {
  id: ID,
  entities: ['DATE_OF_BIRTH'],
  context: WORDS,
  detect(text, ctx) {
    const found: YearVisit = { findings: [], currentYear: new Date().getFullYear() };
    forEachDigitMatch(text, ctx, YEAR, 0, visitYear, found);
    return found.findings;
  },
};
