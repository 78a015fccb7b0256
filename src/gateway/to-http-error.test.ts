import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../app/index.js';
import { BulwarkError } from '../core/bulwark-error.js';
import { toHttpError } from './to-http-error.js';

describe('toHttpError', () => {
  it.each([
    [new BulwarkError('ERR_REQUEST_INVALID_BODY', 'm'), 400, 'ERR_REQUEST_INVALID_BODY'],
    [new UpstreamError('ERR_UPSTREAM_UNREACHABLE', 'm'), 502, 'ERR_UPSTREAM_UNREACHABLE'],
    [new UpstreamError('ERR_UPSTREAM_TIMEOUT', 'm'), 504, 'ERR_UPSTREAM_TIMEOUT'],
    [new UpstreamError('ERR_UPSTREAM_REJECTED', 'm', { status: 422 }), 422, 'ERR_UPSTREAM_REJECTED'],
    [new UpstreamError('ERR_UPSTREAM_REJECTED', 'm', { status: 503 }), 400, 'ERR_UPSTREAM_REJECTED'],
    [new UpstreamError('ERR_UPSTREAM_RATE_LIMITED', 'm', { status: 429 }), 429, 'ERR_UPSTREAM_RATE_LIMITED'],
    [Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }), 400, 'ERR_REQUEST_INVALID_JSON'],
    [Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }), 413, 'ERR_REQUEST_TOO_LARGE'],
    [Object.assign(new Error('x'), { code: 'FST_ERR_SOMETHING', statusCode: 431 }), 431, 'ERR_REQUEST_INVALID_BODY'],
  ])('%o -> %i %s', (err, status, code) => {
    expect(toHttpError(err)).toMatchObject({ status, code });
  });

  it.each([
    ['a TypeError', new TypeError('secret internals at /src/x.ts:3')],
    ['a thrown string', 'boom'],
    ['null', null],
    ['an error claiming a 5xx', Object.assign(new Error('db password wrong'), { statusCode: 503 })],
    ['a catalogue error without an HTTP meaning', new BulwarkError('ERR_CRYPTO_DECRYPT_FAILED', 'key id 7 failed')],
  ])('turns %s into a bare 500 ERR_INTERNAL', (_name, err) => {
    expect(toHttpError(err)).toEqual({ status: 500, code: 'ERR_INTERNAL', message: 'An internal error occurred.' });
  });

  it('keeps Retry-After of a rate-limited upstream', () => {
    expect(toHttpError(new UpstreamError('ERR_UPSTREAM_RATE_LIMITED', 'm', { status: 429, retryAfter: '7' })).retryAfter).toBe('7');
  });
});
