import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

/** One store implementation a suite runs against. */
export interface StoreTarget {
  readonly name: 'sqlite :memory:' | 'sqlite file' | 'postgres';
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

/**
 * The stores a contract suite runs against: SQLite in memory, optionally SQLite in a file, and
 * Postgres when BULWARK_TEST_POSTGRES_URL is set (CI sets it; set but unreachable fails, never
 * skips). Each call gets its own Postgres schema, dropped by `cleanup`.
 */
export function storeTargets(options: { file?: boolean; schemaPrefix: string }): StoreTarget[] {
  const targets: StoreTarget[] = [
    { name: 'sqlite :memory:', open: () => openStore({ dialect: 'sqlite', file: ':memory:' }), cleanup: async () => undefined },
  ];
  if (options.file === true) {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-store-'));
    targets.push({
      name: 'sqlite file',
      open: () => openStore({ dialect: 'sqlite', file: join(dir, 'nested', 'bulwark.db') }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    });
  }
  const url = process.env['BULWARK_TEST_POSTGRES_URL'];
  if (url !== undefined && url !== '') {
    const schema = `${options.schemaPrefix}_${randomBytes(6).toString('hex')}`;
    targets.push({
      name: 'postgres',
      open: () => openStore({ dialect: 'postgres', url, schema }),
      async cleanup() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    });
  }
  return targets;
}
