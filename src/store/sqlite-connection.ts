import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * When an SQLite commit reaches the disk (SQLite's `synchronous` in WAL mode).
 * - `normal`: a commit is in the write-ahead log when it returns, so it survives a crash or kill
 *   of the process and the database is never corrupted; a power cut or an operating-system crash
 *   can lose the last commits.
 * - `full`: every commit also waits for the disk (fsync). With one request at a time that wait
 *   (about 0.1 ms on a fast disk, far more on many) is longer than the whole privacy pipeline.
 */
export type SqliteSync = 'normal' | 'full';

/**
 * Opens the SQLite file (`:memory:` for none) the store runs on: write-ahead log, a 5 s wait for
 * another connection's write lock, `sync` as above, and deleted rows overwritten, not left in
 * free pages (erasure, DESIGN.md). A new file is created owner-only before SQLite opens it;
 * SQLite gives its -wal and -shm files the same mode.
 */
export function sqliteConnection(file: string, sync: SqliteSync): SQLite.Database {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    closeSync(openSync(file, 'a', 0o600));
  }
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma(sync === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  database.pragma('secure_delete = ON');
  return database;
}
