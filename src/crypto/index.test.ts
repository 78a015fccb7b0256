import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('src/crypto public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'AES_256_KEY_LENGTH',
        'GCM_NONCE_LENGTH',
        'GCM_TAG_LENGTH',
        'aesGcmDecrypt',
        'aesGcmEncrypt',
        'base64urlDecode',
        'base64urlEncode',
        'createHmacSha256',
        'hmacSha256',
        'parseKey',
        'randomBytes',
        'timingSafeEqual',
      ].sort(),
    );
  });
});
