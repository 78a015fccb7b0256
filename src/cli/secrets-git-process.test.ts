import { describe, expect, it } from 'vitest';
import { batchReader, lineSplitter } from './secrets-git-process.js';

function batchOutput(objects: [string, string | undefined][]): Buffer {
  return Buffer.concat(
    objects.map(([oid, content]) =>
      content === undefined ? Buffer.from(`${oid} missing\n`) : Buffer.concat([Buffer.from(`${oid} blob ${Buffer.byteLength(content)}\n`), Buffer.from(content), Buffer.from('\n')]),
    ),
  );
}

function readAll(stream: Buffer, chunkSize: number): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  const push = batchReader((oid, content) => out.push([oid, content?.toString('utf8')]));
  for (let i = 0; i < stream.length; i += chunkSize) push(stream.subarray(i, i + chunkSize));
  return out;
}

describe('batchReader', () => {
  const objects: [string, string | undefined][] = [
    ['a1', 'line one\nline two\n'],
    ['b2', ''],
    ['c3', undefined],
    ['d4', 'no newline at the end'],
    ['e5', '\n\n'],
    ['f6', 'ü😀 multibyte'],
  ];

  it.each([1, 2, 3, 7, 1000])('reads every object whatever the chunk size (%i bytes)', (size) => {
    expect(readAll(batchOutput(objects), size)).toEqual(objects);
  });

  it('reports a malformed header as a missing object instead of throwing', () => {
    expect(readAll(Buffer.from('zz blob notanumber\n'), 4)).toEqual([['zz', undefined]]);
  });
});

describe('lineSplitter', () => {
  it('splits on the separator across chunks and flushes a last unterminated line', () => {
    const lines: string[] = [];
    const s = lineSplitter((l) => lines.push(l));
    for (const chunk of ['ab', 'c\nd', 'e\n\nü'.slice(0, 5), 'f']) s.push(Buffer.from(chunk));
    s.flush();
    expect(lines).toEqual(['abc', 'de', '', 'üf']);
  });

  it('keeps a multi-byte character split across chunks intact', () => {
    const lines: string[] = [];
    const s = lineSplitter((l) => lines.push(l), 0);
    const bytes = Buffer.from('😀\0x\0');
    s.push(bytes.subarray(0, 2));
    s.push(bytes.subarray(2));
    expect(lines).toEqual(['😀', 'x']);
  });
});
