export type { Finding, Span } from './finding.js';
export { ENTITY_TYPES, isEntityType } from './entity-types.js';
export type { EntityType } from './entity-types.js';
export { BulwarkError, isBulwarkError } from './bulwark-error.js';
export { ERROR_CODES } from './error-codes.js';
export type { ErrorCode } from './error-codes.js';
