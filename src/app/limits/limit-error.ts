import { BulwarkError } from '../../core/bulwark-error.js';
import type { ErrorCode } from '../../core/error-codes.js';
import type { LimitState } from './limit-state.js';

/** A refusal by a limit: the code, Retry-After (seconds, as text) and the limits' states. */
export type LimitError = BulwarkError & { readonly retryAfter: string; readonly limits: readonly LimitState[] };

/** Builds a {@link LimitError}; Retry-After is the longest reset among the exhausted limits. */
export function limitError(code: ErrorCode, message: string, exhausted: readonly LimitState[], all: readonly LimitState[] = exhausted): LimitError {
  const wait = Math.max(1, ...exhausted.map((s) => s.resetSeconds));
  return Object.assign(new BulwarkError(code, message), { retryAfter: String(wait), limits: all });
}

/** True when `err` came from {@link limitError}. */
export function isLimitError(err: unknown): err is LimitError {
  return err instanceof BulwarkError && Array.isArray((err as { limits?: unknown }).limits);
}
