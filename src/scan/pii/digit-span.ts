import type { DetectorContext } from '../detector.js';
import { perScan } from '../per-scan.js';

/** Where the ASCII digits of a text lie: its first and last digit (UTF-16 offsets). */
export interface DigitSpan {
  readonly first: number;
  readonly last: number;
}

const DIGITS = '0123456789';
/** `indexOf` calls spent looking for the last digit before settling for the text's end. */
const LAST_DIGIT_BUDGET = 48;

/**
 * The span of the digits of `text`, found once per scan; undefined when it has none (most chat
 * prompts). Every number-based detector needs a digit in its match, so this bounds their work.
 */
export function digitSpan(text: string, ctx: DetectorContext): DigitSpan | undefined {
  // Stored as null when there is none: one map lookup then answers for every later detector.
  return perScan(ctx, 'pii.digit_span', () => findDigitSpan(text)) ?? undefined;
}

function findDigitSpan(text: string): DigitSpan | null {
  // `indexOf` of one character is a native memchr, far cheaper than any per-character loop or
  // regex pass (`lastIndexOf` is not, so the last digit is found walking forwards).
  let first = -1;
  let last = -1;
  let budget = LAST_DIGIT_BUDGET;
  for (let d = 0; d < 10; d++) {
    const digit = DIGITS[d] as string;
    let at = text.indexOf(digit);
    if (at < 0) continue;
    if (first < 0 || at < first) first = at;
    while (at >= 0 && budget > 0) {
      if (at > last) last = at;
      at = text.indexOf(digit, at + 1);
      budget--;
    }
    // Out of budget (a text full of numbers): the end of the text is a safe upper bound.
    if (at >= 0) last = text.length - 1;
  }
  return first < 0 ? null : { first, last };
}

/**
 * Calls `visit(m, text, out, windowStart)` for every match of the global regex `re` in `text`,
 * as a search of the whole text would find them, with `m.index` an offset in `text` — but
 * searching only around the digits: every match of `re` must hold a digit, and no character of a
 * match may lie more than `reach` characters before the match's first digit or after its last
 * one. Then no match lies outside the digit span widened by `reach`, and one more character on
 * each side gives `\b` its real neighbours; a match the narrower search could invent at its
 * edges would hold no digit. `visit` may move `re.lastIndex`, an offset in the searched part,
 * which starts at `windowStart` in `text`. (`out` is passed through, so that callers need not
 * allocate a closure per scan.)
 */
export function forEachDigitMatch<T>(
  text: string,
  ctx: DetectorContext,
  re: RegExp,
  reach: number,
  visit: (m: RegExpExecArray, text: string, out: T, windowStart: number) => void,
  out: T,
): void {
  const span = digitSpan(text, ctx);
  if (span === undefined) return;
  const from = Math.max(0, span.first - reach - 1);
  const to = Math.min(text.length, span.last + reach + 2);
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    m.index += from;
    visit(m, text, out, from);
  }
}
