import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The write-ahead log size, in pages, past which the request thread's connection checkpoints by
 * itself: a safety net for when the background checkpoints stop (SQLite's default is 1000).
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 16_000;

/** Options of {@link startWalCheckpointer}. */
export interface WalCheckpointerOptions {
  /** How often to checkpoint (default 1000 ms). */
  readonly intervalMs?: number;
  /** Told when a checkpoint fails (SQLite's error code only) or the thread stops unexpectedly. */
  readonly onError?: (code: string) => void;
}

/** A running checkpointer. */
export interface WalCheckpointer {
  /** Checkpoints that copied frames so far (polled from the thread's last report). */
  readonly checkpoints: number;
  /** Stops the thread and closes its connection. */
  stop(): Promise<void>;
}

// The thread's code: plain CommonJS with no imports of ours, so it runs the same from the
// TypeScript sources and from dist/. It checkpoints PASSIVE (never waits for the request
// thread's readers or writer) and reports frames it copied.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let done = 0;
const timer = setInterval(() => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    if (row && row.checkpointed > 0) parentPort.postMessage({ checkpoints: ++done });
  } catch (err) {
    // Busy: another checkpoint is running (the fallback in a commit); the next turn retries.
    const code = typeof err.code === 'string' ? err.code : 'SQLITE_ERROR';
    if (!code.startsWith('SQLITE_BUSY')) parentPort.postMessage({ error: code });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints an SQLite file's write-ahead log from a worker thread with a connection of its own.
 *
 * Why: a checkpoint copies the log into the database file and, with `synchronous = NORMAL`, waits
 * for the disk twice (the log before, the file after). Left to SQLite, it runs inside the commit
 * that fills the log past 1000 pages, on the gateway's request thread, and that request waits
 * milliseconds for the disk; measured with one client at a time, those commits were most of the
 * gap between the gateway's 99th-percentile latency and its median. Here the request thread's
 * connection only checkpoints by itself past {@link FALLBACK_AUTOCHECKPOINT_PAGES} (should the
 * thread stop), and the thread does it every `intervalMs` without blocking commits.
 */
export function startWalCheckpointer(file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver, intervalMs: options.intervalMs ?? 1000 } });
  // Never keeps the process alive.
  worker.unref();
  let checkpoints = 0;
  let stopping = false;
  worker.on('message', (m: { checkpoints?: number; error?: string }) => {
    if (m.checkpoints !== undefined) checkpoints = m.checkpoints;
    if (m.error !== undefined) options.onError?.(m.error);
  });
  worker.on('error', () => options.onError?.('THREAD_FAILED'));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopping) options.onError?.('THREAD_EXITED');
      resolve();
    }),
  );
  return {
    get checkpoints() {
      return checkpoints;
    },
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      // A thread stuck in a checkpoint still ends: terminate after a grace period.
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
