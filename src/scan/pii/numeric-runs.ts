import type { DetectorContext } from '../detector.js';
import { perScan } from '../per-scan.js';
import { forEachDigitMatch } from './digit-span.js';

/**
 * Runs of 7+ characters made of digits, spaces, dashes, dots and parentheses (optionally led by
 * `+` or `(`), starting at a word boundary and ending on a digit: every phone number, card
 * number, SSN and IPv4 address lies inside one. One regex pass finds them for all four detectors.
 */
const RUN = /\b\d[\d \-.()]{5,}\d/g;

/**
 * Start and end offsets of the numeric runs of `text`, flattened: `[s0, e0, s1, e1, ...]`. Computed
 * once per scan and shared by the phone, card, SSN and IPv4 detectors.
 */
export function numericRuns(text: string, ctx: DetectorContext): readonly number[] {
  return perScan(ctx, 'pii.numeric_runs', () => findRuns(text, ctx));
}

function findRuns(text: string, ctx: DetectorContext): number[] {
  const runs: number[] = [];
  // A run starts and ends on a digit: only the digits' span is searched.
  forEachDigitMatch(text, ctx, RUN, 0, addRun, runs);
  return runs;
}

function addRun(m: RegExpExecArray, text: string, runs: number[]): void {
  // The leading `+` or `(` is added by hand: an optional first token halves the regex's speed.
  const lead = text.charCodeAt(m.index - 1);
  runs.push(lead === 43 || lead === 40 ? m.index - 1 : m.index, m.index + m[0].length);
}

/**
 * Calls `visit(absoluteStart, match)` for every match of the global regex `re` inside the numeric
 * runs of `text`. The regex sees only the run, so a `\b` at its edges does not know what follows
 * in the text: callers check the boundaries against `text` themselves.
 */
export function forEachRunMatch(
  text: string,
  ctx: DetectorContext,
  re: RegExp,
  visit: (start: number, m: RegExpExecArray) => void,
): void {
  const runs = numericRuns(text, ctx);
  for (let k = 0; k < runs.length; k += 2) {
    const from = runs[k]!;
    const run = text.slice(from, runs[k + 1]);
    re.lastIndex = 0;
    for (let m = re.exec(run); m; m = re.exec(run)) visit(from + m.index, m);
  }
}
