import { bech32Variant } from '../../pii/checksum/bech32.js';
import { decodeBase64Json } from '../../base64.js';
import { shannonEntropy } from '../entropy.js';
import { patternRule } from '../pattern-rule.js';
import type { SecretMatch, SecretRule, SecretScanState } from '../secret-rule.js';

const BEGIN = /-{4,5} ?BEGIN ([A-Z0-9 _-]{0,40}?)PRIVATE KEY( BLOCK)? ?-{4,5}/g;
const END = /-{4,5} ?END [A-Z0-9 _-]{0,40}?PRIVATE KEY(?: BLOCK)? ?-{4,5}/g;
/** Header lines inside armour (`Proc-Type:`, `DEK-Info:`, `Comment:`, `Version:`). */
const HEADER_LINE = /^[A-Za-z-]+: .*$/gm;

/** Base64 characters of a key body, after dropping JSON escapes, quotes, headers and white space. */
function bodyBase64(body: string): { base64: string; other: number } {
  const lines = body.replace(/\\r|\\n/g, '\n').replace(/\\/g, '').replace(HEADER_LINE, '');
  let base64 = '';
  let other = 0;
  for (const c of lines) {
    if (/[A-Za-z0-9+/=]/.test(c)) base64 += c;
    else if (!/[\s"',]/.test(c)) other++;
  }
  return { base64, other };
}

/** PEM / OpenSSH / PGP / SSH2 private key blocks, span = the whole block. */
function privateKeys(state: SecretScanState): SecretMatch[] {
  const { text } = state;
  const found: SecretMatch[] = [];
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
    const kind = (m[1] ?? '').trim() || (m[2] ? 'PGP' : 'PKCS#8');
    const bodyStart = m.index + m[0].length;
    END.lastIndex = bodyStart;
    const end = END.exec(text);
    let blockEnd: number;
    let body: string;
    let complete = true;
    if (end && end.index - bodyStart <= 20000) {
      body = text.slice(bodyStart, end.index);
      blockEnd = end.index + end[0].length;
    } else {
      // Truncated paste: the base64 lines that follow.
      const run = /^(?:[ \t]*(?:\\r|\\n|\r|\n)+[ \t]*[A-Za-z0-9+/=]{16,})+/.exec(text.slice(bodyStart, bodyStart + 20000));
      if (!run) continue;
      body = run[0];
      blockEnd = bodyStart + run[0].length;
      complete = false;
    }
    const { base64, other } = bodyBase64(body);
    if (base64.length < (complete ? 64 : 200) || other > base64.length / 20) continue;
    const bits = shannonEntropy(base64);
    if (bits < 4.5) continue;
    found.push({
      start: m.index,
      end: blockEnd,
      score: complete ? 1 : 0.85,
      reason: `Private key block (secret.private_key); ${kind.replace(/ $/, '')} key, ${base64.length} base64 characters, entropy ${bits.toFixed(1)}${complete ? '' : ', no END line'}`,
    });
    BEGIN.lastIndex = blockEnd;
  }
  return found;
}

/** JWT: two or three base64url parts, header and payload decoding to JSON objects, the header with `alg`. */
function jwtCheck(_secret: string, m: RegExpExecArray): false | { check: string } {
  const header = decodeBase64Json(m[1] ?? '');
  if (!header || typeof header.alg !== 'string') return false;
  if (!decodeBase64Json(m[2] ?? '')) return false;
  return { check: `header and payload decode to JSON, alg ${header.alg.slice(0, 10)}` };
}

/** Context that makes 64 hex digits a private key rather than a hash. */
const KEY_CONTEXT = /private|priv_?key|secret|wallet|mnemonic|signer|seed/;
const HASH_CONTEXT = /hash|transaction|\btx|block|topic|slot|digest|checksum|sha|commit/;

/** Private keys, key files and signed tokens. */
export const keyRules: readonly SecretRule[] = [
  {
    id: 'private_key',
    description: 'Private key block (PEM, OpenSSH, PGP, SSH2)',
    keywords: ['private key'],
    find: privateKeys,
  },
  patternRule({
    id: 'putty_private_key',
    description: 'PuTTY private key file',
    keywords: ['putty-user-key-file'],
    pattern: /PuTTY-User-Key-File-\d: [^\n]*\n[\s\S]{0,4000}?Private-Lines: \d+\r?\n([A-Za-z0-9+/=]{8,}(?:\r?\n[A-Za-z0-9+/=]{8,})*)/,
    group: 1,
    before: 'none',
    entropy: 4.5,
    score: 1,
  }),
  patternRule({
    id: 'age_secret_key',
    description: 'age encryption secret key',
    keywords: ['age-secret-key-1'],
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Z0-9])/,
    validate: (secret) => (bech32Variant(secret) === 'bech32' ? { check: 'bech32 checksum valid', score: 1 } : false),
  }),
  patternRule({
    id: 'jwt',
    description: 'JSON Web Token',
    keywords: ['eyj'],
    pattern: /(eyJ[A-Za-z0-9_-]{10,}={0,2})\.(eyJ[A-Za-z0-9_-]{2,}={0,2})(?:\.[A-Za-z0-9_-]*={0,2})?/,
    before: 'base64',
    validate: jwtCheck,
    score: 0.9,
  }),
  patternRule({
    id: 'ethereum_private_key',
    description: 'Ethereum / secp256k1 private key (0x + 64 hex digits) near a key or wallet word',
    keywords: ['0x'],
    pattern: /0x[0-9a-fA-F]{64}(?![0-9A-Za-z])/,
    entropy: 3,
    validate: (_secret, m, state) => {
      const near = state.lower.slice(Math.max(0, m.index - 120), m.index + m[0].length + 120);
      if (HASH_CONTEXT.test(near) || !KEY_CONTEXT.test(near)) return false;
      return { check: 'key or wallet word nearby', score: 0.75 };
    },
  }),
];
