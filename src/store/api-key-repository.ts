import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, StoreSchema } from './store-schema.js';

/** An API key as stored: the HMAC digest of its secret, never the secret. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  /** Hex HMAC-SHA-256 of the secret under the server pepper. */
  readonly digest: string;
  readonly scopes: readonly string[];
  /** Models the key may call; `null` for any. */
  readonly models: readonly string[] | null;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  /** The key that replaced this one in a rotation. */
  readonly replacedBy: string | null;
}

/** API keys in the store (SQLite or Postgres, one implementation). */
export interface SqlApiKeyRepository {
  insert(record: ApiKeyRecord): Promise<void>;
  findById(id: string): Promise<ApiKeyRecord | undefined>;
  /** Every key, oldest first. */
  list(): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked at `at` (the first revocation time is kept); false when it does not exist. */
  revoke(id: string, at: Date): Promise<boolean>;
  /**
   * Rotation in one transaction: inserts `replacement`, and the old key expires at `oldExpiresAt`
   * (or keeps an earlier expiry) and points at the replacement. False when `oldId` does not exist.
   */
  replace(oldId: string, replacement: ApiKeyRecord, oldExpiresAt: Date): Promise<boolean>;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

function toRow(r: ApiKeyRecord): Selectable<ApiKeysTable> {
  return {
    id: r.id,
    name: r.name,
    digest: r.digest,
    scopes: JSON.stringify(r.scopes),
    models: r.models === null ? null : JSON.stringify(r.models),
    created_at: r.createdAt.toISOString(),
    expires_at: iso(r.expiresAt),
    revoked_at: iso(r.revokedAt),
    replaced_by: r.replacedBy,
  };
}

function fromRow(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    digest: row.digest,
    scopes: JSON.parse(row.scopes) as string[],
    models: row.models === null ? null : (JSON.parse(row.models) as string[]),
    createdAt: new Date(row.created_at),
    expiresAt: date(row.expires_at),
    revokedAt: date(row.revoked_at),
    replacedBy: row.replaced_by,
  };
}

/** The API key repository over a Kysely database. */
export function sqlApiKeyRepository(db: Kysely<StoreSchema>): SqlApiKeyRepository {
  return {
    async insert(record) {
      await db.insertInto('api_keys').values(toRow(record)).execute();
    },
    async findById(id) {
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    async list() {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async revoke(id, at) {
      const r = await db
        .updateTable('api_keys')
        .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(at.toISOString())) }))
        .where('id', '=', id)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    async replace(oldId, replacement, oldExpiresAt) {
      return db.transaction().execute(async (tx) => {
        // A write first, which locks the old key: on SQLite a transaction that reads and then
        // writes fails at once (SQLITE_BUSY_SNAPSHOT, no busy timeout) when another connection,
        // such as a CLI or a second gateway process, commits in between; a first write waits its turn.
        // On Postgres it holds off a concurrent rotation of the same key.
        const old = await tx
          .updateTable('api_keys')
          .set((eb) => ({ replaced_by: eb.ref('replaced_by') }))
          .where('id', '=', oldId)
          .returning(['id', 'expires_at'])
          .executeTakeFirst();
        if (old === undefined) return false;
        await tx.insertInto('api_keys').values(toRow(replacement)).execute();
        const keep = old.expires_at !== null && old.expires_at < oldExpiresAt.toISOString();
        await tx
          .updateTable('api_keys')
          .set({ replaced_by: replacement.id, expires_at: keep ? old.expires_at : oldExpiresAt.toISOString() })
          .where('id', '=', oldId)
          .execute();
        return true;
      });
    },
  };
}
