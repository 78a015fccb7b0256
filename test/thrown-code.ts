import { isBulwarkError } from '../src/core/bulwark-error.js';

/**
 * The stable code of the error `fn` throws: `undefined` when it does not throw, a marker string when
 * it throws something that is not a BulwarkError. Tests assert codes, never messages.
 */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return isBulwarkError(err) ? err.code : 'not a BulwarkError';
  }
  return undefined;
}
