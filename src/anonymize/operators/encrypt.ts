import { aesGcmDecrypt, aesGcmEncrypt } from '../../crypto/aes-gcm.js';
import { base64urlDecode, base64urlEncode } from '../../crypto/base64url.js';
import { BulwarkError } from '../../core/bulwark-error.js';
import type { Operator } from '../operator.js';
import { copyKey } from './copy-key.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

// Domain-separated associated data: a token only opens for the entity type it was made for.
function aadFor(type: string): Uint8Array {
  return encoder.encode(`bulwark/anonymize/encrypt/${type}`);
}

/**
 * Replaces the value with an AES-256-GCM token (base64url of nonce, ciphertext and tag) that
 * {@link decryptToken} or `deanonymize` turn back into the value with the same key. Each call
 * uses a fresh nonce, so equal values give different tokens (use `hash` to link them).
 */
export function encryptOperator(options: { readonly key: Uint8Array }): Operator {
  const key = copyKey(options?.key);
  return {
    name: 'encrypt',
    apply: (value, type) => base64urlEncode(aesGcmEncrypt(key, encoder.encode(value), aadFor(type))),
  };
}

/**
 * Opens a token made by {@link encryptOperator} for entity `type`. Any failure, including a
 * token that is not base64url or a type that does not match, throws `ERR_CRYPTO_DECRYPT_FAILED`.
 */
export function decryptToken(token: string, type: string, key: Uint8Array): string {
  const sealed = base64urlDecode(token);
  if (sealed === undefined) throw new BulwarkError('ERR_CRYPTO_DECRYPT_FAILED', 'Decryption failed.');
  const plain = aesGcmDecrypt(key, sealed, aadFor(type));
  try {
    return decoder.decode(plain);
  } catch {
    throw new BulwarkError('ERR_CRYPTO_DECRYPT_FAILED', 'Decryption failed.');
  }
}
