import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import { base58CheckDecode } from './checksum/base58check.js';
import { segwitAddressValid } from './checksum/bech32.js';
import { isWordAt } from './char-codes.js';
import { eip55Valid } from './checksum/eip55.js';

const ID = 'pii.crypto_wallet';
/** Legacy P2PKH (`1…`) and P2SH (`3…`) addresses: 26-35 base58 characters. */
const BASE58 = /\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b/g;
/** Segwit addresses (`bc1…`, testnet `tb1…`), either case; confirmed where a prefix is found. */
const BECH32 = /(?:bc|tb)1[02-9ac-hj-np-z]{11,87}/iy;
const BECH32_PREFIXES = ['bc1', 'BC1', 'tb1', 'TB1'];
const ETHEREUM = /0x[0-9a-fA-F]{40}/y;

function finding(start: number, end: number, score: number, reason: string): Finding {
  return { type: 'CRYPTO_WALLET', start, end, score, detector: ID, reason };
}

type Visit = (value: string, start: number) => Finding | undefined;

function scanAll(text: string, re: RegExp, visit: Visit, out: Finding[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const f = visit(m[0], m.index);
    if (f) out.push(f);
  }
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
    scanAll(text, BASE58, legacyBitcoin, out);
    for (const prefix of BECH32_PREFIXES) scanPrefixed(text, prefix, BECH32, segwitBitcoin, out);
    scanPrefixed(text, '0x', ETHEREUM, ethereum, out);
    return out;
  },
};
