import { BulwarkError } from '../core/bulwark-error.js';

const VALUES = new Int8Array(128).fill(-1);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
// Both alphabets at once: `+/` (standard) and `-_` (URL-safe) decode alike.
VALUES[43] = 62; // +
VALUES[45] = 62; // -
VALUES[47] = 63; // /
VALUES[95] = 63; // _

/**
 * Decodes standard or URL-safe base64, with or without `=` padding. Returns `undefined` for any
 * other character or an impossible length. Browser-safe (no Buffer, no atob).
 */
export function decodeBase64(s: string): Uint8Array | undefined {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  if (s.length - end > 2 || end % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUES[c]! : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes base64 to UTF-8 text; `undefined` when either step fails. */
export function decodeBase64Text(s: string): string | undefined {
  const bytes = decodeBase64(s);
  if (!bytes) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes base64 to text and parses it as a JSON object; `undefined` when any step fails. */
export function decodeBase64Json(s: string): Record<string, unknown> | undefined {
  const text = decodeBase64Text(s);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bytes of a bundled model shipped as base64 text (no file system, so it bundles for browsers);
 * a corrupt string is `ERR_SCAN_MODEL_INVALID`.
 */
export function base64ToBytes(b64: string): Uint8Array {
  const bytes = decodeBase64(b64);
  if (bytes === undefined) throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'A bundled model is not valid base64.');
  return bytes;
}
