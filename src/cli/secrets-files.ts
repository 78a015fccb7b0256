import { constants, type Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BulwarkError } from '../core/bulwark-error.js';
import type { ExcludeMatcher } from './secrets-exclude.js';

/** Directories never walked into: version-control internals and installed dependencies. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** A file of the walk: its text, or why it was left out. */
export type WalkedFile =
  | { readonly kind: 'text'; readonly path: string; readonly text: string }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: 'binary' | 'too_large' | 'unreadable' };

export interface WalkOptions {
  /** Files larger than this are skipped (reported, not read). */
  readonly maxBytes: number;
  readonly exclude: ExcludeMatcher;
}

/**
 * Walks `root` (a file or a directory) depth-first in name order and yields each regular file's
 * text. Symbolic links below the root are never followed (a link out of the tree could point
 * anywhere; a link within it reaches files the walk sees anyway); the root itself is followed
 * when it is one, as `find -H` does. FIFOs, sockets and devices are skipped without being
 * opened, since reading one can block forever. A missing root throws `ERR_INPUT_NOT_FOUND`.
 */
export async function* walkFiles(root: string, options: WalkOptions): AsyncGenerator<WalkedFile> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new BulwarkError('ERR_INPUT_NOT_FOUND', `cannot read "${root}"`);
  }
  if (info.isFile()) {
    yield await readTextFile(root, options.maxBytes, true);
    return;
  }
  if (!info.isDirectory()) throw new BulwarkError('ERR_INPUT_NOT_FOUND', `"${root}" is neither a file nor a directory`);
  // One frame per open directory: entries are visited in name order, a subdirectory before the
  // next sibling, so the output reads like a sorted file list.
  const stack: { entries: Dirent[]; next: number; dir: string }[] = [];
  const enter = async (dir: string): Promise<WalkedFile | undefined> => {
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      stack.push({ entries, next: 0, dir });
      return undefined;
    } catch {
      return { kind: 'skipped', path: dir, reason: 'unreadable' };
    }
  };
  const unreadableRoot = await enter(root);
  if (unreadableRoot) yield unreadableRoot;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const entry = frame.entries[frame.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    const path = join(frame.dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || options.exclude(toPosix(relative(root, path)))) continue;
      const failed = await enter(path);
      if (failed) yield failed;
    } else if (entry.isFile() && !options.exclude(toPosix(relative(root, path)))) {
      yield await readTextFile(path, options.maxBytes);
    }
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Reads a file for scanning. Opened with O_NOFOLLOW and O_NONBLOCK and checked again on the open
 * handle, so a file swapped for a link or a FIFO after the directory was listed is not read
 * (`followLink` is for a root the user named, which may be a link on purpose).
 * Text is decoded leniently (invalid UTF-8 becomes U+FFFD): secrets are ASCII, and a Latin-1
 * config file still deserves a scan. A NUL byte marks the file as binary.
 */
export async function readTextFile(path: string, maxBytes: number, followLink = false): Promise<WalkedFile> {
  const noFollow = followLink ? 0 : (constants.O_NOFOLLOW ?? 0);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | noFollow | (constants.O_NONBLOCK ?? 0));
  } catch {
    return { kind: 'skipped', path, reason: 'unreadable' };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'skipped', path, reason: 'unreadable' };
    if (info.size > maxBytes) return { kind: 'skipped', path, reason: 'too_large' };
    // Read one byte past the limit: a file that grew since stat() is still caught.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, info.size + 1));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { kind: 'skipped', path, reason: 'too_large' };
    const text = decodeLenient(buffer.subarray(0, length));
    return text === undefined ? { kind: 'skipped', path, reason: 'binary' } : { kind: 'text', path, text };
  } catch {
    return { kind: 'skipped', path, reason: 'unreadable' };
  } finally {
    await handle.close();
  }
}

/** Text of `bytes`, or `undefined` for binary data (a NUL byte). Invalid UTF-8 becomes U+FFFD. */
export function decodeLenient(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  return new TextDecoder('utf-8').decode(bytes);
}
