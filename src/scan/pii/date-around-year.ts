import { isAsciiLetter, isDigit } from './char-codes.js';
import { monthNumber } from './month-number.js';

/** `-04-12`, `/4/12`, `.04.12` right after the year. */
const AFTER_YEAR = /([-/.])(\d{1,2})\1(\d{1,2})(?!\d)/y;
/** `12/04/`, `4-12-`, `12.04.`, `12. 04. ` just before the year (run on a short slice). */
const NUMERIC_BEFORE = /(?<![\d./-])(\d{1,2})([-/.]) ?(\d{1,2})\2 ?$/;
/**
 * After the day, up to the year: `. April `, `th of April, `, ` de abril de `, `er avril `,
 * `-Apr-`. The lookahead for the year makes `of`/`de` backtrack out of the month slot.
 */
const MONTH_AFTER_DAY =
  /(?:st|nd|rd|th|er|º|\.)?(?:[ -]|\s+of\s+|\s+de\s+)\s*(\p{L}+)\.?(?:,?\s+|-)(?:de\s+)?(?=(?:19|20)\d\d\b)/iuy;
/** After the day, up to the year, when the month came first: `, `, `th, `, ` `. */
const DAY_TAIL = /(?:st|nd|rd|th)?,?\s+(?=(?:19|20)\d\d\b)/y;
/** The month name before the day: `April `, `Apr. ` (run on a short slice). */
const MONTH_BEFORE_DAY = /(?<!\p{L})(\p{L}+)\.?\s+$/u;

/** A parsed date: its span and which written form it had. */
export interface DateSpan {
  readonly start: number;
  readonly end: number;
  readonly form: string;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

function isDateSeparator(code: number): boolean {
  return code === 45 || code === 46 || code === 47;
}

/** `1990-04-12` and the like: the year, then month and day. */
function yearFirst(text: string, ys: number, ye: number, year: number): DateSpan | undefined {
  if (!isDateSeparator(text.charCodeAt(ye))) return undefined;
  const before = text.charCodeAt(ys - 1);
  if (isDigit(before) || isDateSeparator(before)) return undefined;
  AFTER_YEAR.lastIndex = ye;
  const m = AFTER_YEAR.exec(text);
  if (!m || !validDate(year, Number(m[2]), Number(m[3]))) return undefined;
  return { start: ys, end: AFTER_YEAR.lastIndex, form: 'y-m-d' };
}

/** `12/04/1990`, `4-12-1990`, `12.04.1990`: `null` without that shape, `undefined` if invalid. */
function numericDayMonth(
  text: string,
  ys: number,
  ye: number,
  year: number,
): DateSpan | undefined | null {
  const m = NUMERIC_BEFORE.exec(text.slice(Math.max(0, ys - 9), ys));
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  // Day-first and month-first are both in use; either reading that is a real date will do.
  if (!validDate(year, b, a) && !validDate(year, a, b)) return undefined;
  return { start: ys - m[0].length, end: ye, form: 'numeric d/m/y or m/d/y' };
}

/**
 * `12 April 1990`, `April 12, 1990` and their translations: the day is the nearest number before
 * the year.
 */
function namedMonth(text: string, ys: number, ye: number, year: number): DateSpan | undefined {
  let dayEnd = ys - 1;
  while (dayEnd >= ys - 24 && dayEnd >= 0 && !isDigit(text.charCodeAt(dayEnd))) dayEnd--;
  if (dayEnd < ys - 24 || dayEnd < 0) return undefined;
  dayEnd++;
  let dayStart = dayEnd - 1;
  while (dayStart > 0 && isDigit(text.charCodeAt(dayStart - 1))) dayStart--;
  if (dayEnd - dayStart > 2 || isAsciiLetter(text.charCodeAt(dayStart - 1))) return undefined;
  const day = Number(text.slice(dayStart, dayEnd));

  MONTH_AFTER_DAY.lastIndex = dayEnd;
  const after = MONTH_AFTER_DAY.exec(text);
  if (after && MONTH_AFTER_DAY.lastIndex === ys) {
    const month = monthNumber(after[1] ?? '');
    if (month !== undefined && validDate(year, month, day)) {
      return { start: dayStart, end: ye, form: 'day month-name year' };
    }
  }

  DAY_TAIL.lastIndex = dayEnd;
  if (DAY_TAIL.exec(text) === null || DAY_TAIL.lastIndex !== ys) return undefined;
  const before = MONTH_BEFORE_DAY.exec(text.slice(Math.max(0, dayStart - 16), dayStart));
  const month = before ? monthNumber(before[1] ?? '') : undefined;
  if (!before || month === undefined || !validDate(year, month, day)) return undefined;
  return { start: dayStart - before[0].length, end: ye, form: 'month-name day year' };
}

/**
 * The whole calendar date around the 4-digit `year` written at `ys` (numeric y-m-d, d/m/y or m/d/y
 * with `/ - .`, or a day and a month name in either order), or `undefined` when none parses into
 * a real date. Day-first and month-first numeric dates are both accepted.
 */
export function dateAroundYear(text: string, ys: number, year: number): DateSpan | undefined {
  const ye = ys + 4;
  const iso = yearFirst(text, ys, ye, year);
  if (iso) return iso;
  const numeric = numericDayMonth(text, ys, ye, year);
  if (numeric !== null) return numeric;
  return namedMonth(text, ys, ye, year);
}

