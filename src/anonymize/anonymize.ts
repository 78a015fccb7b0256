import type { Finding } from '../core/finding.js';
import type { AnonymizedItem, AnonymizePlan, AnonymizeResult } from './anonymize-plan.js';
import { compilePlan, compileVaultPlan, type OperatorResolver, type VaultOperatorResolver } from './compile-plan.js';
import { normalizeFindings } from './normalize-findings.js';
import { assertVault } from './operators/tokenize.js';
import type { Vault } from './vault.js';

/** Anonymizes one text with a plan that was validated once. */
export type Anonymizer = (text: string, findings: readonly Finding[]) => AnonymizeResult;

/** Anonymizes one text with a plan compiled once and the conversation's vault; returns the text only. */
export type VaultAnonymizer = (text: string, findings: readonly Finding[], vault: Vault) => string;

/**
 * Validates `plan` once and returns a function applying it. Prefer this over {@link anonymize}
 * when one plan serves many texts. Throws on invalid plans (see `createOperator`).
 */
export function createAnonymizer(plan?: AnonymizePlan): Anonymizer {
  const resolve = compilePlan(plan);
  return (text, findings) => {
    const items: AnonymizedItem[] = [];
    return { text: run(text, findings, resolve, undefined, items), items };
  };
}

/**
 * Validates `plan` (any `vault` in it is ignored) once and returns a function applying it with
 * the vault of each call: for a server where one plan serves many conversations, each with its
 * own vault, so no operator is built per conversation. Returns the anonymized text without
 * items, which such callers do not read. Throws on invalid plans, and per call
 * `ERR_ANONYMIZE_INVALID_OPTION` when the plan tokenizes and `vault` is not a vault.
 */
export function createVaultAnonymizer(plan?: Omit<AnonymizePlan, 'vault'>): VaultAnonymizer {
  const { resolve, tokenizes } = compileVaultPlan(plan);
  return (text, findings, vault) => {
    if (tokenizes) assertVault(vault);
    return run(text, findings, resolve, vault, undefined);
  };
}

const DEFAULT_RESOLVER = compilePlan();
const compiled = new WeakMap<AnonymizePlan, OperatorResolver>();

/**
 * Replaces each finding in `text` with its operator's output. Findings may be unsorted or
 * overlapping (overlaps are merged, see `normalizeFindings`); findings outside the text are
 * ignored. The plan is validated on first use and cached per plan object.
 */
export function anonymize(text: string, findings: readonly Finding[], plan?: AnonymizePlan): AnonymizeResult {
  let resolve = plan === undefined ? DEFAULT_RESOLVER : compiled.get(plan);
  if (resolve === undefined) {
    resolve = compilePlan(plan);
    compiled.set(plan as AnonymizePlan, resolve);
  }
  const items: AnonymizedItem[] = [];
  return { text: run(text, findings, resolve, undefined, items), items };
}

/**
 * The anonymized text; pushes one item per replaced span to `items` when given. An operator
 * resolved as `undefined` is `tokenize` with `vault`.
 */
function run(text: string, findings: readonly Finding[], resolve: VaultOperatorResolver, vault: Vault | undefined, items: AnonymizedItem[] | undefined): string {
  const spans = normalizeFindings(text, findings);
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const { start, end, finding } of spans) {
    const { type } = finding;
    const operator = resolve(type);
    const value = text.slice(start, end);
    const replacement = operator === undefined ? (vault as Vault).placeholderFor(type, value) : operator.apply(value, type);
    out += text.slice(cursor, start);
    items?.push({ type, operator: operator === undefined ? 'tokenize' : operator.name, start: out.length, end: out.length + replacement.length });
    out += replacement;
    cursor = end;
  }
  return out + text.slice(cursor);
}
