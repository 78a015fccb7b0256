import { isBulwarkError } from '../core/bulwark-error.js';
import type { ErrorCode } from '../core/error-codes.js';

/** What the client is told about a failure. */
export interface HttpError {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
  readonly retryAfter?: string;
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  ERR_REQUEST_INVALID_JSON: 400,
  ERR_REQUEST_INVALID_UTF8: 400,
  ERR_REQUEST_INVALID_BODY: 400,
  ERR_REQUEST_TOO_LARGE: 413,
  ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE: 415,
  ERR_REQUEST_NOT_FOUND: 404,
  ERR_AUTH_MISSING_KEY: 401,
  ERR_AUTH_KEY_IN_URL: 400,
  ERR_AUTH_MALFORMED_KEY: 403,
  ERR_AUTH_INVALID_KEY: 403,
  ERR_AUTH_KEY_REVOKED: 403,
  ERR_AUTH_KEY_EXPIRED: 403,
  ERR_AUTH_SCOPE_DENIED: 403,
  ERR_AUTH_MODEL_DENIED: 403,
  ERR_AUTH_TOO_MANY_FAILURES: 429,
  ERR_LIMIT_RATE_EXCEEDED: 429,
  ERR_LIMIT_TOKEN_BUDGET: 429,
  ERR_LIMIT_MAX_TOKENS: 400,
  ERR_LIMIT_STREAMS: 429,
  ERR_KEYS_NOT_FOUND: 404,
  ERR_KEYS_INVALID_OPTION: 400,
  ERR_STORE_UNAVAILABLE: 503,
  ERR_AUDIT_UNAVAILABLE: 503,
  ERR_UPSTREAM_UNREACHABLE: 502,
  ERR_UPSTREAM_TIMEOUT: 504,
  ERR_UPSTREAM_BAD_RESPONSE: 502,
  ERR_UPSTREAM_REJECTED: 400,
  ERR_UPSTREAM_RATE_LIMITED: 429,
  ERR_UPSTREAM_STREAM_FAILED: 502,
  ERR_GUARD_INJECTION_BLOCKED: 400,
  ERR_GUARD_SECRET_BLOCKED: 400,
  // An answer the policy withholds: 422, not 5xx, because OpenAI's clients retry 5xx on their own
  // and a leaking answer must not be asked for again.
  ERR_GUARD_LEAK_BLOCKED: 422,
  ERR_GUARD_OUTPUT_SECRET_BLOCKED: 422,
  ERR_GUARD_OUTPUT_SCHEMA_BLOCKED: 422,
  // Only a request with a million distinct values of one type gets here: too large.
  ERR_ANONYMIZE_VAULT_FULL: 413,
};

// Fastify's own request errors (body parsing happens before any route code runs).
const FASTIFY: Readonly<Record<string, [number, ErrorCode, string]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'ERR_REQUEST_INVALID_JSON', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'ERR_REQUEST_INVALID_JSON', 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'ERR_REQUEST_TOO_LARGE', 'The request body is larger than the limit.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Send the body as Content-Type: application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'ERR_REQUEST_INVALID_BODY', 'The request body does not match its Content-Length.'],
};

/**
 * Maps anything thrown while handling a request to what the client sees: catalogue errors keep
 * their code and message (messages never carry values), Fastify's parsing errors become
 * `ERR_REQUEST_*`, other client errors stay 4xx, and everything else is a bare 500
 * `ERR_INTERNAL` — never a stack or an internal message.
 */
export function toHttpError(err: unknown): HttpError {
  if (isBulwarkError(err)) {
    let status = STATUS_BY_CODE[err.code] ?? 500;
    const upstream = err as { status?: unknown; retryAfter?: unknown };
    if (err.code === 'ERR_UPSTREAM_REJECTED' && typeof upstream.status === 'number' && upstream.status >= 400 && upstream.status < 500) {
      status = upstream.status;
    }
    const message = status === 500 ? 'An internal error occurred.' : err.message;
    const code = status === 500 ? 'ERR_INTERNAL' : err.code;
    return typeof upstream.retryAfter === 'string' ? { status, code, message, retryAfter: upstream.retryAfter } : { status, code, message };
  }
  const e = err as { code?: unknown; statusCode?: unknown } | null;
  const known = typeof e?.code === 'string' ? FASTIFY[e.code] : undefined;
  if (known !== undefined) return { status: known[0], code: known[1], message: known[2] };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'ERR_REQUEST_INVALID_BODY', message: 'The request is malformed.' };
  }
  return { status: 500, code: 'ERR_INTERNAL', message: 'An internal error occurred.' };
}
