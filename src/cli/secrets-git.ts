import { stat } from 'node:fs/promises';
import { BulwarkError } from '../core/bulwark-error.js';
import type { Finding } from '../core/finding.js';
import type { ExcludeMatcher } from './secrets-exclude.js';
import { decodeLenient } from './secrets-files.js';
import { batchReader, gitComplaint, GitExit, gitText, lineSplitter, runGit, type GitRunner } from './secrets-git-process.js';
import { locateSecrets, type SecretHit } from './secrets-locate.js';

/** A secret found in the history: where it is and the commit that first brought it in. */
export interface GitSecretHit extends SecretHit {
  /** Path in the repository (`/`-separated) at the introducing commit. */
  readonly path: string;
  readonly blob: string;
  /** The oldest commit that added this blob, or `null` when only a tag points at it. */
  readonly commit: string | null;
  /** That commit's author date (ISO 8601), or `null`. */
  readonly date: string | null;
}

export interface GitScanOptions {
  readonly scan: (text: string) => readonly Finding[];
  /** Blobs larger than this are skipped (counted). */
  readonly maxBytes: number;
  readonly exclude: ExcludeMatcher;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The git executable (tests point it elsewhere). */
  readonly git?: string;
}

export interface GitScanResult {
  readonly hits: GitSecretHit[];
  readonly commits: number;
  readonly blobs: number;
  readonly skippedLarge: number;
  readonly skippedBinary: number;
}

const NULL_OID = /^0+$/;

/**
 * Scans every blob reachable from any ref of the repository at `path` (`rev-list --all
 * --objects`): files deleted later, other branches and tags included. Each distinct blob is read
 * and scanned once. Hits are attributed to the oldest commit that added the blob (merges
 * included), and a secret repeated in later versions of the same file is reported once, at its
 * first commit.
 */
export async function scanGitHistory(path: string, options: GitScanOptions): Promise<GitScanResult> {
  const runner: GitRunner = { repo: path, env: options.env, ...(options.git === undefined ? {} : { git: options.git }) };
  await requireRepository(runner);
  const objects = await listObjects(runner);
  const { commits, blobs } = await classifyObjects(runner, objects);
  let skippedLarge = 0;
  let skippedBinary = 0;
  const wanted: string[] = [];
  for (const [oid, size] of blobs) {
    if (options.exclude(objects.get(oid) ?? '')) continue;
    if (size > options.maxBytes) skippedLarge++;
    else wanted.push(oid);
  }
  const found = new Map<string, SecretHit[]>();
  await guarded(
    runGit(runner, {
      args: ['cat-file', '--batch'],
      input: wanted.length === 0 ? '' : `${wanted.join('\n')}\n`,
      onStdout: batchReader((oid, content) => {
        if (content === undefined) return;
        const text = decodeLenient(content);
        if (text === undefined) {
          skippedBinary++;
          return;
        }
        const hits = locateSecrets(text, options.scan(text));
        if (hits.length > 0) found.set(oid, hits);
      }),
    }),
  );
  const origins = found.size === 0 ? new Map<string, Origin>() : await findOrigins(runner, new Set(found.keys()));
  return { hits: attribute(found, origins, objects, options.exclude), commits, blobs: blobs.size, skippedLarge, skippedBinary };
}

async function requireRepository(runner: GitRunner): Promise<void> {
  try {
    await stat(runner.repo);
  } catch {
    throw new BulwarkError('ERR_INPUT_NOT_FOUND', `cannot read "${runner.repo}"`);
  }
  try {
    await gitText(runner, ['rev-parse', '--git-dir']);
  } catch (err) {
    if (err instanceof GitExit) {
      throw new BulwarkError('ERR_CLI_NOT_A_GIT_REPO', `"${runner.repo}" is not in a git repository (git: ${gitComplaint(err)})`);
    }
    throw err;
  }
}

/** Turns a failed history command into `ERR_CLI_GIT_FAILED`. */
async function guarded(call: Promise<void>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (err instanceof GitExit) throw new BulwarkError('ERR_CLI_GIT_FAILED', `git could not read the history: ${gitComplaint(err)}`);
    throw err;
  }
}

/** Every object reachable from every ref, with the path rev-list names it by ('' for commits). */
async function listObjects(runner: GitRunner): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  const lines = lineSplitter((line) => {
    const space = line.indexOf(' ');
    const oid = space < 0 ? line : line.slice(0, space);
    if (oid !== '' && !objects.has(oid)) objects.set(oid, space < 0 ? '' : line.slice(space + 1));
  });
  await guarded(runGit(runner, { args: ['rev-list', '--all', '--objects'], onStdout: lines.push }));
  lines.flush();
  return objects;
}

/** Counts commits and returns the blobs with their sizes. */
async function classifyObjects(runner: GitRunner, objects: Map<string, string>): Promise<{ commits: number; blobs: Map<string, number> }> {
  let commits = 0;
  const blobs = new Map<string, number>();
  const lines = lineSplitter((line) => {
    const [oid, type, size] = line.split(' ');
    if (type === 'commit') commits++;
    else if (type === 'blob' && oid !== undefined) blobs.set(oid, Number(size));
  });
  const input = objects.size === 0 ? '' : `${[...objects.keys()].join('\n')}\n`;
  await guarded(runGit(runner, { args: ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], input, onStdout: lines.push }));
  lines.flush();
  return { commits, blobs };
}

interface Origin {
  readonly commit: string;
  readonly date: string;
  readonly path: string;
  /** Position in oldest-first history order, for sorting the report. */
  readonly order: number;
}

/**
 * The oldest commit that added each blob in `wanted`, from one oldest-first walk of the raw
 * diffs (`-c` adds merge results that differ from every parent; `-z` keeps odd paths intact;
 * `--date-order --reverse` puts parents before children).
 */
async function findOrigins(runner: GitRunner, wanted: ReadonlySet<string>): Promise<Map<string, Origin>> {
  const origins = new Map<string, Origin>();
  let commit = '';
  let date = '';
  let order = 0;
  let blob: string | undefined; // set by a raw record, consumed by the path that follows it
  const tokens = lineSplitter((raw) => {
    const token = raw.replace(/^\n+/, '');
    if (token.startsWith('\x01')) {
      [commit = '', date = ''] = token.slice(1).split(' ');
      order++;
      blob = undefined;
    } else if (token.startsWith(':')) {
      const fields = token.split(' ');
      const oid = fields[fields.length - 2] ?? '';
      blob = wanted.has(oid) && !origins.has(oid) && !NULL_OID.test(oid) ? oid : undefined;
    } else if (blob !== undefined) {
      origins.set(blob, { commit, date, path: token, order });
      blob = undefined;
    }
  }, 0x00);
  const args = ['log', '--all', '--date-order', '--reverse', '--no-abbrev', '--raw', '-c', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--format=%x01%H %aI'];
  await guarded(runGit(runner, { args, onStdout: tokens.push }));
  tokens.flush();
  return origins;
}

function attribute(found: Map<string, SecretHit[]>, origins: Map<string, Origin>, objects: Map<string, string>, exclude: ExcludeMatcher): GitSecretHit[] {
  const blobs = [...found].map(([blob, hits]) => {
    const origin = origins.get(blob);
    return { blob, hits, origin, path: origin?.path ?? objects.get(blob) ?? '', order: origin?.order ?? Number.MAX_SAFE_INTEGER };
  });
  blobs.sort((a, b) => a.order - b.order || compare(a.path, b.path) || compare(a.blob, b.blob));
  // The same secret in a later version of the same file is the same leak: only the oldest blob
  // that has it reports it (every occurrence within that blob is kept).
  const seen = new Set<string>();
  const out: GitSecretHit[] = [];
  for (const { blob, hits, origin, path } of blobs) {
    if (exclude(path)) continue;
    const key = (hit: SecretHit): string => `${path}\0${hit.detector}\0${hit.fingerprint}`;
    for (const hit of hits) {
      if (!seen.has(key(hit))) out.push({ ...hit, path, blob, commit: origin?.commit ?? null, date: origin?.date ?? null });
    }
    for (const hit of hits) seen.add(key(hit));
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
