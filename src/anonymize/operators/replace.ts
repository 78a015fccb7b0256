import { BulwarkError } from '../../core/bulwark-error.js';
import type { Operator } from '../operator.js';

/** Replaces the value with fixed text, by default the entity type in angle brackets (`<EMAIL_ADDRESS>`). */
export function replaceOperator(options: { readonly value?: string } = {}): Operator {
  const { value } = options;
  if (value !== undefined && typeof value !== 'string') {
    throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', 'replace: `value` must be a string.');
  }
  return { name: 'replace', apply: value === undefined ? (_v, type) => `<${type}>` : () => value };
}
