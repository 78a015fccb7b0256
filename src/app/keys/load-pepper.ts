import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BulwarkError } from '../../core/bulwark-error.js';
import { base64urlEncode, parseKey, randomBytes } from '../../crypto/index.js';

/** Where the pepper comes from. */
export interface PepperSource {
  /** From the environment (`BULWARK_KEY_PEPPER`): 32 bytes as hex or base64. Wins when set. */
  readonly value?: string | undefined;
  /** Otherwise `<dataDir>/pepper`, created on first use with mode 0600. */
  readonly dataDir: string;
}

function invalid(message: string, cause?: unknown): BulwarkError {
  return new BulwarkError('ERR_CONFIG_INVALID', message, cause === undefined ? undefined : { cause });
}

/**
 * The server pepper that keys API-key digests. Zero configuration generates one into the data
 * directory; a file readable by group or others is refused, like ssh refuses such private keys.
 * Losing the pepper invalidates every key, so gateways sharing one database must share it.
 */
export function loadPepper(source: PepperSource): Uint8Array {
  if (source.value !== undefined) {
    try {
      return parseKey(source.value);
    } catch (err) {
      throw invalid('BULWARK_KEY_PEPPER must be 32 bytes written as 64 hex digits or base64.', err);
    }
  }
  const file = join(source.dataDir, 'pepper');
  try {
    mkdirSync(source.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${base64urlEncode(randomBytes(32))}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw invalid(`Cannot create the pepper file ${file}.`, err);
  }
  let text: string;
  try {
    if ((statSync(file).mode & 0o077) !== 0) throw invalid(`The pepper file ${file} is readable by others; chmod 600 it.`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof BulwarkError) throw err;
    throw invalid(`Cannot read the pepper file ${file}.`, err);
  }
  try {
    return parseKey(text);
  } catch (err) {
    throw invalid(`The pepper file ${file} does not hold a 32-byte key.`, err);
  }
}
