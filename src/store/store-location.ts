import { BulwarkError } from '../core/bulwark-error.js';

/** The databases the store speaks. */
export type StoreDialect = 'sqlite' | 'postgres';

/** Where the store lives, parsed from a database URL. */
export type StoreLocation =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string };

/**
 * Reads a database URL: `postgres://…` / `postgresql://…`, `sqlite:<path>` or `sqlite::memory:`.
 * Throws `ERR_CONFIG_INVALID` for anything else; the message never repeats the URL (it may hold
 * a password).
 */
export function parseStoreLocation(url: string): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', url };
  if (/^sqlite:/i.test(url) && url.length > 'sqlite:'.length) return { dialect: 'sqlite', file: url.slice('sqlite:'.length) };
  throw new BulwarkError('ERR_CONFIG_INVALID', 'The database URL must start with postgres://, postgresql:// or sqlite:.');
}
