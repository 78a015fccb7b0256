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

/** Options of {@link openStore}. */
export type OpenStoreOptions = StoreLocation & {
  /** Postgres only: keep every table in this schema (created when missing). Tests use one per run. */
  readonly schema?: string;
  /** SQLite only: when a commit reaches the disk (see {@link SqliteSync}); default `normal`. */
  readonly sqliteSync?: SqliteSync;
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

function sqliteDatabase(file: string, sync: SqliteSync): Kysely<StoreSchema> {
  return new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqliteConnection(file, sync)) }) });
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
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new BulwarkError('ERR_CONFIG_INVALID', 'A store schema name must be lower-case letters, digits and underscores.');
  }
  let db: Kysely<StoreSchema>;
  try {
    db = options.dialect === 'sqlite' ? sqliteDatabase(options.file, options.sqliteSync ?? 'normal') : postgresDatabase(options.url, options.schema);
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
    close: () => db.destroy(),
  };
}
