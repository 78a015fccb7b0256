import type { Generated } from 'kysely';

/**
 * Tables as the database holds them. Times are ISO 8601 UTC text and lists are JSON text, so one
 * query layer serves SQLite and Postgres without per-dialect type parsing; repositories convert.
 */
export interface StoreSchema {
  api_keys: ApiKeysTable;
  audit_records: AuditRecordsTable;
}

/** One gateway API key; the secret itself is never stored, only its HMAC. */
export interface ApiKeysTable {
  id: string;
  name: string;
  /** Hex HMAC-SHA-256 of the secret under the server pepper. */
  digest: string;
  /** JSON array of scope names. */
  scopes: string;
  /** JSON array of model names; NULL means any model. */
  models: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  /** Id of the key that replaced this one in a rotation. */
  replaced_by: string | null;
}

/** One request's audit record: who, which route, the decision — never a raw value. */
export interface AuditRecordsTable {
  seq: Generated<number>;
  request_id: string;
  at: string;
  key_id: string | null;
  route: string;
  decision: string;
  /** JSON object: entity type -> count. */
  findings: string;
  status: number;
  /** JSON array of `AuditDetection`: detector ids and scores, never matched text. */
  detections: Generated<string>;
}
