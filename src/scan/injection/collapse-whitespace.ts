function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/**
 * Collapses each run of whitespace to one `\n` when it holds a line break, else to one space, and
 * trims both ends. One pass; returns the input itself when nothing changes.
 */
export function collapseWhitespace(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) {
      i++;
      continue;
    }
    let j = i;
    let lineBreak = false;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (!isSpace(d)) break;
      if (isBreak(d)) lineBreak = true;
      j++;
    }
    const atEdge = i === 0 || j === n;
    const replacement = atEdge ? '' : lineBreak ? '\n' : ' ';
    if (j - i !== 1 || c !== 0x20 || atEdge) {
      parts.push(text.slice(from, i), replacement);
      from = j;
    }
    i = j;
  }
  if (from === 0) return text;
  parts.push(text.slice(from));
  return parts.join('');
}
