import type { Vault } from '../anonymize/index.js';

/**
 * A view of `vault` whose values come out escaped for the inside of a JSON string. Streamed
 * tool-call arguments are raw JSON text, so a restored value with a quote or a newline must be
 * escaped there or the arguments would no longer parse.
 */
export function jsonStringVault(vault: Vault): Vault {
  return {
    placeholderFor: (type, value) => vault.placeholderFor(type, value),
    valueFor(placeholder) {
      const value = vault.valueFor(placeholder);
      return value === undefined ? undefined : JSON.stringify(value).slice(1, -1);
    },
    labels: () => vault.labels(),
  };
}
