import { BulwarkError } from '../core/bulwark-error.js';
import { formatPlaceholder, MAX_PLACEHOLDER_DIGITS, placeholderLabel } from './placeholder.js';
import type { Vault } from './vault.js';

const MAX_NUMBER = 10 ** MAX_PLACEHOLDER_DIGITS - 1;

/**
 * A {@link Vault} held in memory: create one per conversation and drop it with the conversation.
 * Values are kept in clear in this process's memory; the persistent vault encrypts them.
 */
export class InMemoryVault implements Vault {
  readonly #byValue = new Map<string, string>();
  readonly #byPlaceholder = new Map<string, string>();
  readonly #counters = new Map<string, number>();

  placeholderFor(type: string, value: string): string {
    const label = placeholderLabel(type);
    // Keyed by label, not type: types sharing a label share one numbering, so no number repeats.
    const key = `${label}\u0000${value}`;
    const known = this.#byValue.get(key);
    if (known !== undefined) return known;
    const n = (this.#counters.get(label) ?? 0) + 1;
    if (n > MAX_NUMBER) {
      throw new BulwarkError('ERR_ANONYMIZE_VAULT_FULL', `The vault holds ${MAX_NUMBER} values of one type already.`);
    }
    this.#counters.set(label, n);
    const placeholder = formatPlaceholder(label, n);
    this.#byValue.set(key, placeholder);
    this.#byPlaceholder.set(placeholder, value);
    return placeholder;
  }

  valueFor(placeholder: string): string | undefined {
    return this.#byPlaceholder.get(placeholder);
  }

  labels(): Iterable<string> {
    return this.#counters.keys();
  }

  /** How many distinct values the vault holds. */
  get size(): number {
    return this.#byPlaceholder.size;
  }
}
