import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  it('prepares each SQL text once and reuses the statement with new parameters', () => {
    const db = new SQLite(':memory:');
    let prepared = 0;
    const counting = { prepare: (sql: string) => (prepared++, db.prepare(sql)), close: () => db.close() };
    const cached = withStatementCache(counting);
    cached.prepare('create table t (x integer)').run([]);
    for (let i = 0; i < 5; i++) cached.prepare('insert into t (x) values (?)').run([i]);
    expect(cached.prepare('select sum(x) as s from t').all([])).toEqual([{ s: 10 }]);
    expect(prepared).toBe(3);
    cached.close();
  });
});
