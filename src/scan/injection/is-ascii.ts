import { MAX_KEPT_UNITS } from './text-units.js';

const encoder = new TextEncoder();
let bytes = new Uint8Array(1024);
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Whether every code unit of `text` is ASCII. UTF-8 takes one byte for each ASCII unit and more for
 * any other, so the text is ASCII exactly when it encodes whole into as many bytes as it has units:
 * one native copy (which runs out of room soon after a unit beyond ASCII), a few times cheaper
 * than a regular expression reading the text. Texts above {@link MAX_KEPT_UNITS} units are searched
 * with the regular expression, so that one huge request leaves no huge buffer behind.
 */
export function isAscii(text: string): boolean {
  const n = text.length;
  if (n > MAX_KEPT_UNITS) return !NON_ASCII.test(text);
  if (bytes.length < n) bytes = new Uint8Array(Math.min(Math.max(n, bytes.length * 2), MAX_KEPT_UNITS));
  return encoder.encodeInto(text, n === bytes.length ? bytes : bytes.subarray(0, n)).read === n;
}
