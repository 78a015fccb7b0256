import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import * as charCodes from './char-codes.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isAsciiLetter, isHexDigit, isWordAt } = charCodes;

const ID = 'pii.mac_address';
const PAIRS = /[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}/y;
const DOTTED = /[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}/y;

function hasLetter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isAsciiLetter(text.charCodeAt(i))) return true;
  return false;
}

/** Confirms the full address at `start` with the sticky pattern; returns its end or -1. */
function confirm(text: string, start: number, full: RegExp, sep: number): number {
  if (start < 0 || isWordAt(text, start - 1)) return -1;
  full.lastIndex = start;
  const m = full.exec(text);
  if (!m) return -1;
  const end = start + m[0].length;
  if (isWordAt(text, end)) return -1;
  // One more group of the same shape means a longer hex sequence (IPv6, a hash dump), not a MAC.
  if (text.charCodeAt(end) === sep && isHexDigit(text.charCodeAt(end + 1))) return -1;
  if (text.charCodeAt(start - 1) === sep && isHexDigit(text.charCodeAt(start - 2))) return -1;
  return end;
}

function hexRun(text: string, at: number, n: number): boolean {
  for (let i = at; i < at + n; i++) if (!isHexDigit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Walks the separators `sep` with indexOf (far cheaper than a regex that starts on a hex class,
 * which would be tried at nearly every word) and confirms an address wherever the separator
 * follows the first group: `XX` for `:` and `-`, `XXXX` for `.`.
 */
function collect(text: string, sep: string, group: number, full: RegExp, out: Finding[]): void {
  const code = sep.charCodeAt(0);
  for (let at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, at + 1)) {
    if (!hexRun(text, at + 1, group) || text.charCodeAt(at + 1 + group) !== code) continue;
    const start = at - group;
    const end = confirm(text, start, full, code);
    if (end < 0) continue;
    at = end;
    // All-digit groups read as dates, phone numbers or ids just as well: leave those to context.
    const letters = hasLetter(text, start, end);
    out.push({
      type: 'MAC_ADDRESS',
      start,
      end,
      score: letters ? 0.85 : 0.4,
      detector: ID,
      reason: letters ? 'MAC address pattern' : 'MAC address pattern, digits only',
    });
  }
}

/** `pii.mac_address`: MAC-48 addresses in colon, dash and dotted (Cisco) notation. */
export const macAddressDetector: Detector = {
  id: ID,
  entities: ['MAC_ADDRESS'],
  context: ['mac', 'mac address', 'hardware address', 'ethernet', 'wifi', 'wi-fi', 'nic', 'bssid', 'device'],
  detect(text) {
    const out: Finding[] = [];
    collect(text, ':', 2, PAIRS, out);
    collect(text, '-', 2, PAIRS, out);
    collect(text, '.', 4, DOTTED, out);
    return out;
  },
};
