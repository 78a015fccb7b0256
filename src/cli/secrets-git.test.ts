import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { compileExcludes } from './secrets-exclude.js';
import { scanGitHistory, type GitScanOptions } from './secrets-git.js';

// The detectors are tested in src/scan/secrets; here a stand-in finds `FAKE_<word>` so the
// history walk is tested on its own.
function fakeScan(text: string): Finding[] {
  return [...text.matchAll(/FAKE_\w+/g)].map((m) => ({ type: 'SECRET', start: m.index, end: m.index + m[0].length, score: 0.9, detector: 'secret.fake', reason: 'test' }));
}

const base = mkdtempSync(join(tmpdir(), 'bulwark-git-'));
const repo = join(base, 'repo');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
function git(...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { env: gitEnv, encoding: 'utf8' }).trim();
}
function commit(message: string, date: string): string {
  execFileSync('git', ['-C', repo, 'commit', '-q', '-m', message], { env: { ...gitEnv, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  return git('rev-parse', 'HEAD');
}
function write(path: string, content: string | Uint8Array): void {
  writeFileSync(join(repo, path), content);
  git('add', '--', path);
}

const commits: Record<string, string> = {};
const PREVIEW = expect.stringMatching(/^FA.{0,2}…$/);

beforeAll(() => {
  mkdirSync(join(repo, 'src'), { recursive: true });
  git('init', '-q', '-b', 'main');
  write('.env', 'A=1\nKEY=FAKE_envkey\n');
  write('src/app.js', 'const x = 1;\n');
  write('dup.txt', 'FAKE_twice FAKE_twice\n');
  commits.add = commit('add env', '2024-01-01T10:00:00Z');
  // Later versions of .env keep the same key: reported once, at the first commit.
  write('.env', 'A=2\nKEY=FAKE_envkey\nAGAIN=FAKE_envkey\n');
  commit('edit env', '2024-01-02T10:00:00Z');
  git('rm', '-q', '.env');
  commits.remove = commit('remove env', '2024-01-03T10:00:00Z');
  write('logo.bin', new Uint8Array([0x89, 0x00, 0x46, 0x41, 0x4b, 0x45]));
  write('big.txt', `FAKE_toolarge ${'x'.repeat(200)}`);
  write('odd\nname ü.txt', 'FAKE_oddpath');
  write('vendor.js', 'FAKE_vendored');
  commit('assets', '2024-01-04T10:00:00Z');
  // A branch that was never merged still counts.
  git('checkout', '-q', '-b', 'side');
  write('src/side.js', 'token = "FAKE_sidebranch"\n');
  commits.side = commit('side', '2024-01-05T10:00:00Z');
  git('checkout', '-q', 'main');
  // A blob only a tag points at (no commit adds it).
  const blob = execFileSync('git', ['-C', repo, 'hash-object', '-w', '--stdin'], { env: gitEnv, input: 'FAKE_tagonly' }).toString().trim();
  git('tag', 'loose', blob);
});

function options(extra: Partial<GitScanOptions> = {}): GitScanOptions {
  return { scan: fakeScan, maxBytes: 100, exclude: compileExcludes([]), env: process.env, ...extra };
}

describe('scanGitHistory', () => {
  it('finds secrets in deleted files, other branches and tag-only blobs, each attributed to its first commit', async () => {
    const result = await scanGitHistory(repo, options());
    const rows = result.hits.map((h) => [h.path, h.line, h.column, h.preview, h.commit]);
    expect(rows).toEqual([
      ['.env', 2, 5, PREVIEW, commits.add],
      ['dup.txt', 1, 1, PREVIEW, commits.add],
      ['dup.txt', 1, 12, PREVIEW, commits.add],
      ['odd\nname ü.txt', 1, 1, PREVIEW, expect.stringMatching(/^[0-9a-f]{40}$/)],
      ['vendor.js', 1, 1, PREVIEW, expect.stringMatching(/^[0-9a-f]{40}$/)],
      ['src/side.js', 1, 10, PREVIEW, commits.side],
      ['', 1, 1, PREVIEW, null],
    ]);
    expect(result.hits[0]).toMatchObject({ date: '2024-01-01T10:00:00+00:00', blob: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(result).toMatchObject({ commits: 5, skippedLarge: 1, skippedBinary: 1 });
  });

  it('applies --exclude to the paths in history', async () => {
    const result = await scanGitHistory(repo, options({ exclude: compileExcludes(['vendor.js', '.env']) }));
    expect(result.hits.map((h) => h.path)).not.toContain('vendor.js');
    expect(result.hits.map((h) => h.path)).not.toContain('.env');
  });

  it('scans from a subdirectory of the work tree too', async () => {
    const result = await scanGitHistory(join(repo, 'src'), options());
    expect(result.hits.some((h) => h.path === '.env')).toBe(true);
  });

  it('ignores GIT_DIR from the environment: the path on the command line decides', async () => {
    const other = join(base, 'other');
    mkdirSync(other);
    await expect(scanGitHistory(other, options({ env: { ...process.env, GIT_DIR: join(repo, '.git') } }))).rejects.toMatchObject({ code: 'ERR_CLI_NOT_A_GIT_REPO' });
  });

  it('scans an empty repository without error', async () => {
    const empty = join(base, 'empty');
    mkdirSync(empty);
    execFileSync('git', ['-C', empty, 'init', '-q'], { env: gitEnv });
    expect(await scanGitHistory(empty, options())).toEqual({ hits: [], commits: 0, blobs: 0, skippedLarge: 0, skippedBinary: 0 });
  });

  it.each([
    ['a directory outside any repository', () => join(base, 'plain'), 'ERR_CLI_NOT_A_GIT_REPO'],
    ['a missing path', () => join(base, 'missing'), 'ERR_INPUT_NOT_FOUND'],
  ])('fails on %s', async (_name, path, code) => {
    mkdirSync(join(base, 'plain'), { recursive: true });
    await expect(scanGitHistory(path(), options())).rejects.toMatchObject({ code });
  });

  it('fails with ERR_CLI_GIT_UNAVAILABLE when git cannot be started', async () => {
    await expect(scanGitHistory(repo, options({ git: join(base, 'no-such-git') }))).rejects.toMatchObject({ code: 'ERR_CLI_GIT_UNAVAILABLE' });
  });

  it('passes a detector error through and stops git', async () => {
    const boom = (): Finding[] => {
      throw new Error('detector bug');
    };
    await expect(scanGitHistory(repo, options({ scan: boom }))).rejects.toThrow('detector bug');
  });
});
