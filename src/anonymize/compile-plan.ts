import type { AnonymizePlan } from './anonymize-plan.js';
import { createOperator } from './create-operator.js';
import type { Operator } from './operator.js';
import type { OperatorConfig } from './operator-config.js';

/** Picks the operator for an entity type. */
export type OperatorResolver = (type: string) => Operator;

function isOperator(x: OperatorConfig | Operator): x is Operator {
  return typeof (x as Partial<Operator>).apply === 'function' && typeof (x as Partial<Operator>).name === 'string';
}

/**
 * Validates a plan once and returns the operator lookup. Every operator is built up front, so a
 * bad option fails here and not on the first value of that type.
 */
export function compilePlan(plan: AnonymizePlan = {}): OperatorResolver {
  const build = (c: OperatorConfig | Operator): Operator => (isOperator(c) ? c : createOperator(c, plan.vault));
  const fallback = build(plan.default ?? { type: 'replace' });
  // A Map, not the record itself: entity types such as "constructor" must not reach Object.prototype.
  const byType = new Map<string, Operator>();
  for (const [type, config] of Object.entries(plan.byType ?? {})) byType.set(type, build(config));
  return (type) => byType.get(type) ?? fallback;
}
