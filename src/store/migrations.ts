import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from './store-location.js';

// Migrations live in code, not in files found at run time: a bundle or `npm pack` cannot lose
// them. Kysely applies them in name order; never edit one that has shipped, add the next.
function migrations(dialect: StoreDialect): Readonly<Record<string, Migration>> {
  return {
    '0001_api_keys_and_audit_records': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('digest', 'text', (c) => c.notNull())
          .addColumn('scopes', 'text', (c) => c.notNull())
          .addColumn('models', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text')
          .addColumn('revoked_at', 'text')
          .addColumn('replaced_by', 'text')
          .execute();
        await db.schema
          .createTable('audit_records')
          // An identity column on Postgres, an alias of the rowid on SQLite: both only increase.
          .addColumn('seq', 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
          )
          .addColumn('request_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text')
          .addColumn('route', 'text', (c) => c.notNull())
          .addColumn('decision', 'text', (c) => c.notNull())
          .addColumn('findings', 'text', (c) => c.notNull())
          .addColumn('status', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_records_request_id').on('audit_records').column('request_id').execute();
      },
    },
    '0002_audit_detections': {
      async up(db: Kysely<unknown>) {
        // Threat detections (detector id, score, where, action) as a JSON array; never matched text.
        await db.schema
          .alterTable('audit_records')
          .addColumn('detections', 'text', (c) => c.notNull().defaultTo('[]'))
          .execute();
      },
    },
  };
}

/** The store's migrations for `dialect`, for Kysely's `Migrator`. */
export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
