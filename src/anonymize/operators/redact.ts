import type { Operator } from '../operator.js';

/** Removes the value: the replacement is the empty string. */
export function redactOperator(): Operator {
  return { name: 'redact', apply: () => '' };
}
