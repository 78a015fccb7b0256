import type { Finding } from '../core/finding.js';
import type { AnonymizedItem, AnonymizePlan, AnonymizeResult } from './anonymize-plan.js';
import { compilePlan, type OperatorResolver } from './compile-plan.js';
import { normalizeFindings } from './normalize-findings.js';

/** Anonymizes one text with a plan that was validated once. */
export type Anonymizer = (text: string, findings: readonly Finding[]) => AnonymizeResult;

/**
 * Validates `plan` once and returns a function applying it. Prefer this over {@link anonymize}
 * when one plan serves many texts. Throws on invalid plans (see `createOperator`).
 */
export function createAnonymizer(plan?: AnonymizePlan): Anonymizer {
  const resolve = compilePlan(plan);
  return (text, findings) => run(text, findings, resolve);
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
  return run(text, findings, resolve);
}

function run(text: string, findings: readonly Finding[], resolve: OperatorResolver): AnonymizeResult {
  const spans = normalizeFindings(text, findings);
  if (spans.length === 0) return { text, items: [] };
  const parts: string[] = [];
  const items: AnonymizedItem[] = [];
  let cursor = 0;
  let outLength = 0;
  for (const { start, end, finding } of spans) {
    const before = text.slice(cursor, start);
    const operator = resolve(finding.type);
    const replacement = operator.apply(text.slice(start, end), finding.type);
    parts.push(before, replacement);
    outLength += before.length;
    items.push({ type: finding.type, operator: operator.name, start: outLength, end: outLength + replacement.length });
    outLength += replacement.length;
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), items };
}
