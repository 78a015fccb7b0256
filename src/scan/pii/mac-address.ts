import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import { isAsciiLetter, isHexDigit } from './char-codes.js';

const ID = 'pii.mac_address';
/** `00:1A:2B:3C:4D:5E` and `00-1A-2B-3C-4D-5E` (one separator throughout). */
const PAIRS = /\b[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}\b/g;
/** Cisco's `001a.2b3c.4d5e`. */
const DOTTED = /\b[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\b/g;

function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isAsciiLetter(s.charCodeAt(i))) return true;
  return false;
}

function collect(text: string, re: RegExp, out: Finding[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const sep = re === DOTTED ? 46 : m[0].charCodeAt(2);
    // One more group of the same shape means a longer hex sequence (IPv6, a hash dump), not a MAC.
    if (text.charCodeAt(end) === sep && isHexDigit(text.charCodeAt(end + 1))) continue;
    if (text.charCodeAt(start - 1) === sep && isHexDigit(text.charCodeAt(start - 2))) continue;
    // All-digit groups read as dates, phone numbers or ids just as well: leave those to context.
    const letters = hasLetter(m[0]);
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
    collect(text, PAIRS, out);
    collect(text, DOTTED, out);
    return out;
  },
};
