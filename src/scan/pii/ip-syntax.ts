import * as charCodes from './char-codes.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isDigit, isHexDigit } = charCodes;

/**
 * True when `text[start, end)` is a dotted-quad IPv4 address: four decimal octets up to 255,
 * without leading zeros (`010` is octal to some parsers, so it is not read as an address).
 */
export function ipv4Valid(text: string, start: number, end: number): boolean {
  let parts = 0;
  let i = start;
  while (i <= end) {
    let value = 0;
    let digits = 0;
    const partStart = i;
    while (i < end && isDigit(text.charCodeAt(i))) {
      value = value * 10 + (text.charCodeAt(i) - 48);
      digits++;
      i++;
    }
    if (digits === 0 || digits > 3 || value > 255) return false;
    if (digits > 1 && text.charCodeAt(partStart) === 48) return false;
    parts++;
    if (i === end) break;
    if (text.charCodeAt(i) !== 46) return false;
    i++;
  }
  return parts === 4;
}

/**
 * True when `text[start, end)` is an IPv6 address in full, compressed (`::`) or IPv4-mapped
 * (`::ffff:192.0.2.1`) form. Zone ids and prefix lengths are not part of the address.
 */
export function ipv6Valid(text: string, start: number, end: number): boolean {
  const s = text.slice(start, end);
  const double = s.indexOf('::');
  if (double >= 0 && s.indexOf('::', double + 1) >= 0) return false;
  let groups = 0;
  const parts = s.split(':');
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (part === '') continue;
    if (k === parts.length - 1 && part.includes('.')) {
      if (!ipv4Valid(part, 0, part.length)) return false;
      groups += 2;
      continue;
    }
    if (part.length > 4) return false;
    for (let i = 0; i < part.length; i++) if (!isHexDigit(part.charCodeAt(i))) return false;
    groups++;
  }
  if (double < 0) {
    // Without `::` every one of the eight groups is written and no part is empty.
    return groups === 8 && !parts.includes('');
  }
  // With one `::`, a lone colon may still not open or close the address.
  if (s.startsWith(':') && double !== 0) return false;
  if (s.endsWith(':') && double !== s.length - 2) return false;
  return groups <= 7;
}
