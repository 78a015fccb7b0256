import { BulwarkError } from '../../core/bulwark-error.js';
import type { ErrorCode } from '../../core/error-codes.js';

/**
 * A failed upstream call. `status` is the provider's HTTP status when it answered (so a 4xx it
 * blames on the request can be passed on); `retryAfter` is its `Retry-After`, if any.
 */
export class UpstreamError extends BulwarkError {
  readonly status: number | undefined;
  readonly retryAfter: string | undefined;

  constructor(code: ErrorCode, message: string, options: { status?: number; retryAfter?: string; cause?: unknown } = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UpstreamError';
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }
}
