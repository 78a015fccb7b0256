import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, parseByteSize, readInput } from './read-input.js';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('decodeText', () => {
  it.each([
    ['plain ASCII', bytes(0x68, 0x69), 'hi'],
    ['empty input', bytes(), ''],
    ['a two-byte character', bytes(0xc3, 0xa9), 'é'],
    ['an astral emoji', bytes(0xf0, 0x9f, 0x98, 0x80), '😀'],
    ['a UTF-8 BOM, dropped', bytes(0xef, 0xbb, 0xbf, 0x61), 'a'],
  ])('decodes %s', (_name, input, expected) => {
    expect(decodeText(input)).toBe(expected);
  });

  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80)],
    ['an overlong encoding of /', bytes(0xc0, 0xaf)],
    ['an encoded surrogate half', bytes(0xed, 0xa0, 0x80)],
    ['a sequence cut short', bytes(0x61, 0xe2, 0x82)],
    ['Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9)],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80)],
    ['an 0xFF byte', bytes(0xff)],
  ])('rejects %s as ERR_INPUT_NOT_UTF8', (_name, input) => {
    expect(() => decodeText(input)).toThrow(expect.objectContaining({ code: 'ERR_INPUT_NOT_UTF8' }));
  });

  it.each([
    ['a NUL byte in text', bytes(0x61, 0x00, 0x62)],
    ['UTF-16LE text', bytes(0xff, 0xfe, 0x61, 0x00)],
  ])('rejects %s as ERR_INPUT_BINARY', (_name, input) => {
    expect(() => decodeText(input)).toThrow(expect.objectContaining({ code: 'ERR_INPUT_BINARY' }));
  });
});

describe('parseByteSize', () => {
  it.each([
    ['1', 1],
    ['1048576', 1048576],
    ['512K', 512 * 1024],
    ['10M', 10 * 1024 * 1024],
    ['10MiB', 10 * 1024 * 1024],
    ['1g', 1024 ** 3],
  ])('%s -> %i', (raw, n) => {
    expect(parseByteSize(raw)).toBe(n);
  });

  it.each(['0', '-1', '1.5M', 'lots', '', '10T', '99999999999999999999'])('rejects %j', (raw) => {
    expect(() => parseByteSize(raw)).toThrow(expect.objectContaining({ code: 'ERR_CLI_USAGE' }));
  });
});

describe('readInput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const noStdin = Readable.from([]);

  it('reads stdin when there is no file or it is "-"', async () => {
    expect(await readInput(undefined, Readable.from([Buffer.from('a'), Buffer.from('é')]), 10)).toBe('aé');
    expect(await readInput('-', Readable.from([Buffer.from('x')]), 10)).toBe('x');
  });

  it('accepts input of exactly the limit and refuses one byte more', async () => {
    expect(await readInput(undefined, Readable.from([Buffer.from('abcd')]), 4)).toBe('abcd');
    await expect(readInput(undefined, Readable.from([Buffer.from('ab'), Buffer.from('cde')]), 4)).rejects.toMatchObject({
      code: 'ERR_INPUT_TOO_LARGE',
    });
  });

  it('refuses a file over the limit by its size, and reads one within it', async () => {
    const path = join(dir, 'f.txt');
    writeFileSync(path, 'hello');
    expect(await readInput(path, noStdin, 5)).toBe('hello');
    await expect(readInput(path, noStdin, 4)).rejects.toMatchObject({ code: 'ERR_INPUT_TOO_LARGE' });
  });

  it('stops reading an endless device at the limit', async () => {
    await expect(readInput('/dev/zero', noStdin, 1024)).rejects.toMatchObject({ code: 'ERR_INPUT_TOO_LARGE' });
  });

  it('reports a missing file or a directory as ERR_INPUT_NOT_FOUND', async () => {
    await expect(readInput(join(dir, 'missing'), noStdin, 10)).rejects.toMatchObject({ code: 'ERR_INPUT_NOT_FOUND' });
    await expect(readInput(dir, noStdin, 10)).rejects.toMatchObject({ code: 'ERR_INPUT_NOT_FOUND' });
  });
});
