import { isAsciiLetter, isOpenBracket, isWordChar, matchPlaceholderAt, MORE, type MatchContext } from './placeholder-matcher.js';

/** Output of {@link restoreRun}: the restored text and how much of the input it covers. */
export interface RestoreRun {
  readonly output: string;
  /** Characters of the input that are final; the rest must be offered again with more text. */
  readonly consumed: number;
}

function hasAny(items: Iterable<string>): boolean {
  for (const _ of items) return true;
  return false;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * Restores the placeholders in `text` from left to right. `prev` is the code of the character
 * that came before `text` in the stream (-1 at the start). Unless `ctx.final`, it stops at the
 * first position whose outcome depends on text not seen yet, and keeps a trailing lone high
 * surrogate back so released text never ends in half a character.
 */
export function restoreRun(text: string, prev: number, ctx: MatchContext): RestoreRun {
  const len = text.length;
  if (!hasAny(ctx.vault.labels())) {
    const consumed = !ctx.final && len > 0 && isHighSurrogate(text.charCodeAt(len - 1)) ? len - 1 : len;
    return { output: text.slice(0, consumed), consumed };
  }
  let out = '';
  let flushed = 0;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    const before = i > 0 ? text.charCodeAt(i - 1) : prev;
    const bare = isAsciiLetter(c) && !isWordChar(before);
    if (!bare && !isOpenBracket(c)) {
      i++;
      continue;
    }
    const m = matchPlaceholderAt(text, i, before, ctx);
    if (m === MORE) return { output: out + text.slice(flushed, i), consumed: i };
    if (m !== undefined) {
      out += text.slice(flushed, i) + m.value;
      i = m.end;
      flushed = i;
    } else if (bare) {
      // No position inside a word can start a bare placeholder: skip the rest of it.
      i++;
      while (i < len && isWordChar(text.charCodeAt(i))) i++;
    } else {
      i++;
    }
  }
  const consumed = !ctx.final && len > 0 && isHighSurrogate(text.charCodeAt(len - 1)) ? len - 1 : len;
  return { output: out + text.slice(flushed, consumed), consumed };
}
