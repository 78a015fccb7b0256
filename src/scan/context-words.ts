/** How far around a finding context words are looked for, in UTF-16 code units. */
export const CONTEXT_WINDOW_BEFORE = 48;
export const CONTEXT_WINDOW_AFTER = 24;

/** How much a context word raises a finding's score (capped at 1). */
export const CONTEXT_BOOST = 0.35;

function isWordChar(code: number): boolean {
  // ASCII letters and digits, plus everything above ASCII that is not a space or punctuation we
  // care about: good enough for word boundaries around context words in any Latin-script text.
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    (code > 127 && code !== 0xa0 && !(code >= 0x2000 && code <= 0x206f))
  );
}

/**
 * Returns the first of `words` (lower-case words or phrases) that occurs word-bounded within the
 * window around `[start, end)` of `text`, or `undefined`. The finding itself is not searched, so a
 * value cannot be its own context.
 */
export function findContextWord(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
  before = CONTEXT_WINDOW_BEFORE,
  after = CONTEXT_WINDOW_AFTER,
): string | undefined {
  const left = text.slice(Math.max(0, start - before), start).toLowerCase();
  const right = text.slice(end, Math.min(text.length, end + after)).toLowerCase();
  for (const word of words) {
    if (occursWordBounded(left, word) || occursWordBounded(right, word)) return word;
  }
  return undefined;
}

function occursWordBounded(haystack: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? 32 : haystack.charCodeAt(at - 1);
    const after = at + word.length >= haystack.length ? 32 : haystack.charCodeAt(at + word.length);
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = at + 1;
  }
}
