import { BulwarkError } from '../core/bulwark-error.js';

/** Decides whether a path (relative to the scan root, `/`-separated) is left out of a secrets scan. */
export type ExcludeMatcher = (relativePath: string) => boolean;

/**
 * Compiles `--exclude` globs, gitignore-style: `*` and `?` stay within one path segment, `**`
 * spans segments, `[...]` is a character class, `\` escapes. A pattern without `/` matches any
 * single segment (a name at any depth: `*.min.js`, `fixtures`); one with `/` is anchored at the
 * scan root (`docs/*.md`, `/build`). A matching directory excludes everything below it, so each
 * ancestor of a path is tried too. A trailing `/` is ignored.
 */
export function compileExcludes(patterns: readonly string[]): ExcludeMatcher {
  const segment: RegExp[] = [];
  const anchored: RegExp[] = [];
  for (const raw of patterns) {
    const pattern = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    if (pattern === '') continue;
    let re: RegExp;
    try {
      re = globToRegExp(pattern.replace(/^\/+/, ''));
    } catch {
      throw new BulwarkError('ERR_CLI_USAGE', `--exclude pattern "${raw}" is not a valid glob`);
    }
    (pattern.includes('/') ? anchored : segment).push(re);
  }
  if (segment.length === 0 && anchored.length === 0) return () => false;
  return (relativePath) => {
    const parts = relativePath.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.some((p) => segment.some((re) => re.test(p)))) return true;
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (anchored.some((re) => re.test(prefix))) return true;
    }
    return false;
  };
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/;

/** A glob as an anchored regular expression over a `/`-separated path. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole segments; a bare `**` anything at all.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < glob.length) out += escape(glob[++i]!);
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      }
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`, 'u');
}

function escape(c: string): string {
  return SPECIAL.test(c) ? `\\${c}` : c;
}
