import { BulwarkError } from '../../core/bulwark-error.js';
import type { Operator } from '../operator.js';

/** Options of {@link maskOperator}; see `OperatorConfig` for the defaults. */
export interface MaskOptions {
  readonly char?: string;
  readonly keepLast?: number;
  readonly keepFirst?: number;
}

const CONTROL = /\p{Cc}|\p{Cs}/u;

/**
 * Replaces every code point of the value with `char` except the first `keepFirst` and the last
 * `keepLast`. If those would reveal the whole value, all of it is masked.
 */
export function maskOperator(options: MaskOptions = {}): Operator {
  const { char = '*', keepLast = 4, keepFirst = 0 } = options;
  if (typeof char !== 'string' || [...char].length !== 1 || CONTROL.test(char)) {
    throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', 'mask: `char` must be one printable character.');
  }
  for (const [name, n] of [['keepLast', keepLast], ['keepFirst', keepFirst]] as const) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', `mask: \`${name}\` must be a non-negative integer.`);
    }
  }
  return {
    name: 'mask',
    apply(value) {
      const points = [...value];
      if (keepFirst + keepLast >= points.length) return char.repeat(points.length);
      const hidden = points.length - keepFirst - keepLast;
      return points.slice(0, keepFirst).join('') + char.repeat(hidden) + points.slice(points.length - keepLast).join('');
    },
  };
}
