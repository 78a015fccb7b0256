import { crc32 } from 'node:zlib';
import { randomBytes } from '../../crypto/index.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Every key starts with this, so secret scanners and people recognise a Bulwark key. */
export const API_KEY_PREFIX = 'bwk_';
const ID_LENGTH = 12;
/** 43 base62 digits hold 256 bits (62^43 > 2^256). */
const SECRET_LENGTH = 43;
/** 6 base62 digits hold a CRC-32 (62^6 > 2^32). */
const CHECKSUM_LENGTH = 6;
const SHAPE = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${ID_LENGTH}}_[0-9A-Za-z]{${SECRET_LENGTH + CHECKSUM_LENGTH}}$`);
const ID_START = API_KEY_PREFIX.length;
const SECRET_START = ID_START + ID_LENGTH + 1;
/** What the checksum covers: everything before it. */
const BODY_LENGTH = SECRET_START + SECRET_LENGTH;

/** The parts of an API key. */
export interface ApiKeyParts {
  readonly id: string;
  readonly secret: string;
}

/** `value` in base62, left-padded with zeros to `width` digits. */
function base62(value: bigint, width: number): string {
  let out = '';
  for (let v = value; v > 0n; v /= 62n) out = ALPHABET[Number(v % 62n)]! + out;
  return out.padStart(width, '0');
}

function checksum(body: string): string {
  return base62(BigInt(crc32(body)), CHECKSUM_LENGTH);
}

/** A random key id: 12 base62 characters (~71 bits), drawn without modulo bias. */
function randomId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const b of randomBytes(16)) {
      if (b < 248 && id.length < ID_LENGTH) id += ALPHABET[b % 62]!;
    }
  }
  return id;
}

/** A fresh key: random id and a secret of 32 random bytes (256 bits). */
export function generateApiKeyParts(): ApiKeyParts {
  let n = 0n;
  for (const b of randomBytes(32)) n = (n << 8n) | BigInt(b);
  return { id: randomId(), secret: base62(n, SECRET_LENGTH) };
}

/** `bwk_<id>_<secret><crc32>`: the text a caller sends. */
export function formatApiKey(parts: ApiKeyParts): string {
  const body = `${API_KEY_PREFIX}${parts.id}_${parts.secret}`;
  return body + checksum(body);
}

/**
 * Splits a presented key into id and secret, or `undefined` when it is not one: wrong prefix,
 * length or alphabet, or a checksum that does not match (a typo or a truncated paste). Nothing
 * here touches the store, so malformed keys cost no lookup.
 */
export function parseApiKey(text: string): ApiKeyParts | undefined {
  if (!SHAPE.test(text)) return undefined;
  // The checksum's base62 digits, compared from the last one as they are computed: every request
  // parses its key, and building the expected text (BigInt digits, padding) cost more than the CRC.
  let rest = crc32(text.slice(0, BODY_LENGTH));
  for (let i = BODY_LENGTH + CHECKSUM_LENGTH - 1; i >= BODY_LENGTH; i--) {
    if (text.charCodeAt(i) !== ALPHABET.charCodeAt(rest % 62)) return undefined;
    rest = Math.floor(rest / 62);
  }
  return { id: text.slice(ID_START, ID_START + ID_LENGTH), secret: text.slice(SECRET_START, BODY_LENGTH) };
}
