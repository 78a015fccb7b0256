import { BulwarkError } from '../../core/bulwark-error.js';

/**
 * Checks that an operator key is 32 bytes and copies it, so a caller reusing or zeroing its
 * buffer later cannot change what the operator does.
 */
export function copyKey(key: unknown): Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== 32) {
    throw new BulwarkError('ERR_CRYPTO_INVALID_KEY', 'An operator key must be 32 bytes.');
  }
  return key.slice();
}
