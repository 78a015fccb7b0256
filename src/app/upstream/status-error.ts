import { UpstreamError } from './upstream-error.js';

/** Upstream statuses that blame the request itself; passed on to the client as they are. */
const CLIENT_STATUSES = new Set([400, 404, 409, 413, 415, 422]);
const MAX_MESSAGE = 500;

/** The provider's own `error.message`, shortened; '' when the body is not OpenAI's error shape. */
function upstreamMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string } | null;
    const e = parsed?.error;
    const message = typeof e === 'string' ? e : typeof e?.message === 'string' ? e.message : '';
    return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  } catch {
    return '';
  }
}

/**
 * The error for a non-2xx upstream answer. A 4xx that blames the request keeps its status
 * (`ERR_UPSTREAM_REJECTED`, with the provider's message: it only ever saw placeholders); 429 is
 * `ERR_UPSTREAM_RATE_LIMITED` with its `Retry-After`; everything else, 401/403 included (the
 * gateway's own credentials are wrong, not the client's), is `ERR_UPSTREAM_BAD_RESPONSE`.
 */
export function statusError(status: number, bodyText: string, retryAfter: string | undefined): UpstreamError {
  if (status === 429) {
    return new UpstreamError('ERR_UPSTREAM_RATE_LIMITED', 'The upstream is rate-limiting requests; retry later.', {
      status,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  }
  if (CLIENT_STATUSES.has(status)) {
    const detail = upstreamMessage(bodyText);
    return new UpstreamError('ERR_UPSTREAM_REJECTED', `The upstream rejected the request (${status})${detail ? `: ${detail}` : '.'}`, { status });
  }
  const why = status === 401 || status === 403 ? ' (check the gateway\'s upstream API key)' : '';
  return new UpstreamError('ERR_UPSTREAM_BAD_RESPONSE', `The upstream answered with status ${status}${why}.`, { status });
}
