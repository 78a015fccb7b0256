export { openStore } from './open-store.js';
export type { BackgroundCheckpoints, OpenStoreOptions, Store } from './open-store.js';
export type { SqliteSync } from './sqlite-connection.js';
export { parseStoreLocation } from './store-location.js';
export type { StoreDialect, StoreLocation } from './store-location.js';
export type { ApiKeyRecord, SqlApiKeyRepository } from './api-key-repository.js';
export type { AuditDecision, AuditDetection, AuditRecord, SqlAuditRecordRepository } from './audit-record-repository.js';
