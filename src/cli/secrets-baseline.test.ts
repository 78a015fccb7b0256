import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBaseline, parseBaseline } from './secrets-baseline.js';

const FP = 'ab'.repeat(32);
const FP2 = 'cd'.repeat(32);

describe('parseBaseline', () => {
  it.each([
    ['a report array', [{ path: 'a', fingerprint: FP }, { fingerprint: FP2 }], [FP, FP2]],
    ['an empty report', [], []],
    ['{findings: [...]}', { findings: [{ fingerprint: FP }] }, [FP]],
  ])('reads %s', (_name, parsed, expected) => {
    expect([...parseBaseline(parsed, 'b.json')].sort()).toEqual(expected.sort());
  });

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['an object without findings', { fingerprint: FP }],
    ['an entry without a fingerprint', [{ path: 'a' }]],
    ['an upper-case or short fingerprint', [{ fingerprint: FP.toUpperCase() }]],
    ['a numeric fingerprint', [{ fingerprint: 5 }]],
    ['a null entry', [null]],
    ['an inherited fingerprint', [Object.create({ fingerprint: FP }) as object]],
  ])('refuses %s with ERR_CLI_BASELINE_INVALID', (_name, parsed) => {
    expect(() => parseBaseline(parsed, 'b.json')).toThrow(expect.objectContaining({ code: 'ERR_CLI_BASELINE_INVALID' }));
  });
});

describe('loadBaseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-baseline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const stdin = (): NodeJS.ReadableStream => Readable.from([]);

  it('reads a saved report', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify([{ fingerprint: FP }]));
    expect([...(await loadBaseline(file, stdin()))]).toEqual([FP]);
  });

  it.each([
    ['a missing file', 'missing.json', undefined, 'ERR_INPUT_NOT_FOUND'],
    ['a file that is not JSON', 'bad.json', '[{', 'ERR_CLI_BASELINE_INVALID'],
  ])('fails on %s', async (_name, name, content, code) => {
    const file = join(dir, name);
    if (content !== undefined) writeFileSync(file, content);
    await expect(loadBaseline(file, stdin())).rejects.toMatchObject({ code });
  });
});
