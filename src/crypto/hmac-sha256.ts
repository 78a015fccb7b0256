import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

const encoder = new TextEncoder();

function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

/**
 * HMAC-SHA-256 of `data` (a string is taken as its UTF-8 bytes) under `key`. Synchronous and
 * pure JavaScript, so it runs the same in Node and in a browser bundle.
 */
export function hmacSha256(key: Uint8Array, data: Uint8Array | string): Uint8Array {
  return hmac(sha256, key, toBytes(data));
}

/**
 * {@link hmacSha256} bound to one key. The keyed inner and outer hash states are computed once,
 * which roughly halves the cost per short message when one key hashes many values.
 */
export function createHmacSha256(key: Uint8Array): (data: Uint8Array | string) => Uint8Array {
  const keyed = hmac.create(sha256, key);
  return (data) => keyed.clone().update(toBytes(data)).digest();
}
