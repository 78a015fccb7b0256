import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileExcludes } from './secrets-exclude.js';
import { decodeLenient, readTextFile, walkFiles, type WalkedFile } from './secrets-files.js';

const base = mkdtempSync(join(tmpdir(), 'bulwark-walk-'));
const root = join(base, 'tree');
const outside = join(base, 'outside');
afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeAll(() => {
  for (const dir of ['b', 'a/deep', '.git', 'node_modules/pkg', 'vendor']) mkdirSync(join(root, dir), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), 'outside the tree');
  const files: [string, string | Uint8Array][] = [
    ['z.txt', 'z'],
    ['b/b.txt', 'b'],
    ['a/deep/a.txt', 'a'],
    ['a/latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])],
    ['a/image.png', new Uint8Array([0x89, 0x50, 0x00, 0x01])],
    ['big.log', 'x'.repeat(101)],
    ['.git/config', 'git internals'],
    ['node_modules/pkg/index.js', 'dependency'],
    ['vendor/lib.js', 'vendored'],
  ];
  for (const [path, content] of files) writeFileSync(join(root, path), content);
  symlinkSync(outside, join(root, 'link-to-outside'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'file-link'));
  try {
    execFileSync('mkfifo', [join(root, 'pipe')]);
  } catch {
    // no mkfifo here: the FIFO case is then not exercised
  }
});

async function walk(start: string, options: { maxBytes?: number; exclude?: string[] } = {}): Promise<WalkedFile[]> {
  const out: WalkedFile[] = [];
  for await (const f of walkFiles(start, { maxBytes: options.maxBytes ?? 100, exclude: compileExcludes(options.exclude ?? []) })) out.push(f);
  return out;
}

const rel = (f: WalkedFile): string => f.path.slice(root.length + 1);

describe('walkFiles', () => {
  it('walks in name order, skips .git, node_modules, links and special files, and flags binary and large files', async () => {
    const files = await walk(root);
    expect(files.map((f) => [rel(f), f.kind === 'text' ? f.text : f.reason])).toEqual([
      ['a/deep/a.txt', 'a'],
      ['a/image.png', 'binary'],
      ['a/latin1.txt', 'caf\ufffd'],
      ['b/b.txt', 'b'],
      ['big.log', 'too_large'],
      ['vendor/lib.js', 'vendored'],
      ['z.txt', 'z'],
    ]);
  });

  it('applies --exclude globs to files and whole directories', async () => {
    const files = await walk(root, { exclude: ['vendor', '*.png', 'a/deep'] });
    expect(files.map(rel)).toEqual(['a/latin1.txt', 'b/b.txt', 'big.log', 'z.txt']);
  });

  it('reads a single file root, following it when it is a link the user named', async () => {
    expect(await walk(join(root, 'z.txt'))).toEqual([{ kind: 'text', path: join(root, 'z.txt'), text: 'z' }]);
    expect(await walk(join(root, 'file-link'))).toMatchObject([{ kind: 'text', text: 'outside the tree' }]);
  });

  it('throws ERR_INPUT_NOT_FOUND for a missing root', async () => {
    await expect(walk(join(root, 'missing'))).rejects.toMatchObject({ code: 'ERR_INPUT_NOT_FOUND' });
  });
});

describe('readTextFile', () => {
  it('does not follow a link below the root', async () => {
    expect(await readTextFile(join(root, 'file-link'), 100)).toMatchObject({ kind: 'skipped', reason: 'unreadable' });
  });

  it('counts the limit in bytes', async () => {
    expect(await readTextFile(join(root, 'big.log'), 101)).toMatchObject({ kind: 'text' });
    expect(await readTextFile(join(root, 'big.log'), 100)).toMatchObject({ kind: 'skipped', reason: 'too_large' });
  });
});

describe('decodeLenient', () => {
  it.each([
    ['text', [0x68, 0x69], 'hi'],
    ['a BOM, dropped', [0xef, 0xbb, 0xbf, 0x61], 'a'],
    ['invalid UTF-8, replaced', [0x61, 0xff], 'a\ufffd'],
    ['a NUL byte: binary', [0x61, 0x00], undefined],
  ])('%s', (_name, bytes, text) => {
    expect(decodeLenient(new Uint8Array(bytes))).toBe(text);
  });
});
