export { hmacSha256, createHmacSha256 } from './hmac-sha256.js';
export { timingSafeEqual } from './timing-safe-equal.js';
export { randomBytes } from './random-bytes.js';
export {
  aesGcmEncrypt,
  aesGcmDecrypt,
  AES_256_KEY_LENGTH,
  GCM_NONCE_LENGTH,
  GCM_TAG_LENGTH,
} from './aes-gcm.js';
export { parseKey } from './parse-key.js';
export { base64urlEncode, base64urlDecode } from './base64url.js';
