import type { AnonymizePlan } from './anonymize-plan.js';
import { createOperator } from './create-operator.js';
import type { Operator } from './operator.js';
import type { OperatorConfig } from './operator-config.js';

/** Picks the operator for an entity type. */
export type OperatorResolver = (type: string) => Operator;

/**
 * Picks the operator for an entity type; `undefined` stands for `tokenize` with the vault given
 * per call (see `createVaultAnonymizer`).
 */
export type VaultOperatorResolver = (type: string) => Operator | undefined;

function isOperator(x: OperatorConfig | Operator): x is Operator {
  return typeof (x as Partial<Operator>).apply === 'function' && typeof (x as Partial<Operator>).name === 'string';
}

/** The lookup over operators built by `build` (a Map, so types like "constructor" never reach Object.prototype). */
function resolverOf<T>(plan: Omit<AnonymizePlan, 'vault'>, build: (c: OperatorConfig | Operator) => T): (type: string) => T {
  const fallback = build(plan.default ?? { type: 'replace' });
  const byType = new Map<string, T>();
  for (const [type, config] of Object.entries(plan.byType ?? {})) byType.set(type, build(config));
  return (type) => (byType.has(type) ? (byType.get(type) as T) : fallback);
}

/**
 * Validates a plan once and returns the operator lookup. Every operator is built up front, so a
 * bad option fails here and not on the first value of that type.
 */
export function compilePlan(plan: AnonymizePlan = {}): OperatorResolver {
  return resolverOf(plan, (c) => (isOperator(c) ? c : createOperator(c, plan.vault)));
}

/**
 * Like {@link compilePlan}, for a plan whose vault changes from call to call (one per
 * conversation): every operator but `tokenize` is built and validated once here; `tokenize`
 * resolves to `undefined`, and the caller applies its vault. `tokenizes` says whether any type
 * resolves so.
 */
export function compileVaultPlan(plan: Omit<AnonymizePlan, 'vault'> = {}): { readonly resolve: VaultOperatorResolver; readonly tokenizes: boolean } {
  let tokenizes = false;
  const resolve = resolverOf<Operator | undefined>(plan, (c) => {
    if (isOperator(c)) return c;
    if ((c as { type?: unknown } | null)?.type !== 'tokenize') return createOperator(c);
    tokenizes = true;
    return undefined;
  });
  return { resolve, tokenizes };
}
