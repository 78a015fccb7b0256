import { describe, expect, it } from 'vitest';
import { compileExcludes, globToRegExp } from './secrets-exclude.js';

describe('compileExcludes', () => {
  it.each([
    // pattern, path, excluded
    ['*.lock', 'package.lock', true],
    ['*.lock', 'deep/dir/yarn.lock', true],
    ['*.lock', 'lockfile', false],
    ['fixtures', 'test/fixtures/key.pem', true],
    ['fixtures', 'test/fixtures-extra/key.pem', false],
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'docs/sub/a.md', false],
    ['docs/*.md', 'other/docs/a.md', false],
    ['/build', 'build/x.js', true],
    ['/build', 'src/build/x.js', false],
    ['./build/', 'build/x.js', true],
    ['src/**/*.snap', 'src/a.snap', true],
    ['src/**/*.snap', 'src/a/b/c.snap', true],
    ['src/**', 'src/a/b/c.snap', true],
    ['**/secret?.txt', 'a/secret1.txt', true],
    ['**/secret?.txt', 'secret12.txt', false],
    ['key[0-9].pem', 'key7.pem', true],
    ['key[!0-9].pem', 'key7.pem', false],
    ['key[!0-9].pem', 'keyx.pem', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a.b', 'axb', false],
    ['(x)|y', '(x)|y', true],
    ['[unclosed', '[unclosed', true],
    ['*', 'anything/at/all', true],
  ])('%s on %s -> %s', (pattern, path, excluded) => {
    expect(compileExcludes([pattern])(path)).toBe(excluded);
  });

  it('excludes nothing without patterns, or with empty ones', () => {
    expect(compileExcludes([])('a/b')).toBe(false);
    expect(compileExcludes(['', '/', './'])('a/b')).toBe(false);
  });

  it('matches when any of several patterns does', () => {
    const exclude = compileExcludes(['*.pem', 'vendor']);
    expect(['k.pem', 'vendor/x.js', 'src/x.js'].map(exclude)).toEqual([true, true, false]);
  });

  it('refuses a pattern that is not a valid glob with ERR_CLI_USAGE', () => {
    expect(() => compileExcludes(['[z-a]'])).toThrow(expect.objectContaining({ code: 'ERR_CLI_USAGE' }));
  });
});

describe('globToRegExp', () => {
  it('keeps * and ? inside one segment', () => {
    expect(globToRegExp('a*').test('a/b')).toBe(false);
    expect(globToRegExp('a?b').test('a/b')).toBe(false);
    expect(globToRegExp('a?b').test('a😀b')).toBe(true);
  });
});
