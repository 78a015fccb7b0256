import { gcm } from '@noble/ciphers/aes.js';
import { BulwarkError } from '../core/bulwark-error.js';
import { randomBytes } from './random-bytes.js';

/** Bytes of the random nonce prepended to every sealed message. */
export const GCM_NONCE_LENGTH = 12;
/** Bytes of the authentication tag appended to every sealed message (never truncated). */
export const GCM_TAG_LENGTH = 16;
/** Bytes of an AES-256 key. */
export const AES_256_KEY_LENGTH = 32;

const EMPTY = new Uint8Array(0);

function assertKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== AES_256_KEY_LENGTH) {
    throw new BulwarkError('ERR_CRYPTO_INVALID_KEY', 'AES-256-GCM needs a 32-byte key.');
  }
}

/**
 * Encrypts with AES-256-GCM under a fresh random 12-byte nonce. Returns
 * `nonce(12) || ciphertext || tag(16)`; `aad` (associated data) is authenticated, not stored,
 * and must be passed again to decrypt.
 */
export function aesGcmEncrypt(key: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array {
  assertKey(key);
  const nonce = randomBytes(GCM_NONCE_LENGTH);
  const sealed = gcm(key, nonce, aad ?? EMPTY).encrypt(plaintext);
  const out = new Uint8Array(GCM_NONCE_LENGTH + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, GCM_NONCE_LENGTH);
  return out;
}

/**
 * Opens what {@link aesGcmEncrypt} sealed. Every failure (wrong key, wrong `aad`, tampering,
 * truncation) throws the same `ERR_CRYPTO_DECRYPT_FAILED`, so callers cannot be used as an
 * oracle telling the causes apart.
 */
export function aesGcmDecrypt(key: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
  assertKey(key);
  if (!(sealed instanceof Uint8Array) || sealed.length < GCM_NONCE_LENGTH + GCM_TAG_LENGTH) {
    throw new BulwarkError('ERR_CRYPTO_DECRYPT_FAILED', 'Decryption failed.');
  }
  try {
    const nonce = sealed.subarray(0, GCM_NONCE_LENGTH);
    return gcm(key, nonce, aad ?? EMPTY).decrypt(sealed.subarray(GCM_NONCE_LENGTH));
  } catch {
    throw new BulwarkError('ERR_CRYPTO_DECRYPT_FAILED', 'Decryption failed.');
  }
}
