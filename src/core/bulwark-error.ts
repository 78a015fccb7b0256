import type { ErrorCode } from './error-codes.js';

/**
 * The one error class Bulwark throws on purpose. `code` is stable (`ERR_<AREA>_<WHAT>`, listed in
 * `error-codes.ts`) and is what callers and tests match on; `message` is for people and never
 * contains raw input values.
 */
export class BulwarkError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BulwarkError';
    this.code = code;
  }
}

/** True when `err` is a {@link BulwarkError}, optionally with the given code. */
export function isBulwarkError(err: unknown, code?: ErrorCode): err is BulwarkError {
  return err instanceof BulwarkError && (code === undefined || err.code === code);
}
