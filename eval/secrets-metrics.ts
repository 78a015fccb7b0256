import type { SecretCase } from './secrets-data.js';

/** Text-level confusion counts and the scores derived from them (`null` for a zero denominator). */
export interface CaseCounts {
  readonly cases: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

/** A case with the detectors that fired on it (empty: no SECRET finding). */
export interface ScoredCase {
  readonly case: SecretCase;
  readonly detectors: readonly string[];
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/**
 * Counts over scored cases: a case is predicted positive when any detector fired, and compared
 * with its label (the source tool's own expectation).
 */
export function countCases(scored: readonly ScoredCase[]): CaseCounts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const s of scored) {
    const predicted = s.detectors.length > 0;
    if (predicted && s.case.label) tp++;
    else if (predicted) fp++;
    else if (s.case.label) fn++;
    else tn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
  return { cases: scored.length, tp, fp, fn, tn, precision, recall, f1 };
}

/** Counts per key (e.g. per file, per source rule), keys sorted. */
export function countBy(scored: readonly ScoredCase[], key: (s: ScoredCase) => string): Map<string, CaseCounts> {
  const groups = new Map<string, ScoredCase[]>();
  for (const s of scored) {
    const k = key(s);
    const list = groups.get(k);
    if (list) list.push(s);
    else groups.set(k, [s]);
  }
  return new Map([...groups.keys()].sort().map((k) => [k, countCases(groups.get(k)!)]));
}
