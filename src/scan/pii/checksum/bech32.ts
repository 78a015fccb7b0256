const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) VALUES[CHARSET.charCodeAt(i)] = i;
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function polymodStep(chk: number, value: number): number {
  const top = chk >>> 25;
  let next = ((chk & 0x1ffffff) << 5) ^ value;
  for (let i = 0; i < 5; i++) if ((top >>> i) & 1) next ^= GENERATOR[i]!;
  return next >>> 0;
}

/** Which checksum variant `s` (a whole bech32 string, one case) satisfies, if any (BIP 173/350). */
export function bech32Variant(s: string): 'bech32' | 'bech32m' | undefined {
  const lower = s.toLowerCase();
  if (lower !== s && s.toUpperCase() !== s) return undefined;
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || lower.length - sep - 1 < 6 || lower.length > 90) return undefined;
  let chk = 1;
  for (let i = 0; i < sep; i++) chk = polymodStep(chk, lower.charCodeAt(i) >>> 5);
  chk = polymodStep(chk, 0);
  for (let i = 0; i < sep; i++) chk = polymodStep(chk, lower.charCodeAt(i) & 31);
  for (let i = sep + 1; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const v = c < 128 ? VALUES[c]! : -1;
    if (v < 0) return undefined;
    chk = polymodStep(chk, v);
  }
  if (chk === BECH32_CONST) return 'bech32';
  if (chk === BECH32M_CONST) return 'bech32m';
  return undefined;
}

/**
 * True when `s` is a valid segwit address: checksum of the variant its witness version requires
 * (bech32 for v0, bech32m for v1-16) and a program of a length that version allows.
 */
export function segwitAddressValid(s: string): boolean {
  const variant = bech32Variant(s);
  if (!variant) return false;
  const lower = s.toLowerCase();
  const sep = lower.lastIndexOf('1');
  const version = VALUES[lower.charCodeAt(sep + 1)]!;
  // Data = version + program (5-bit groups) + 6 checksum groups.
  const programBytes = Math.floor(((lower.length - sep - 1 - 7) * 5) / 8);
  if (version > 16 || programBytes < 2 || programBytes > 40) return false;
  if (version === 0) return variant === 'bech32' && (programBytes === 20 || programBytes === 32);
  return variant === 'bech32m';
}
