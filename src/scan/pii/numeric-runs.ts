import type { DetectorContext } from '../detector.js';
import { perScan } from '../per-scan.js';

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
  return perScan(ctx, 'pii.numeric_runs', () => findRuns(text));
}

function findRuns(text: string): number[] {
  const runs: number[] = [];
  const re = RUN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The leading `+` or `(` is added by hand: an optional first token halves the regex's speed.
    const lead = text.charCodeAt(m.index - 1);
    runs.push(lead === 43 || lead === 40 ? m.index - 1 : m.index, m.index + m[0].length);
  }
  return runs;
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
