import { join } from 'node:path';
import type { StoreConfig } from '../config/index.js';
import { openStore, parseStoreLocation, type BackgroundCheckpoints, type Store, type StoreLocation } from '../store/index.js';

function locationOf(config: StoreConfig): StoreLocation {
  return config.url === undefined ? { dialect: 'sqlite', file: join(config.dataDir, 'bulwark.db') } : parseStoreLocation(config.url);
}

/**
 * Opens (and migrates) the store the configuration names: SQLite in the data directory by
 * default. `backgroundCheckpoints`: for the gateway, see `OpenStoreOptions`.
 */
export function openConfiguredStore(config: StoreConfig, backgroundCheckpoints?: BackgroundCheckpoints): Promise<Store> {
  return openStore({ ...locationOf(config), sqliteSync: config.sqliteSync, ...(backgroundCheckpoints === undefined ? {} : { backgroundCheckpoints }) });
}

/** Where the store is, for banners and logs: never a password. */
export function describeStore(config: StoreConfig): string {
  const location = locationOf(config);
  if (location.dialect === 'sqlite') return `sqlite ${location.file}`;
  try {
    const url = new URL(location.url);
    return `postgres ${url.hostname}${url.port === '' ? '' : `:${url.port}`}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}
