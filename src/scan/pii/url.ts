import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import * as charCodes from './char-codes.js';
import * as hostnameModule from './hostname.js';
import * as ipSyntax from './ip-syntax.js';
import * as knownTlds from './known-tlds.js';
import * as urlTail from './url-tail.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isAsciiLetter, isDigit } = charCodes;
const { hostnameValid } = hostnameModule;
const { ipv4Valid } = ipSyntax;
const { AMBIGUOUS_TLDS, KNOWN_TLDS } = knownTlds;
const { urlTailEnd } = urlTail;

const ID = 'pii.url';
const SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ftp', 'ftps', 'sftp', 'ws', 'wss']);

function isHostCode(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 45 || c === 46;
}

/** End of an optional `:port` after the host. */
function portEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== 58) return at;
  let i = at + 1;
  while (i < text.length && i - at <= 5 && isDigit(text.charCodeAt(i))) i++;
  return i > at + 1 ? i : at;
}

function finding(start: number, end: number, score: number, reason: string): Finding {
  return { type: 'URL', start, end, score, detector: ID, reason };
}

/** `scheme://[user@]host[:port][/path]` with a known scheme and a valid host. */
function schemeUrl(text: string, sep: number): Finding | undefined {
  let start = sep;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (!SCHEMES.has(text.slice(start, sep).toLowerCase())) return undefined;
  let hostStart = sep + 3;
  // Userinfo: skip to after an `@` that comes before any path character.
  for (let i = hostStart; i < text.length && i - hostStart < 256; i++) {
    const c = text.charCodeAt(i);
    if (c === 64) hostStart = i + 1;
    else if (c === 47 || c === 63 || c === 35 || c <= 32) break;
  }
  let hostEnd = hostStart;
  if (text.charCodeAt(hostStart) === 91) {
    hostEnd = text.indexOf(']', hostStart);
    if (hostEnd < 0 || hostEnd - hostStart > 46) return undefined;
    hostEnd++;
  } else {
    while (hostEnd < text.length && isHostCode(text.charCodeAt(hostEnd))) hostEnd++;
    if (hostEnd <= hostStart) return undefined;
    while (text.charCodeAt(hostEnd - 1) === 46) hostEnd--;
    if (!ipv4Valid(text, hostStart, hostEnd) && !hostnameValid(text, hostStart, hostEnd, 1)) return undefined;
  }
  const end = urlTailEnd(text, start, portEnd(text, hostEnd));
  return finding(start, end, 0.9, 'URL with scheme');
}

function hostRunEnd(text: string, from: number): number {
  let end = from + 1;
  while (end < text.length && isHostCode(text.charCodeAt(end))) end++;
  return end;
}

/** `www.` hosts and bare domain names around the dot at `dot`. */
function hostUrl(text: string, dot: number): Finding | undefined {
  let start = dot;
  while (start > 0 && isHostCode(text.charCodeAt(start - 1))) start--;
  let end = hostRunEnd(text, dot);
  while (end > dot && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
  const before = text.charCodeAt(start - 1);
  // Part of an email, a path or a longer token: not a host of its own.
  if (before === 64 || before === 47 || before === 92 || before === 95) return undefined;
  if (text.charCodeAt(end) === 64) return undefined;
  if (!hostnameValid(text, start, end, 2)) return undefined;
  const tailEnd = urlTailEnd(text, start, portEnd(text, end));
  if (text.startsWith('www.', start) || text.startsWith('WWW.', start)) {
    return hostnameValid(text, start, end, 3) ? finding(start, tailEnd, 0.8, 'www host') : undefined;
  }
  const tld = text.slice(text.lastIndexOf('.', end - 1) + 1, end);
  if (tld !== tld.toLowerCase() || !KNOWN_TLDS.has(tld) || AMBIGUOUS_TLDS.has(tld)) return undefined;
  return finding(start, tailEnd, 0.35, 'bare domain with known TLD');
}

/**
 * `pii.url`: URLs with a scheme (http, https, ftp, ws...) or `www.`, and bare domain names
 * (`example.co.uk`) at a low score that needs a context word. File names are left alone: the
 * top-level label must be a known TLD that is not usually a file extension.
 */
export const urlDetector: Detector = {
  id: ID,
  entities: ['URL'],
  context: [
    'url', 'link', 'website', 'site', 'web', 'domain', 'visit', 'homepage', 'page', 'http', 'https',
    'browse', 'go to',
  ],
  detect(text) {
    const out: Finding[] = [];
    let covered = 0;
    for (let sep = text.indexOf('://'); sep >= 0; sep = text.indexOf('://', sep + 3)) {
      if (sep < covered) continue;
      const f = schemeUrl(text, sep);
      if (f) {
        out.push(f);
        covered = f.end;
      }
    }
    // Every `www.` host and bare domain has a dot followed by two letters (its last label).
    // Dots are frequent but an indexOf walk over them is far cheaper than a regex pass.
    // Scheme URLs are sorted by start: walk them alongside the dots instead of searching.
    const withScheme = out.length;
    let k = 0;
    for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
      if (!isAsciiLetter(text.charCodeAt(dot + 1)) || !isAsciiLetter(text.charCodeAt(dot + 2))) continue;
      while (k < withScheme && out[k]!.end <= dot) k++;
      const owner = k < withScheme ? out[k] : undefined;
      if (owner && owner.start <= dot) {
        dot = owner.end - 1;
        continue;
      }
      const f = hostUrl(text, dot);
      if (f) out.push(f);
      // Every dot of the same host run expands to the same run: skip them all.
      dot = (f ? f.end : hostRunEnd(text, dot)) - 1;
    }
    return out;
  },
};

