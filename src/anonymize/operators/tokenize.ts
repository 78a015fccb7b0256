import { BulwarkError } from '../../core/bulwark-error.js';
import type { Operator } from '../operator.js';
import type { Vault } from '../vault.js';

/** Throws `ERR_ANONYMIZE_INVALID_OPTION` unless `vault` looks like a {@link Vault}. */
export function assertVault(vault: unknown): asserts vault is Vault {
  if (vault === null || typeof vault !== 'object' || typeof (vault as Partial<Vault>).placeholderFor !== 'function') {
    throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', 'tokenize needs a vault (set `vault` in the plan).');
  }
}

/**
 * Replaces the value with the vault's placeholder for it (`⟦EMAIL_1⟧`): stable within the vault's
 * conversation and reversible with {@link restore}.
 */
export function tokenizeOperator(vault: Vault): Operator {
  assertVault(vault);
  return { name: 'tokenize', apply: (value, type) => vault.placeholderFor(type, value) };
}
