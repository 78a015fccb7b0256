import { BulwarkError } from '../../core/bulwark-error.js';
import { createHmacSha256 } from '../../crypto/hmac-sha256.js';
import type { Operator } from '../operator.js';
import { copyKey } from './copy-key.js';

/** Options of {@link hashOperator}. */
export interface HashOptions {
  /** 32-byte HMAC key; without it, hashes of low-entropy values (phones, SSNs) are brute-forceable. */
  readonly key: Uint8Array;
  /** Hex characters kept, 8–64; default 64 (the whole digest). */
  readonly length?: number;
}

const HEX = '0123456789abcdef';

/**
 * Replaces the value with its HMAC-SHA-256 under `key`, in lower-case hex, truncated to
 * `length`. Equal values hash equally under one key, whatever their entity type, so hashed
 * columns can still be joined.
 */
export function hashOperator(options: HashOptions): Operator {
  const mac = createHmacSha256(copyKey(options?.key));
  const length = options.length ?? 64;
  if (!Number.isSafeInteger(length) || length < 8 || length > 64) {
    throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', 'hash: `length` must be an integer from 8 to 64.');
  }
  const bytes = Math.ceil(length / 2);
  return {
    name: 'hash',
    apply(value) {
      const digest = mac(value);
      let out = '';
      for (let i = 0; i < bytes; i++) {
        const b = digest[i] as number;
        out += HEX[b >> 4]! + HEX[b & 15]!;
      }
      return out.slice(0, length);
    },
  };
}
