import { BulwarkError } from '../core/bulwark-error.js';
import type { Operator } from './operator.js';
import type { OperatorConfig } from './operator-config.js';
import { encryptOperator } from './operators/encrypt.js';
import { hashOperator } from './operators/hash.js';
import { keepOperator } from './operators/keep.js';
import { maskOperator } from './operators/mask.js';
import { redactOperator } from './operators/redact.js';
import { replaceOperator } from './operators/replace.js';
import { tokenizeOperator } from './operators/tokenize.js';
import type { Vault } from './vault.js';

/**
 * Builds the operator a config describes, checking its options once. `vault` is needed by
 * `tokenize` only. Throws `ERR_ANONYMIZE_UNKNOWN_OPERATOR`, `ERR_ANONYMIZE_INVALID_OPTION` or
 * `ERR_CRYPTO_INVALID_KEY`.
 */
export function createOperator(config: OperatorConfig, vault?: Vault): Operator {
  const type: unknown = (config as { type?: unknown } | null)?.type;
  switch (type) {
    case 'keep':
      return keepOperator();
    case 'redact':
      return redactOperator();
    case 'replace':
      return replaceOperator(config as Extract<OperatorConfig, { type: 'replace' }>);
    case 'mask':
      return maskOperator(config as Extract<OperatorConfig, { type: 'mask' }>);
    case 'hash':
      return hashOperator(config as Extract<OperatorConfig, { type: 'hash' }>);
    case 'encrypt':
      return encryptOperator(config as Extract<OperatorConfig, { type: 'encrypt' }>);
    case 'tokenize':
      if (vault === undefined) {
        throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', 'tokenize needs a vault (set `vault` in the plan).');
      }
      return tokenizeOperator(vault);
    default:
      throw new BulwarkError(
        'ERR_ANONYMIZE_UNKNOWN_OPERATOR',
        `Unknown operator${typeof type === 'string' ? ` "${type.slice(0, 40)}"` : ''}.`,
      );
  }
}
