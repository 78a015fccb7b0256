import type { ErrorCode } from '../core/error-codes.js';

/** The one error shape of every HTTP answer: OpenAI's `error` object plus our code and request id. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    /** OpenAI-style category, for clients that branch on it. */
    readonly type: string;
    readonly request_id: string;
  };
}

/** OpenAI's `error.type` for a status. */
function typeFor(status: number): string {
  if (status === 429) return 'rate_limit_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status >= 500) return status === 500 ? 'server_error' : 'upstream_error';
  return 'invalid_request_error';
}

/** Builds the error body for `status`. `message` must never contain request content. */
export function errorBody(status: number, code: ErrorCode, message: string, requestId: string): ErrorBody {
  return { error: { code, message, type: typeFor(status), request_id: requestId } };
}
