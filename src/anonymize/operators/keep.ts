import type { Operator } from '../operator.js';

/** Leaves the value as it is (the finding is still reported in the result's items). */
export function keepOperator(): Operator {
  return { name: 'keep', apply: (value) => value };
}
