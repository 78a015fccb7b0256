import { decodeBase64 } from '../base64.js';
import { encodedRuns, isHexChar, type EncodedRuns } from './quick-scan.js';
import { isPrintableText } from './reveal-invisible.js';

/** A payload decoded from base64, hex or percent-encoding, before normalisation. */
export interface EncodedPayload {
  readonly encoding: 'base64' | 'hex' | 'url';
  readonly text: string;
  /**
   * True when the encoding itself is odd: base64 and hex that decode to text always are; percent
   * encoding only when it encodes letters and digits, which never need it.
   */
  readonly suspicious: boolean;
}

/** Candidates tried per encoding, payloads kept, and encoded characters read per candidate. */
const MAX_TRIES = 16;
const MAX_PAYLOADS = 8;
const MAX_ENCODED = 16_384;

// Prefixed hex ("\\x69\\x67", "0x69 0x67"): fixed-width units, so a failed attempt costs a bounded
// number of steps per start position. Runs only when the text has such a prefix at all.
const PREFIXED_HEX_RUN = /(?:(?:\\x|0x)[0-9A-Fa-f]{2}[ ,:]{0,2}){8,}/g;
// What `\s` matches in a regular expression.
const REGEX_SPACE = /\s/;

function isRegexSpace(c: number): boolean {
  return c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : REGEX_SPACE.test(String.fromCharCode(c));
}

/**
 * The matches, in order, of `/[^\s%]*(?:%[0-9A-Fa-f]{2}[^\s%]*){3,}/g` (percent-encoded runs),
 * found from the `%` signs: that expression, tried at every position, backtracks over every word.
 * From any start, the match is decided at the first space or `%` ahead, so the leftmost match
 * starts where the run of other characters before a qualifying `%` starts.
 */
function* percentRuns(text: string): Generator<string> {
  let from = 0;
  for (let q = text.indexOf('%', from); q >= 0; q = text.indexOf('%', q + 1)) {
    let k = q;
    let groups = 0;
    while (text.charCodeAt(k) === 0x25 && isHexChar(text.charCodeAt(k + 1)) && isHexChar(text.charCodeAt(k + 2))) {
      k += 3;
      groups++;
      while (k < text.length && text.charCodeAt(k) !== 0x25 && !isRegexSpace(text.charCodeAt(k))) k++;
    }
    if (groups < 3) continue;
    let start = q;
    while (start > from && text.charCodeAt(start - 1) !== 0x25 && !isRegexSpace(text.charCodeAt(start - 1))) start--;
    yield text.slice(start, k);
    from = k;
    q = k - 1;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether `bytes` are well-formed UTF-8 (the Unicode table: no overlong forms, surrogates or code
 * points past U+10FFFF). Checked before decoding because the fatal decoder reports bad input by
 * throwing, which costs far more than this loop, and most candidate runs (words, hashes) are bad.
 */
function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) more = 1;
    else if (b === 0xe0) [more, lo] = [2, 0xa0];
    else if (b === 0xed) [more, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) more = 2;
    else if (b === 0xf0) [more, lo] = [3, 0x90];
    else if (b === 0xf4) [more, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) more = 3;
    else return false;
    if (i + more >= n) return false; // cut short
    const second = bytes[i + 1] as number;
    if (second < lo || second > hi) return false;
    for (let k = 2; k <= more; k++) {
      const c = bytes[i + k] as number;
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += more + 1;
  }
  return true;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  try {
    const text = utf8.decode(bytes);
    return isPrintableText(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

function fromBase64(run: string): string | undefined {
  let body = run.replace(/=+$/, ''); // decodeBase64 reads both alphabets
  if (body.length > MAX_ENCODED) body = body.slice(0, MAX_ENCODED);
  if (body.length % 4 === 1) body = body.slice(0, -1);
  const bytes = decodeBase64(body);
  return bytes === undefined ? undefined : decodeUtf8(bytes);
}

function fromHex(run: string): string | undefined {
  let digits = run.replace(/\\x|0x|[ ,:]/g, '');
  if (digits.length > MAX_ENCODED) digits = digits.slice(0, MAX_ENCODED);
  const bytes = new Uint8Array(digits.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return decodeUtf8(bytes);
}

function fromPercent(run: string): { text: string; suspicious: boolean } | undefined {
  const body = run.length > MAX_ENCODED ? run.slice(0, MAX_ENCODED) : run;
  let text: string;
  try {
    text = decodeURIComponent(body);
  } catch {
    return undefined;
  }
  if (!isPrintableText(text)) return undefined;
  const needless = body.match(/%(?:3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa])/g)?.length ?? 0;
  return { text, suspicious: needless >= 3 };
}

/**
 * Finds base64 (16+ characters, mixed case), hex (8+ bytes, optionally `\x`/`0x`-prefixed or
 * separated) and percent-encoded runs that decode to printable UTF-8 text. Images, hashes, keys
 * and numbers decode to binary and are dropped. `runs` are the text's candidate runs when already
 * collected (`encodedRuns` of this very text). Bounded: at most 16 tries per encoding, 8
 * payloads, 16 KB read per run.
 */
export function findEncodedPayloads(text: string, runs: EncodedRuns = encodedRuns(text)): EncodedPayload[] {
  const found: EncodedPayload[] = [];
  for (const run of runs.base64) {
    if (found.length >= MAX_PAYLOADS) break;
    const decoded = fromBase64(run);
    if (decoded !== undefined) found.push({ encoding: 'base64', text: decoded, suspicious: true });
  }
  const hexRuns = [...runs.hex];
  if (text.includes('\\x') || text.includes('0x')) {
    for (const m of text.matchAll(PREFIXED_HEX_RUN)) {
      if (hexRuns.length >= 2 * MAX_TRIES) break;
      hexRuns.push(m[0]);
    }
  }
  for (const run of hexRuns) {
    if (found.length >= MAX_PAYLOADS) break;
    const decoded = fromHex(run);
    if (decoded !== undefined) found.push({ encoding: 'hex', text: decoded, suspicious: true });
  }
  if (!text.includes('%')) return found;
  let tries = 0;
  for (const run of percentRuns(text)) {
    if (++tries > MAX_TRIES || found.length >= MAX_PAYLOADS) break;
    const decoded = fromPercent(run);
    if (decoded !== undefined) found.push({ encoding: 'url', ...decoded });
  }
  return found;
}
