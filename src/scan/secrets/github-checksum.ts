const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (IEEE 802.3, the zlib one) of an ASCII string. */
export function crc32(s: string): number {
  const t = crcTable();
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++) crc = t[(crc ^ s.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** `n` in base62 (`0-9A-Za-z`), left-padded with `0` to `width`. */
export function base62(n: number, width: number): string {
  let s = '';
  let rest = n;
  while (rest > 0) {
    s = BASE62[rest % 62]! + s;
    rest = Math.floor(rest / 62);
  }
  return s.padStart(width, '0');
}

/**
 * GitHub's token checksum: the last 6 characters of a `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` token's
 * 36-character body are the CRC-32 of the first 30, in base62. A random 36-character string
 * passes with probability about 1 in 57 billion, so a valid checksum means a real token.
 */
export function githubChecksumValid(body: string): boolean {
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}
