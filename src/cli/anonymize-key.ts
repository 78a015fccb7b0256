import { open } from 'node:fs/promises';
import { BulwarkError } from '../core/bulwark-error.js';
import { parseKey } from '../crypto/parse-key.js';

/** Environment variable holding the hash/encrypt key (hex or base64, 32 bytes). */
export const KEY_ENV = 'BULWARK_ANONYMIZE_KEY';

const MAX_KEY_FILE_BYTES = 4096;

/**
 * The 32-byte key for the hash and encrypt operators: from `keyFile` if given, else from
 * {@link KEY_ENV}, else `undefined`. A malformed key throws `ERR_CRYPTO_INVALID_KEY` (the message
 * never echoes it).
 */
export async function loadAnonymizeKey(
  keyFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Uint8Array | undefined> {
  if (keyFile !== undefined) {
    return parseKey(await readSmallFile(keyFile));
  }
  const fromEnv = env[KEY_ENV];
  return fromEnv === undefined || fromEnv.trim() === '' ? undefined : parseKey(fromEnv);
}

/** A key file is a line of text: read at most a few KB, so a wrong path (a device, a log) cannot stall. */
async function readSmallFile(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(MAX_KEY_FILE_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return new TextDecoder().decode(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    throw new BulwarkError('ERR_INPUT_NOT_FOUND', `cannot read key file "${path}"`);
  }
}
