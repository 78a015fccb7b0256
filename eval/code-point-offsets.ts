/**
 * Converts code-point offsets (what Python's `str` indexes) into UTF-16 code-unit offsets (what
 * JavaScript strings index). They differ only after a character outside the BMP (an emoji, say),
 * which takes one code point but two code units.
 *
 * Returns a function mapping a code-point offset in `text` to a UTF-16 offset; offsets past the
 * end map past the end by the same amount.
 */
export function codePointToUtf16(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const table: number[] = [];
  let unit = 0;
  for (const ch of text) {
    table.push(unit);
    unit += ch.length;
  }
  table.push(unit);
  const last = table.length - 1;
  return (offset) => (offset <= last ? table[offset]! : unit + (offset - last));
}
