import { UpstreamError } from './upstream-error.js';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/** True when `err` comes from our own abort signal (the client went away), not from the upstream. */
export function isAbort(err: unknown): boolean {
  const e = err as { name?: unknown; code?: unknown } | null;
  return e?.name === 'AbortError' || e?.code === 'UND_ERR_ABORTED' || e?.code === 'ABORT_ERR';
}

/**
 * Maps a transport error of an upstream call to a catalogue error: timeouts to
 * `ERR_UPSTREAM_TIMEOUT`, everything else to `fallback` (`ERR_UPSTREAM_UNREACHABLE` before the
 * answer started, `ERR_UPSTREAM_STREAM_FAILED` within a stream). Our own aborts and errors that
 * are already `UpstreamError`s pass through unchanged. Messages name the failure, never the URL
 * or the body.
 */
export function mapUndiciError(err: unknown, fallback: 'ERR_UPSTREAM_UNREACHABLE' | 'ERR_UPSTREAM_STREAM_FAILED'): unknown {
  if (err instanceof UpstreamError || isAbort(err)) return err;
  const code = typeof (err as { code?: unknown } | null)?.code === 'string' ? (err as { code: string }).code : 'unknown';
  if (TIMEOUT_CODES.has(code)) {
    return new UpstreamError('ERR_UPSTREAM_TIMEOUT', `The upstream did not answer in time (${code}).`, { cause: err });
  }
  const what = fallback === 'ERR_UPSTREAM_UNREACHABLE' ? 'could not be reached' : 'stream broke off';
  return new UpstreamError(fallback, `The upstream ${what} (${code}).`, { cause: err });
}
