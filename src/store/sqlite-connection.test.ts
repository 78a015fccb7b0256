import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteConnection } from './sqlite-connection.js';

describe('sqliteConnection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-sqlite-connection-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs commits as asked: NORMAL (1) by choice of normal, FULL (2) by choice of full', () => {
    for (const [sync, level] of [['normal', 1], ['full', 2]] as const) {
      const db = sqliteConnection(join(dir, `${sync}.db`), sync);
      try {
        expect(db.pragma('synchronous', { simple: true })).toBe(level);
      } finally {
        db.close();
      }
    }
  });

  it('runs in WAL mode with secure delete and a lock wait, in a new owner-only file', () => {
    const file = join(dir, 'sub', 'store.db');
    const db = sqliteConnection(file, 'normal');
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      db.close();
    }
  });
});
