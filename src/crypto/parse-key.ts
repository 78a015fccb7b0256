import { BulwarkError } from '../core/bulwark-error.js';
import { base64urlDecode } from './base64url.js';

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Parses a key written as text: hex (64 digits for 32 bytes) or base64/base64url (padded or
 * not). Surrounding whitespace is ignored. Anything that does not decode to exactly `length`
 * bytes throws `ERR_CRYPTO_INVALID_KEY`; the message never echoes the input.
 */
export function parseKey(text: string, length = 32): Uint8Array {
  if (typeof text !== 'string') throw invalid(length);
  const t = text.trim();
  if (t.length === length * 2 && HEX.test(t)) {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = Number.parseInt(t.slice(i * 2, i * 2 + 2), 16);
    return out;
  }
  const bytes = base64urlDecode(t);
  if (bytes === undefined || bytes.length !== length) throw invalid(length);
  return bytes;
}

function invalid(length: number): BulwarkError {
  return new BulwarkError(
    'ERR_CRYPTO_INVALID_KEY',
    `A key must be ${length} bytes written as ${length * 2} hex digits or as base64/base64url.`,
  );
}
