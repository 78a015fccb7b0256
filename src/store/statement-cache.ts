import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; past this the cache starts over (bounded memory). */
const MAX_STATEMENTS = 256;

/**
 * Wraps a better-sqlite3 database so Kysely reuses prepared statements: its SQLite driver calls
 * `prepare` on every query, and compiling the same INSERT for each request's audit record was a
 * measurable share of the gateway's per-request CPU. Statements are reusable in better-sqlite3 as
 * long as one is not iterated twice at once, which the store never does (no streaming queries).
 */
export function withStatementCache(database: SqliteDatabase): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt === undefined) {
        if (cache.size >= MAX_STATEMENTS) cache.clear();
        stmt = database.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}
