import { isBulwarkError } from '../core/bulwark-error.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

/**
 * Writes `bulwark: <message> (<CODE>)` for `err` and returns the exit code. Never prints a stack:
 * output may be logged, and a stack says nothing useful to a CLI user.
 */
export function reportError(err: unknown, stderr: { write(chunk: string): unknown }): number {
  if (isBulwarkError(err)) {
    stderr.write(`bulwark: ${oneLine(err.message)} (${err.code})\n`);
    return exitCodeFor(err.code);
  }
  const message = err instanceof Error ? err.message : String(err);
  stderr.write(`bulwark: internal error: ${oneLine(message)} (ERR_INTERNAL)\n`);
  return EXIT.INTERNAL;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
