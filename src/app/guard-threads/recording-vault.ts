import { InMemoryVault, type Vault } from '../../anonymize/index.js';

/** One value a vault took: its entity type and the value, in the order they arrived. */
export type VaultEntry = readonly [type: string, value: string];

/**
 * An {@link InMemoryVault} that also lists the values it was given, in order. Placeholders are
 * numbered in arrival order, so replaying the list into a fresh vault ({@link replayVault})
 * rebuilds the same placeholders: this is how a vault filled in a guard thread crosses back to
 * the thread that restores the answer.
 */
export class RecordingVault implements Vault {
  readonly #vault = new InMemoryVault();
  readonly entries: VaultEntry[] = [];

  placeholderFor(type: string, value: string): string {
    const before = this.#vault.size;
    const placeholder = this.#vault.placeholderFor(type, value);
    if (this.#vault.size !== before) this.entries.push([type, value]);
    return placeholder;
  }

  valueFor(placeholder: string): string | undefined {
    return this.#vault.valueFor(placeholder);
  }

  labels(): Iterable<string> {
    return this.#vault.labels();
  }
}

/** A vault holding `entries` with the placeholders the recording vault gave them. */
export function replayVault(entries: readonly VaultEntry[]): InMemoryVault {
  const vault = new InMemoryVault();
  for (const [type, value] of entries) vault.placeholderFor(type, value);
  return vault;
}
