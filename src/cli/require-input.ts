import { BulwarkError } from '../core/bulwark-error.js';
import type { CliIo } from './cli-io.js';

/**
 * Refuses to wait on an interactive terminal: `bulwark scan` with no file and no pipe would
 * otherwise hang silently, waiting for typed input.
 */
export function requireInput(file: string | undefined, io: CliIo): void {
  if (file === undefined && io.stdin.isTTY === true) {
    throw new BulwarkError('ERR_CLI_USAGE', 'no input: give a FILE or pipe text on stdin');
  }
}
