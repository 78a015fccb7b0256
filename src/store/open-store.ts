import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { BulwarkError } from '../core/bulwark-error.js';
import { sqlApiKeyRepository, type SqlApiKeyRepository } from './api-key-repository.js';
import { sqlAuditRecordRepository, type SqlAuditRecordRepository } from './audit-record-repository.js';
import { migrationProvider } from './migrations.js';
import type { StoreDialect, StoreLocation } from './store-location.js';
import { sqliteConnection, type SqliteSync } from './sqlite-connection.js';
import type { StoreSchema } from './store-schema.js';
import { withStatementCache } from './statement-cache.js';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

/** See `OpenStoreOptions.backgroundCheckpoints`. */
export interface BackgroundCheckpoints {
  /** Hears a failed checkpoint's SQLite code. */
  readonly onError?: (code: string) => void;
  /** How often it runs (default 1000 ms). */
  readonly intervalMs?: number;
}

/** Options of {@link openStore}. */
export type OpenStoreOptions = StoreLocation & {
  /** Postgres only: keep every table in this schema (created when missing). Tests use one per run. */
  readonly schema?: string;
  /** SQLite only: when a commit reaches the disk (see {@link SqliteSync}); default `normal`. */
  readonly sqliteSync?: SqliteSync;
  /**
   * SQLite file only: checkpoint the write-ahead log from a thread of its own instead of inside
   * commits (see `startWalCheckpointer`); for a long-running process whose commits must not wait
   * for the disk (the gateway).
   */
  readonly backgroundCheckpoints?: BackgroundCheckpoints;
};

/** An open, migrated store. */
export interface Store {
  readonly dialect: StoreDialect;
  readonly apiKeys: SqlApiKeyRepository;
  readonly auditRecords: SqlAuditRecordRepository;
  /** Resolves when the database answers a trivial query; throws `ERR_STORE_UNAVAILABLE` otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function unavailable(dialect: StoreDialect, err: unknown): BulwarkError {
  // The driver's message can name the host and user; the cause keeps it for the operator's logs.
  return new BulwarkError('ERR_STORE_UNAVAILABLE', `The ${dialect} store cannot be opened or migrated.`, { cause: err });
}

function sqliteDatabase(file: string, sync: SqliteSync, background: boolean): Kysely<StoreSchema> {
  const connection = sqliteConnection(file, sync);
  if (background) connection.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  return new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
}

function postgresDatabase(url: string, schema: string | undefined): Kysely<StoreSchema> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client that loses its server emits here; without a listener the process would crash.
  pool.on('error', () => undefined);
  return new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the store at `options` and brings its schema up to date (Kysely's migrator, in-code
 * migrations; concurrent starts on Postgres serialise on the migrator's lock). A database that
 * cannot be reached or migrated throws `ERR_STORE_UNAVAILABLE`.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { dialect } = options;
  const background = options.dialect === 'sqlite' && options.file !== ':memory:' && options.backgroundCheckpoints !== undefined;
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new BulwarkError('ERR_CONFIG_INVALID', 'A store schema name must be lower-case letters, digits and underscores.');
  }
  let db: Kysely<StoreSchema>;
  try {
    db = options.dialect === 'sqlite' ? sqliteDatabase(options.file, options.sqliteSync ?? 'normal', background) : postgresDatabase(options.url, options.schema);
  } catch (err) {
    throw unavailable(dialect, err);
  }
  try {
    if (options.schema !== undefined) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
    const { error } = await new Migrator({ db, provider: migrationProvider(dialect) }).migrateToLatest();
    if (error !== undefined) throw error;
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw unavailable(dialect, err);
  }
  // Started once the file exists and is migrated.
  let checkpointer: WalCheckpointer | undefined;
  if (background && options.dialect === 'sqlite') {
    checkpointer = startWalCheckpointer(options.file, options.backgroundCheckpoints);
  }
  return {
    dialect,
    apiKeys: sqlApiKeyRepository(db),
    auditRecords: sqlAuditRecordRepository(db),
    async ping() {
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        throw unavailable(dialect, err);
      }
    },
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
