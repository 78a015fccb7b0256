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
const URL_RUN = /[^\s%]*(?:%[0-9A-Fa-f]{2}[^\s%]*){3,}/g;
const MIN_RUN = 16;

function isBase64Char(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x5f || c === 0x2d
  );
}

function isHexChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** "0x" followed by an even number of hex digits only. */
function isPrefixedHex(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) !== 0x30 || (text.charCodeAt(start + 1) | 0x20) !== 0x78 || (end - start) % 2 !== 0) return false;
  for (let k = start + 2; k < end; k++) if (!isHexChar(text.charCodeAt(k))) return false;
  return true;
}

interface Runs {
  readonly base64: string[];
  readonly hex: string[];
}

/**
 * One pass over the text collecting runs of base64 characters (16+, mixing upper case with lower
 * case or digits, as encoded text does and words and identifiers mostly do not) and runs of hex
 * digits (16+, even length).
 */
function collectRuns(text: string): Runs {
  const base64: string[] = [];
  const hex: string[] = [];
  let start = -1;
  let upper = false;
  let lowerOrDigit = false;
  let allHex = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isBase64Char(c)) {
      if (start < 0) {
        start = i;
        upper = false;
        lowerOrDigit = false;
        allHex = true;
      }
      if (c >= 0x41 && c <= 0x5a) upper = true;
      else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) lowerOrDigit = true;
      if (allHex && !isHexChar(c)) allHex = false;
      continue;
    }
    if (start < 0) continue;
    const length = i - start;
    if (length >= MIN_RUN) {
      if (allHex && length % 2 === 0 && hex.length < MAX_TRIES) hex.push(text.slice(start, i));
      else if (isPrefixedHex(text, start, i) && hex.length < MAX_TRIES) hex.push(text.slice(start + 2, i));
      else if (upper && lowerOrDigit && base64.length < MAX_TRIES) {
        let end = i;
        while (end < text.length && end - i < 2 && text.charCodeAt(end) === 0x3d) end++;
        base64.push(text.slice(start, end));
      }
    }
    start = -1;
  }
  return { base64, hex };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return isPrintableText(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

function fromBase64(run: string): string | undefined {
  let body = run.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (body.length > MAX_ENCODED) body = body.slice(0, MAX_ENCODED);
  if (body.length % 4 === 1) body = body.slice(0, -1);
  let binary: string;
  try {
    binary = atob(body);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return decodeUtf8(bytes);
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
 * and numbers decode to binary and are dropped. Bounded: at most 16 tries per encoding, 8
 * payloads, 16 KB read per run.
 */
export function findEncodedPayloads(text: string): EncodedPayload[] {
  const found: EncodedPayload[] = [];
  const runs = collectRuns(text);
  for (const run of runs.base64) {
    if (found.length >= MAX_PAYLOADS) break;
    const decoded = fromBase64(run);
    if (decoded !== undefined) found.push({ encoding: 'base64', text: decoded, suspicious: true });
  }
  const hexRuns = runs.hex;
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
  for (const m of text.matchAll(URL_RUN)) {
    if (++tries > MAX_TRIES || found.length >= MAX_PAYLOADS) break;
    const decoded = fromPercent(m[0]);
    if (decoded !== undefined) found.push({ encoding: 'url', ...decoded });
  }
  return found;
}
