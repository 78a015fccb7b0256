import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBounded } from './read-bounded.js';

const codeOf = async (p: Promise<unknown>): Promise<unknown> => p.then(() => 'resolved', (err: { code?: unknown }) => err.code);

describe('readBounded', () => {
  it('joins the chunks of a stream as UTF-8, a character split across chunks included', async () => {
    const s = new PassThrough();
    const read = readBounded(s, 1024);
    const bytes = Buffer.from('{"a":"é€"}');
    s.write(bytes.subarray(0, 7)); // cuts "€" in two
    s.end(bytes.subarray(7));
    expect(await read).toBe('{"a":"é€"}');
  });

  it('refuses a stream longer than the limit with ERR_UPSTREAM_BAD_RESPONSE and stops listening', async () => {
    const s = new PassThrough();
    const read = readBounded(s, 8);
    s.write('12345');
    s.write('67890');
    expect(await codeOf(read)).toBe('ERR_UPSTREAM_BAD_RESPONSE');
    expect(s.listenerCount('data')).toBe(0);
  });

  it('accepts exactly the limit', async () => {
    const s = new PassThrough();
    const read = readBounded(s, 10);
    s.end('1234567890');
    expect(await read).toBe('1234567890');
  });

  it('passes a stream error on', async () => {
    const s = new PassThrough();
    const read = readBounded(s, 1024);
    s.write('{"a":');
    s.destroy(Object.assign(new Error('socket hang up'), { code: 'UND_ERR_SOCKET' }));
    expect(await codeOf(read)).toBe('UND_ERR_SOCKET');
  });

  it('rejects a stream destroyed before its end without an error', async () => {
    const s = new PassThrough();
    const read = readBounded(s, 1024);
    s.write('{"a":');
    s.destroy();
    expect(await codeOf(read)).toBe('ERR_STREAM_PREMATURE_CLOSE');
  });

  it('reads any async iterable the same way', async () => {
    async function* parts(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('ab');
      yield Buffer.from('cd');
    }
    expect(await readBounded(parts(), 4)).toBe('abcd');
    expect(await codeOf(readBounded(parts(), 3))).toBe('ERR_UPSTREAM_BAD_RESPONSE');
  });
});
