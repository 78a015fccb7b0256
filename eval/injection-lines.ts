/**
 * One row of the injection evaluation tables: counts, TPR / FPR / precision at a threshold,
 * ROC-AUC and the TPR at a given 1%-FPR threshold, over a set of scored texts. Pure.
 */
import { confusionAt, ratio, rocAuc, type ScoredText } from './injection-metrics.js';

/** A table row. */
export interface Line {
  readonly dataset: string;
  readonly attacks: number;
  readonly benign: number;
  readonly tpr: number | null;
  readonly fpr: number | null;
  readonly precision: number | null;
  readonly rocAuc: number | null;
  /** AUC against the reference benign texts, when the row has no benign texts of its own. */
  readonly aucAgainstPooled: boolean;
  readonly tprAt1: number | null;
}

/** Where a row's threshold-dependent numbers come from. */
export interface LineContext {
  /** The operating point (score >= threshold is flagged). */
  readonly threshold: number;
  /** The threshold that flags 1% of the reference benign texts. */
  readonly at1: number;
  /** The reference benign texts: ROC-AUC of a row without benign texts ranks its attacks against these. */
  readonly benign: readonly ScoredText[];
}

/** The row of `items` (attacks and/or benign texts) under `ctx`. */
export function line(dataset: string, items: readonly ScoredText[], ctx: LineContext): Line {
  const c = confusionAt(items, ctx.threshold);
  const attacks = items.filter((r) => r.label === 1);
  const own = items.some((r) => r.label === 0);
  const pooled = own ? items : [...attacks, ...ctx.benign];
  return {
    dataset,
    attacks: c.tp + c.fn,
    benign: c.fp + c.tn,
    tpr: ratio(c.tp, c.tp + c.fn),
    fpr: ratio(c.fp, c.fp + c.tn),
    precision: ratio(c.tp, c.tp + c.fp),
    rocAuc: attacks.length > 0 ? rocAuc(pooled) : null,
    aucAgainstPooled: attacks.length > 0 && !own,
    tprAt1: attacks.length > 0 ? ratio(attacks.filter((r) => r.score >= ctx.at1).length, attacks.length) : null,
  };
}

/** A number with three decimals, or a dash. */
export function fmt3(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

/** Markdown rows of a table of lines (header included). */
export function formatLines(lines: readonly Line[]): string[] {
  return [
    '| dataset | attacks | benign | TPR | FPR | precision | ROC-AUC | TPR @ FPR 1% |',
    '| --- | --: | --: | --: | --: | --: | --: | --: |',
    ...lines.map(
      (l) => `| ${l.dataset} | ${l.attacks} | ${l.benign} | ${fmt3(l.tpr)} | ${fmt3(l.fpr)} | ${fmt3(l.precision)} | ${fmt3(l.rocAuc)}${l.aucAgainstPooled ? '†' : ''} | ${fmt3(l.tprAt1)} |`,
    ),
  ];
}
