import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from './open-store.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Rows of `table` in the database file alone: a copy without its write-ahead log sees only what was checkpointed. */
function rowsInMainFile(file: string, table: string): number {
  const copy = join(dir, `copy-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(file, copy);
  const db = new SQLite(copy, { readonly: true });
  try {
    const exists = db.prepare(`select count(*) as n from sqlite_master where name = ?`).get(table) as { n: number };
    return exists.n === 0 ? 0 : (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('startWalCheckpointer', () => {
  it('copies committed frames into the database file from its own thread, and stops', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-ckpt-'));
    const file = join(dir, 'a.db');
    const db = new SQLite(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('create table t (x text)');
    const insert = db.prepare('insert into t values (?)');
    for (let i = 0; i < 500; i++) insert.run(`row ${i}`);
    // Nothing checkpoints by itself: the rows are only in the log.
    expect(rowsInMainFile(file, 't')).toBe(0);
    const errors: string[] = [];
    const checkpointer = startWalCheckpointer(file, { intervalMs: 50, onError: (code) => errors.push(code) });
    await vi.waitFor(() => expect(rowsInMainFile(file, 't')).toBe(500), { timeout: 5000, interval: 50 });
    expect(checkpointer.checkpoints).toBeGreaterThan(0);
    // Commits go on while it runs.
    for (let i = 0; i < 100; i++) insert.run(`more ${i}`);
    await vi.waitFor(() => expect(rowsInMainFile(file, 't')).toBe(600), { timeout: 5000, interval: 50 });
    await checkpointer.stop();
    for (let i = 0; i < 10; i++) insert.run(`after ${i}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(rowsInMainFile(file, 't')).toBe(600);
    expect(errors).toEqual([]);
    db.close();
  });

  it('reports a thread that cannot open its file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-ckpt-'));
    const errors: string[] = [];
    const checkpointer = startWalCheckpointer(join(dir, 'missing.db'), { intervalMs: 50, onError: (code) => errors.push(code) });
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
    await checkpointer.stop();
  });
});

describe('openStore with backgroundCheckpoints', () => {
  it('gets audit records into the database file without a commit checkpointing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-ckpt-'));
    const file = join(dir, 'bulwark.db');
    const store = await openStore({ dialect: 'sqlite', file, backgroundCheckpoints: { intervalMs: 50 } });
    const before = rowsInMainFile(file, 'audit_records');
    const records = Array.from({ length: 200 }, (_, i) => ({
      requestId: `0190a0b0-0000-7000-8000-${String(i).padStart(12, '0')}`,
      at: new Date(),
      keyId: null,
      route: 'POST /v1/chat/completions',
      decision: 'forwarded' as const,
      findings: { EMAIL_ADDRESS: 1 },
      status: 200,
    }));
    await store.auditRecords.appendMany(records);
    await vi.waitFor(() => expect(rowsInMainFile(file, 'audit_records')).toBe(before + 200), { timeout: 5000, interval: 50 });
    await store.close();
  });
});
