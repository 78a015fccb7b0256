import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import { base58CheckDecode } from './checksum/base58check.js';
import { segwitAddressValid } from './checksum/bech32.js';
import * as charCodes from './char-codes.js';
import { eip55Valid } from './checksum/eip55.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isWordAt } = charCodes;

const ID = 'pii.crypto_wallet';
const BASE58_CODES = new Uint8Array(128);
for (const c of '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz') BASE58_CODES[c.charCodeAt(0)] = 1;
/** Segwit addresses (`bc1…`, testnet `tb1…`), either case; matched where the `1` is found. */
const BECH32 = /(?:bc|tb)1[02-9ac-hj-np-z]{11,87}/iy;
const ETHEREUM = /0x[0-9a-fA-F]{40}/y;

function finding(start: number, end: number, score: number, reason: string): Finding {
  return { type: 'CRYPTO_WALLET', start, end, score, detector: ID, reason };
}

type Visit = (value: string, start: number) => Finding | undefined;

/**
 * Legacy P2PKH (`1…`) and P2SH (`3…`) addresses: a word of 26-35 base58 characters. Found by
 * walking the `1`s and `3`s with indexOf: most sit inside numbers and fail at once, and a regex
 * starting on a character class would cost a pass at a fraction of the speed.
 */
function scanBase58(text: string, lead: string, out: Finding[]): void {
  for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
    if (isWordAt(text, at - 1)) {
      // The same walk over the `1`s finds the separator of `bc1…` / `tb1…` segwit addresses.
      if (lead === '1' && isHrp(text, at - 2)) at = segwitAt(text, at - 2, out);
      continue;
    }
    let end = at + 1;
    while (end < text.length && end - at <= 35) {
      const c = text.charCodeAt(end);
      if (c >= 128 || BASE58_CODES[c] === 0) break;
      end++;
    }
    if (end - at < 26 || end - at > 35 || isWordAt(text, end)) continue;
    const f = legacyBitcoin(text.slice(at, end), at);
    if (f) out.push(f);
    at = end;
  }
}

/** `bc` or `tb` (either case) at `at`, as a word start. */
function isHrp(text: string, at: number): boolean {
  const a = text.charCodeAt(at) | 0x20;
  const b = text.charCodeAt(at + 1) | 0x20;
  return ((a === 98 && b === 99) || (a === 116 && b === 98)) && !isWordAt(text, at - 1);
}

/** Matches a segwit address at `start`; returns where the walk over `1`s may resume. */
function segwitAt(text: string, start: number, out: Finding[]): number {
  BECH32.lastIndex = start;
  const m = BECH32.exec(text);
  if (!m || isWordAt(text, start + m[0].length)) return start + 2;
  const f = segwitBitcoin(m[0], start);
  if (f) out.push(f);
  return start + m[0].length;
}

/**
 * Finds the literal `prefix` with indexOf (much faster than a regex pass), then matches the
 * sticky `re` there; the match must stand alone as a word.
 */
function scanPrefixed(text: string, prefix: string, re: RegExp, visit: Visit, out: Finding[]): void {
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (isWordAt(text, at - 1)) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || isWordAt(text, at + m[0].length)) continue;
    const f = visit(m[0], at);
    if (f) out.push(f);
  }
}

function legacyBitcoin(value: string, start: number): Finding | undefined {
  const payload = base58CheckDecode(value);
  // 1 version byte + 20-byte hash; version 0 (P2PKH) starts with `1`, version 5 (P2SH) with `3`.
  if (!payload || payload.length !== 21) return undefined;
  const version = payload[0];
  if (!(version === 0 && value[0] === '1') && !(version === 5 && value[0] === '3')) return undefined;
  return finding(start, start + value.length, 0.95, 'Bitcoin base58check address');
}

function segwitBitcoin(value: string, start: number): Finding | undefined {
  if (!segwitAddressValid(value)) return undefined;
  return finding(start, start + value.length, 0.95, 'Bitcoin bech32 address');
}

function ethereum(value: string, start: number): Finding | undefined {
  const hex = value.slice(2);
  const end = start + value.length;
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) {
    // No checksum to verify, and 40 hex digits after 0x are also hashes and keys: needs context.
    return finding(start, end, 0.4, 'Ethereum address shape, no checksum');
  }
  return eip55Valid(hex) ? finding(start, end, 0.95, 'Ethereum address, EIP-55 checksum') : undefined;
}

/**
 * `pii.crypto_wallet`: Bitcoin addresses (base58check P2PKH/P2SH and bech32/bech32m segwit, with
 * their checksums) and Ethereum addresses (EIP-55 checksum when mixed case; single-case ones need
 * a context word).
 */
export const cryptoWalletDetector: Detector = {
  id: ID,
  entities: ['CRYPTO_WALLET'],
  context: ['wallet', 'bitcoin', 'btc', 'ethereum', 'eth', 'crypto', 'address', 'send', 'metamask', 'usdt', 'erc20', 'deposit'],
  detect(text) {
    const out: Finding[] = [];
    scanBase58(text, '1', out);
    scanBase58(text, '3', out);
    scanPrefixed(text, '0x', ETHEREUM, ethereum, out);
    return out;
  },
};
