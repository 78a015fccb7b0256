/**
 * Where a URL's path, query and fragment end, starting at `from` (just after the host and port).
 * Stops at whitespace, quotes, angle brackets and the like, then gives back trailing sentence
 * punctuation and closing brackets that have no opening partner inside the URL, so
 * `(see https://x.io/a).` ends before `)`.
 */
export function urlTailEnd(text: string, hostStart: number, from: number): number {
  let end = from;
  const c0 = text.charCodeAt(from);
  // Only `/`, `?` or `#` can follow a host; anything else ends the URL at the host.
  if (c0 !== 47 && c0 !== 63 && c0 !== 35) return from;
  while (end < text.length && isUrlCode(text.charCodeAt(end))) end++;
  // Bracket balance is counted once, then updated as closers are given back: linear time.
  let parens = balance(text, hostStart, end, 40, 41);
  let brackets = balance(text, hostStart, end, 91, 93);
  for (;;) {
    const last = text.charCodeAt(end - 1);
    if (isTrailingPunct(last)) {
      end--;
    } else if (last === 41 && parens < 0) {
      end--;
      parens++;
    } else if (last === 93 && brackets < 0) {
      end--;
      brackets++;
    } else {
      return end;
    }
  }
}

function isUrlCode(c: number): boolean {
  if (c <= 32 || c === 127) return false;
  if (c > 127) return c !== 0xa0 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f);
  // " < > \ ^ ` { | } are not allowed unescaped in URLs and usually delimit them in text.
  return c !== 34 && c !== 60 && c !== 62 && c !== 92 && c !== 94 && c !== 96 && c !== 123 && c !== 124 && c !== 125;
}

/** . , ; : ! ? ' and * end sentences or quotes far more often than they end URLs. */
function isTrailingPunct(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 39 || c === 42;
}

/** Openers minus closers in `text[start, end)`. */
function balance(text: string, start: number, end: number, open: number, close: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === open) depth++;
    else if (c === close) depth--;
  }
  return depth;
}
