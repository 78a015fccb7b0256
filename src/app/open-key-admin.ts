import type { GatewayConfig } from '../config/index.js';
import { createApiKeyService, loadPepper, type ApiKeyService } from './keys/index.js';
import { openConfiguredStore } from './open-configured-store.js';

/** Key management against the configured store, without the rest of the gateway (for the CLI). */
export interface KeyAdmin {
  readonly keys: ApiKeyService;
  close(): Promise<void>;
}

/** Opens the store and the pepper the gateway would use, so keys made here work there. */
export async function openKeyAdmin(config: GatewayConfig): Promise<KeyAdmin> {
  const pepper = loadPepper({ value: config.auth.pepper, dataDir: config.store.dataDir });
  const store = await openConfiguredStore(config.store);
  return { keys: createApiKeyService({ repository: store.apiKeys, pepper }), close: () => store.close() };
}
