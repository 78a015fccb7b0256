import { BulwarkError } from '../core/bulwark-error.js';
import type { AnonymizedItem } from './anonymize-plan.js';
import { decryptToken } from './operators/encrypt.js';

/**
 * Turns the outputs of the `encrypt` operator back into the original values, using the items
 * {@link anonymize} returned for this exact text. Other operators are one-way (`tokenize` is
 * undone by `restore`) and are left alone. A wrong key or an altered token throws
 * `ERR_CRYPTO_DECRYPT_FAILED`; items that do not fit the text throw `ERR_ANONYMIZE_INVALID_OPTION`.
 */
export function deanonymize(text: string, items: readonly AnonymizedItem[], key: Uint8Array): string {
  const encrypted = items.filter((i) => i.operator === 'encrypt').sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const item of encrypted) {
    const { start, end } = item;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < cursor || end < start || end > text.length) {
      throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', 'An item does not fit the text (overlap or out of range).');
    }
    out += text.slice(cursor, start) + decryptToken(text.slice(start, end), item.type, key);
    cursor = end;
  }
  return out + text.slice(cursor);
}
