// The whitespace this pass collapses (not quite `\s`: U+0085 is in, U+FEFF is out).
const SPACE = '\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// The runs that change: two characters or more, one that is neither a space nor a line feed, or
// a lone one at either end (removed; so are longer runs there). A lone space or line feed inside
// stays as it is, so plain text meets no match. (Longest alternatives first: a run is matched whole.)
const CHANGING_RUN = new RegExp(`[${SPACE}]{2,}|[\\t\\r\\u000b\\u000c\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]|^[${SPACE}]|[${SPACE}]$`, 'g');

function hasLineBreak(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
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
