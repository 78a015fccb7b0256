import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlApiKeyRepository } from '../../src/store/api-key-repository.js';
import { openStore, type ApiKeyRecord } from '../../src/store/index.js';
import type { StoreSchema } from '../../src/store/store-schema.js';

// Another connection writes the same SQLite file (a CLI next to the server, a second gateway
// process). A rotation that read first and wrote later would fail with SQLITE_BUSY_SNAPSHOT when
// that connection committed in between; the rotation takes the write lock with its first
// statement instead. Here the other connection tries to commit exactly in between.

const t0 = new Date('2030-01-01T00:00:00.000Z');
const key = (id: string): ApiKeyRecord => ({ id, name: id, digest: `d-${id}`, scopes: ['chat'], models: null, createdAt: t0, expiresAt: null, revokedAt: null, replacedBy: null });

describe('api key rotation on a SQLite file another connection writes', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-replace-lock-'));
    file = join(dir, 'bulwark.db');
    await (await openStore({ dialect: 'sqlite', file })).close(); // migrated
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the write lock from its first statement, so a commit in between cannot break it', async () => {
    const main = new SQLite(file);
    main.pragma('busy_timeout = 5000');
    const other = new SQLite(file);
    other.pragma('busy_timeout = 0'); // refused at once instead of waiting for the lock
    const interference: string[] = [];
    let armed = false;
    // Just before the replacement is inserted, the other connection tries to commit an audit row.
    const database = {
      prepare(sql: string) {
        if (armed && sql.startsWith('insert into "api_keys"')) {
          armed = false;
          try {
            other.prepare(`insert into audit_records (request_id, at, route, decision, findings, status) values ('x', 'x', 'x', 'x', '{}', 200)`).run();
            interference.push('committed');
          } catch (err) {
            interference.push((err as { code?: string }).code ?? 'unknown');
          }
        }
        return main.prepare(sql);
      },
      close: () => main.close(),
    };
    const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database }) });
    try {
      const keys = sqlApiKeyRepository(db);
      await keys.insert(key('old'));
      armed = true;
      expect(await keys.replace('old', key('new'), t0)).toBe(true);
      expect(interference).toEqual(['SQLITE_BUSY']);
      expect(await keys.findById('old')).toMatchObject({ replacedBy: 'new', expiresAt: t0 });
      expect(await keys.findById('new')).toEqual(key('new'));
      expect(await keys.replace('ghost', key('orphan'), t0)).toBe(false);
      expect(await keys.findById('orphan')).toBeUndefined();
    } finally {
      await db.destroy();
      other.close();
    }
  });
});
