// The whitespace this pass collapses (not quite `\s`: U+0085 is in, U+FEFF is out).
const SPACE = '\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// The runs that change: two characters or more, one that is neither a space nor a line feed, or
// a lone one at either end (removed; so are longer runs there). A lone space or line feed inside
// stays as it is, so plain text meets no match. (Longest alternatives first: a run is matched whole.)
const CHANGING_RUN = new RegExp(`[${SPACE}]{2,}|[\\t\\r\\u000b\\u000c\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]|^[${SPACE}]|[${SPACE}]$`, 'g');

function hasLineBreak(run: string, from = 0, to = run.length): boolean {
  for (let i = from; i < to; i++) {
    const c = run.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * Collapses each run of whitespace to one `\n` when it holds a line break, else to one space, and
 * trims both ends. One native pass; the input comes back as it is when nothing changes.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(CHANGING_RUN, (run: string, at: number) => {
    if (at === 0 || at + run.length === text.length) return '';
    return hasLineBreak(run) ? '\n' : ' ';
  });
}

/**
 * `collapseWhitespace` of a text whose changing runs are known: `runs` are `[start0, end0, ...]`,
 * in order, each a whole run of whitespace that the expression above matches (`quickScan` lists
 * them). Only they are read; the text comes back as it is when there are none.
 */
export function collapseRuns(text: string, runs: readonly number[]): string {
  if (runs.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k] as number;
    const end = runs[k + 1] as number;
    parts.push(text.slice(from, start));
    if (start !== 0 && end !== text.length) parts.push(hasLineBreak(text, start, end) ? '\n' : ' ');
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Where positions of `text` outside its whitespace runs land in `collapseRuns(text, runs)`
 * (`length` is the text's): each moves back by what the runs before it lost.
 */
export function collapsedPositions(positions: readonly number[], runs: readonly number[], length: number): number[] {
  const out: number[] = [];
  let k = 0;
  let removed = 0;
  for (const p of positions) {
    while (k < runs.length && (runs[k + 1] as number) <= p) {
      const start = runs[k] as number;
      const end = runs[k + 1] as number;
      removed += end - start - (start === 0 || end === length ? 0 : 1);
      k += 2;
    }
    out.push(p - removed);
  }
  return out;
}
