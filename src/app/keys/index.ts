export { createApiKeyService, requireModel, requireScope } from './api-key-service.js';
export type {
  ApiKeyInfo,
  ApiKeyRepository,
  ApiKeyService,
  ApiKeyServiceOptions,
  AuthenticatedKey,
  IssuedApiKey,
  NewApiKey,
  StoredApiKey,
} from './api-key-service.js';
export { API_KEY_PREFIX, formatApiKey, generateApiKeyParts, parseApiKey } from './api-key-format.js';
export type { ApiKeyParts } from './api-key-format.js';
export { API_KEY_SCOPES, isApiKeyScope } from './api-key-scopes.js';
export type { ApiKeyScope } from './api-key-scopes.js';
export { loadPepper } from './load-pepper.js';
export type { PepperSource } from './load-pepper.js';
