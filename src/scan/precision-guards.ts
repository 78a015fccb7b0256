import type { Finding } from '../core/finding.js';

/**
 * Entity types made of digits that structural look-alikes (ids, hashes, versions, timestamps,
 * order numbers) get mistaken for. Email, URL, IBAN (mod-97) and wallet findings are not guarded:
 * their own validation already rules these out, and a wallet address is base58 by nature.
 */
const GUARDED: ReadonlySet<string> = new Set([
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'US_SSN',
  'CA_SIN',
  'IN_AADHAAR',
  'UK_NHS',
  'DE_TAX_ID',
  'FR_INSEE',
  'US_PASSPORT',
  'US_DRIVER_LICENSE',
]);

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** MD5, SHA-1, SHA-256 and SHA-512 hex digests. */
const HEX_DIGEST = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128})$/;

/** Guards that need the characters around a number; run on a small window, never the text. */
interface NearGuard {
  /** Cheap test on the finding and its surroundings that must pass before the regex runs. */
  readonly applies: (text: string, f: Finding) => boolean;
  readonly pattern: RegExp;
}

function around(text: string, f: Finding, before: number, after: number): string {
  return text.slice(Math.max(0, f.start - before), Math.min(text.length, f.end + after));
}

const ORDER_LABELS =
  'order|invoice|ticket|tracking|reference|ref|confirmation|booking|reservation|shipment|parcel|receipt|sku|serial';
const ORDER_WORDS = new RegExp(ORDER_LABELS, 'i');

const NEAR_GUARDS: readonly NearGuard[] = [
  {
    // version strings: v1.2, version 10.0.19045
    applies: (text, f) => /v|build|release/i.test(text.slice(Math.max(0, f.start - 10), f.start)),
    pattern: /\b(?:v|ver\.?|version|release|build)\s?\d+(?:\.\d+)+\b/gi,
  },
  {
    // bare dotted versions like 10.0.19045 or 4.17.21
    applies: (text, f) => around(text, f, 1, 1).includes('.'),
    pattern: /\b[1-9]?\d\.\d{1,2}\.\d+(?:\.\d+)?\b/g,
  },
  {
    // ISO 8601 dates and timestamps
    applies: (text, f) => around(text, f, 6, 6).includes('-'),
    pattern: /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
  },
  {
    // Unix epoch seconds (2001-2033) and milliseconds
    applies: (text, f) => text.charCodeAt(f.start) === 49 || text.charCodeAt(f.start - 1) === 49,
    pattern: /\b1\d{9}(?:\d{3})?\b/g,
  },
  {
    // order, invoice, ticket, tracking... numbers: the label and the number after it
    applies: (text, f) => ORDER_WORDS.test(text.slice(Math.max(0, f.start - 40), f.start)),
    pattern: new RegExp(
      `\\b(?:${ORDER_LABELS})(?:\\s*(?:no\\.?|num(?:ber)?|id|#))?(?:\\s+is)?\\s*[:#.]?\\s*#?\\s*[A-Za-z0-9][A-Za-z0-9-]{3,}`,
      'gi',
    ),
  },
];
const BEFORE = 64;
const AFTER = 48;

function isHexOrDash(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 45;
}

/** Base64 and base64url alphabets, padding included (but not `-`, which also joins words). */
function isBase64Code(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 || c === 95;
}

/** The maximal run of `accept` characters around the finding, or '' if the finding breaks it. */
function tokenAround(text: string, f: Finding, accept: (c: number) => boolean): string {
  for (let i = f.start; i < f.end; i++) if (!accept(text.charCodeAt(i))) return '';
  let start = f.start;
  let end = f.end;
  while (start > 0 && accept(text.charCodeAt(start - 1))) start--;
  while (end < text.length && accept(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

/** Prose never runs 24 characters without a space; a blob also mixes cases and digits. */
function isBase64Blob(token: string): boolean {
  return token.length >= 24 && /\d/.test(token) && /[a-z]/.test(token) && /[A-Z]/.test(token);
}

/** True when the finding sits inside one unbroken token that is a UUID, a digest or a blob. */
function insideIdToken(text: string, f: Finding): boolean {
  const hex = tokenAround(text, f, isHexOrDash);
  if (hex.length >= 32 && (UUID.test(hex) || HEX_DIGEST.test(hex))) return true;
  return isBase64Blob(tokenAround(text, f, isBase64Code));
}

function insideNearPattern(text: string, f: Finding): boolean {
  let window: string | undefined;
  const from = Math.max(0, f.start - BEFORE);
  const start = f.start - from;
  const end = f.end - from;
  for (const guard of NEAR_GUARDS) {
    if (!guard.applies(text, f)) continue;
    window ??= text.slice(from, Math.min(text.length, f.end + AFTER));
    const re = guard.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (m.index > start) break;
      if (m.index + m[0].length >= end) return true;
    }
  }
  return false;
}

/**
 * Drops findings of digit-based types (phone, card, SSN, national ids) that lie inside text which
 * is structurally something else: UUIDs, hex digests, base64 blobs, version strings, ISO
 * timestamps, epoch times, and order/invoice/ticket/tracking numbers. The guards are checked
 * lazily around each guarded finding only, so texts without such findings pay nothing.
 */
export function applyPrecisionGuards(text: string, findings: Finding[]): Finding[] {
  if (!findings.some((f) => GUARDED.has(f.type))) return findings;
  return findings.filter((f) => !GUARDED.has(f.type) || !(insideIdToken(text, f) || insideNearPattern(text, f)));
}
