import { spawn } from 'node:child_process';
import { BulwarkError } from '../core/bulwark-error.js';

/**
 * Options that keep a read-only history walk from running anything the scanned repository's own
 * configuration asks for (a scanned repository is untrusted input): no signature checks (they
 * start `gpg.program`), no fsmonitor hook, and replace refs ignored, so `refs/replace` cannot
 * hide a commit's real content from the scan.
 */
const HARDENING = ['-c', 'log.showSignature=false', '-c', 'core.fsmonitor=false', '--no-replace-objects'];

/**
 * Variables that would point git at another repository than the one named on the command line
 * (set, for instance, when bulwark runs inside a git hook).
 */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE'];

/** How to run git for one repository. */
export interface GitRunner {
  readonly repo: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The git executable (a name on PATH, or a path). */
  readonly git?: string;
}

export interface GitCall {
  readonly args: readonly string[];
  /** Written to git's stdin, then closed. */
  readonly input?: string;
  /** Receives stdout as it arrives (bytes: blob contents need not be text). */
  readonly onStdout: (chunk: Buffer) => void;
}

/** Failure kinds of a git call, before they become catalogue errors. */
export class GitExit extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(stderr);
  }
}

/**
 * Runs `git -C <repo> <hardening> ...args` without a shell and resolves when it exits 0. A git
 * that cannot be started rejects with `ERR_CLI_GIT_UNAVAILABLE`; a non-zero exit with
 * {@link GitExit} (the caller knows what the failure means).
 */
export function runGit(runner: GitRunner, call: GitCall): Promise<void> {
  const env: Record<string, string | undefined> = { ...runner.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(runner.git ?? 'git', ['-C', runner.repo, ...HARDENING, ...call.args], { env, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    let stderr = '';
    let failed: unknown;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed !== undefined) return;
      try {
        call.onStdout(chunk);
      } catch (err) {
        // A consumer error (a detector bug) ends the walk; git is stopped rather than left writing.
        failed = err;
        child.kill();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      if (stderr.length < 4096) stderr += s;
    });
    child.stdin.on('error', () => {}); // git may exit before reading all input; its exit code says why
    child.on('error', (err: NodeJS.ErrnoException) => {
      failed ??= err.code === 'ENOENT' ? new BulwarkError('ERR_CLI_GIT_UNAVAILABLE', 'git is not installed or not on PATH') : err;
    });
    child.on('close', (code) => {
      if (failed !== undefined) reject(failed);
      else if (code === 0) resolve();
      else reject(new GitExit(code, stderr));
    });
    child.stdin.end(call.input ?? '');
  });
}

/** Runs git and returns its whole stdout as UTF-8 (for small outputs). */
export async function gitText(runner: GitRunner, args: readonly string[]): Promise<string> {
  const chunks: Buffer[] = [];
  await runGit(runner, { args, onStdout: (c) => chunks.push(c) });
  return Buffer.concat(chunks).toString('utf8');
}

/** The first line of git's complaint, for an error message (never file contents: git prints none). */
export function gitComplaint(err: GitExit): string {
  const line = err.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${err.exitCode ?? 'unknown'}`;
  return line.trim().slice(0, 300);
}

/**
 * Splits a byte stream into `\n`-terminated lines (decoded as UTF-8), calling `onLine` per line.
 * Returns the chunk consumer and a `flush` for a last line without a terminator.
 */
export function lineSplitter(onLine: (line: string) => void, separator = 0x0a): { push: (chunk: Buffer) => void; flush: () => void } {
  let pending: Buffer[] = [];
  return {
    push(chunk) {
      let at = 0;
      for (let i = chunk.indexOf(separator, at); i >= 0; i = chunk.indexOf(separator, at)) {
        pending.push(chunk.subarray(at, i));
        onLine(Buffer.concat(pending).toString('utf8'));
        pending = [];
        at = i + 1;
      }
      if (at < chunk.length) pending.push(chunk.subarray(at));
    },
    flush() {
      if (pending.length > 0) onLine(Buffer.concat(pending).toString('utf8'));
      pending = [];
    },
  };
}

/**
 * A parser for `git cat-file --batch` output: `<oid> <type> <size>\n<content>\n` per object, or
 * `<oid> missing\n`. Content is copied once into a buffer of its announced size, so large blobs
 * arriving in many chunks cost no repeated concatenation.
 */
export function batchReader(onObject: (oid: string, content: Buffer | undefined) => void): (chunk: Buffer) => void {
  let header: Buffer[] = [];
  let body: { oid: string; buffer: Buffer; filled: number } | undefined;
  let skipNewline = false;
  return (chunk) => {
    let at = 0;
    while (at < chunk.length || (body !== undefined && body.filled === body.buffer.length)) {
      if (body !== undefined) {
        const n = Math.min(body.buffer.length - body.filled, chunk.length - at);
        chunk.copy(body.buffer, body.filled, at, at + n);
        body.filled += n;
        at += n;
        if (body.filled === body.buffer.length) {
          const done = body;
          body = undefined;
          skipNewline = true;
          onObject(done.oid, done.buffer);
        }
        continue;
      }
      if (skipNewline) {
        skipNewline = false;
        if (chunk[at] === 0x0a) at++;
        continue;
      }
      const nl = chunk.indexOf(0x0a, at);
      if (nl < 0) {
        header.push(chunk.subarray(at));
        break;
      }
      header.push(chunk.subarray(at, nl));
      at = nl + 1;
      const fields = Buffer.concat(header).toString('latin1').split(' ');
      header = [];
      const oid = fields[0] ?? '';
      const size = Number(fields[2]);
      if (fields.length !== 3 || !Number.isSafeInteger(size) || size < 0) onObject(oid, undefined);
      else body = { oid, buffer: Buffer.alloc(size), filled: 0 };
    }
  };
}
