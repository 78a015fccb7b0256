import type { IncomingHttpHeaders } from 'node:http';
import { Pool } from 'undici';
import { mapUndiciError } from './map-undici-error.js';
import { readBounded } from './read-bounded.js';
import { statusError } from './status-error.js';
import { UpstreamError } from './upstream-error.js';

/** An answer body: bytes, destroyable when the caller stops reading early. */
export type UpstreamBody = AsyncIterable<Uint8Array> & { destroy(err?: Error): unknown };

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** The provider's base URL; requests go to its origin, paths are appended to its path. */
  readonly baseUrl: string;
  /** Sent with every request (content type, accept, the provider's auth header). */
  readonly headers: Readonly<Record<string, string>>;
  /** Longest wait for response headers and longest silence within a body. */
  readonly timeoutMs: number;
  /** Largest whole answer accepted by {@link HttpTransport.readJson}. */
  readonly maxResponseBytes: number;
  /** Connections kept to the provider (default 64). */
  readonly connections?: number | undefined;
  /** Maps a provider status before it becomes an error (e.g. Anthropic's 529 to 429). */
  readonly mapStatus?: (status: number) => number;
}

/** The HTTP side shared by the provider upstreams. */
export interface HttpTransport {
  /** Sends one request; a non-2xx answer throws the gateway's status error, transport failures map too. */
  call(method: 'GET' | 'POST', path: string, payload: string | undefined, signal: AbortSignal): Promise<{ body: UpstreamBody; contentType: string }>;
  /** Reads a bounded JSON object answer and releases the body. */
  readJson(body: UpstreamBody): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

const ERROR_BODY_LIMIT = 64 * 1024;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function badResponse(message: string): UpstreamError {
  return new UpstreamError('ERR_UPSTREAM_BAD_RESPONSE', message);
}

function parseObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badResponse('The upstream answer is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badResponse('The upstream answer is not a JSON object.');
  return parsed as Record<string, unknown>;
}

/**
 * An undici pool to one provider with the gateway's transport rules: only the configured origin is
 * called, redirects are never followed (a 3xx is a bad answer), timeouts on headers, body and
 * connect, bounded reads, and every failure mapped to a catalogue error without URL or body.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    connections: options.connections ?? 64,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connectTimeout: Math.min(options.timeoutMs, 10_000),
  });
  const mapStatus = options.mapStatus ?? ((s: number) => s);

  return {
    async call(method, path, payload, signal) {
      let res;
      try {
        res = await pool.request({ method, path: prefix + path, headers: options.headers, body: payload ?? null, signal });
      } catch (err) {
        throw mapUndiciError(err, 'ERR_UPSTREAM_UNREACHABLE');
      }
      const body = res.body as unknown as UpstreamBody;
      if (res.statusCode < 200 || res.statusCode >= 300) {
        const text = await readBounded(body, ERROR_BODY_LIMIT).catch(() => '');
        body.destroy();
        throw statusError(mapStatus(res.statusCode), text, header(res.headers, 'retry-after'));
      }
      return { body, contentType: header(res.headers, 'content-type') ?? '' };
    },
    async readJson(body) {
      try {
        return parseObject(await readBounded(body, options.maxResponseBytes));
      } catch (err) {
        throw mapUndiciError(err, 'ERR_UPSTREAM_UNREACHABLE');
      } finally {
        body.destroy();
      }
    },
    close: () => pool.close(),
  };
}
