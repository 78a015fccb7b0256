/**
 * Runs of 7+ characters made of digits, spaces, dashes, dots and parentheses (optionally led by
 * `+` or `(`), starting at a word boundary and ending on a digit: every phone number, card
 * number, SSN and IPv4 address lies inside one. One regex pass finds them for all four detectors.
 */
const RUN = /\b\d[\d \-.()]{5,}\d/g;

// The scanner hands the same text to each detector in turn, so the runs of the last text are
// kept: a module-level memo, observably pure (same text, same runs). Only one text is held.
let lastText: string | undefined;
let lastRuns: readonly number[] = [];

/** Start and end offsets of the numeric runs of `text`, flattened: `[s0, e0, s1, e1, ...]`. */
export function numericRuns(text: string): readonly number[] {
  if (text === lastText) return lastRuns;
  const runs: number[] = [];
  const re = RUN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The leading `+` or `(` is added by hand: an optional first token halves the regex's speed.
    const lead = text.charCodeAt(m.index - 1);
    runs.push(lead === 43 || lead === 40 ? m.index - 1 : m.index, m.index + m[0].length);
  }
  lastText = text;
  lastRuns = runs;
  return runs;
}

/**
 * Calls `visit(absoluteStart, match)` for every match of the global regex `re` inside the numeric
 * runs of `text`. The regex sees only the run, so a `\b` at its edges does not know what follows
 * in the text: callers check the boundaries against `text` themselves.
 */
export function forEachRunMatch(text: string, re: RegExp, visit: (start: number, m: RegExpExecArray) => void): void {
  const runs = numericRuns(text);
  for (let k = 0; k < runs.length; k += 2) {
    const from = runs[k]!;
    const run = text.slice(from, runs[k + 1]);
    re.lastIndex = 0;
    for (let m = re.exec(run); m; m = re.exec(run)) visit(from + m.index, m);
  }
}
