import type { Finding } from '../src/core/finding.js';
import type { PiiRecord } from './load-jsonl.js';
import { mapLabel } from './label-map.js';
import {
  addCounts,
  compareSpans,
  emptyCounts,
  scoreCounts,
  trimSpan,
  type SpanCounts,
  type SpanScores,
  type TypedSpan,
} from './span-metrics.js';
import { compareTokens } from './token-metrics.js';

/** Counts and scores of one entity type (or of all evaluated types pooled). */
export type TypeResult = SpanCounts & SpanScores;

/** Everything measured on one dataset file. */
export interface EvaluationResult {
  readonly records: number;
  /** Types the dataset labels (after mapping): the only types scored. */
  readonly evaluatedTypes: string[];
  readonly strict: { readonly byType: Record<string, TypeResult>; readonly overall: TypeResult };
  readonly overlap: { readonly byType: Record<string, TypeResult>; readonly overall: TypeResult };
  /** Token-level counts (presidio-research's method; counts are tokens, not spans). */
  readonly token: { readonly byType: Record<string, TypeResult>; readonly overall: TypeResult };
  /** Gold spans of evaluated types overlapped by a finding of any type (type-agnostic recall). */
  readonly anyTypeRecall: number | null;
  /** Gold spans per dataset label that has no counterpart among our types. */
  readonly notEvaluated: Record<string, number>;
  /** Our findings of types this dataset never labels, per type: left out of precision. */
  readonly ignoredPredictions: Record<string, number>;
  /** Records without any gold span, and how many of them got at least one finding. */
  readonly piiFree: { readonly texts: number; readonly altered: number; readonly share: number | null };
  /** Total UTF-16 length of the texts scanned and the time the scans took. */
  readonly chars: number;
  readonly scanMs: number;
}

/**
 * Scans every record with `scanText` and scores the findings against the gold spans, in strict
 * (boundaries trimmed of surrounding whitespace/punctuation on both sides) and overlap mode.
 */
export function evaluateRecords(
  records: readonly PiiRecord[],
  scanText: (text: string) => readonly Finding[],
): EvaluationResult {
  const notEvaluated: Record<string, number> = {};
  const golds = records.map((r) => {
    const spans: TypedSpan[] = [];
    for (const s of r.spans) {
      const type = mapLabel(s.label);
      if (type) spans.push({ type, start: s.start, end: s.end });
      else notEvaluated[s.label] = (notEvaluated[s.label] ?? 0) + 1;
    }
    return spans;
  });
  const evaluated = new Set(golds.flat().map((s) => s.type));

  const strict = new Map<string, SpanCounts>();
  const overlap = new Map<string, SpanCounts>();
  const token = new Map<string, SpanCounts>();
  const ignoredPredictions: Record<string, number> = {};
  let piiFreeTexts = 0;
  let piiFreeAltered = 0;
  let goldTotal = 0;
  let goldCoveredAnyType = 0;
  let chars = 0;
  let scanMs = 0;

  records.forEach((record, i) => {
    const gold = golds[i]!;
    const t0 = performance.now();
    const findings = scanText(record.text);
    scanMs += performance.now() - t0;
    chars += record.text.length;

    if (record.spans.length === 0) {
      piiFreeTexts++;
      if (findings.length > 0) piiFreeAltered++;
    }
    const pred: TypedSpan[] = [];
    for (const f of findings) {
      if (evaluated.has(f.type)) pred.push({ type: f.type, start: f.start, end: f.end });
      else ignoredPredictions[f.type] = (ignoredPredictions[f.type] ?? 0) + 1;
    }
    for (const g of gold) {
      goldTotal++;
      if (findings.some((f) => f.start < g.end && g.start < f.end)) goldCoveredAnyType++;
    }
    const trim = (s: TypedSpan): TypedSpan => trimSpan(record.text, s);
    merge(strict, compareSpans(gold.map(trim), pred.map(trim), 'strict'));
    merge(overlap, compareSpans(gold, pred, 'overlap'));
    merge(token, compareTokens(record.text, gold, pred));
  });

  return {
    records: records.length,
    evaluatedTypes: [...evaluated].sort(),
    strict: summarize(strict, evaluated),
    overlap: summarize(overlap, evaluated),
    token: summarize(token, evaluated),
    anyTypeRecall: goldTotal > 0 ? goldCoveredAnyType / goldTotal : null,
    notEvaluated,
    ignoredPredictions,
    piiFree: {
      texts: piiFreeTexts,
      altered: piiFreeAltered,
      share: piiFreeTexts > 0 ? piiFreeAltered / piiFreeTexts : null,
    },
    chars,
    scanMs,
  };
}

function merge(into: Map<string, SpanCounts>, from: Map<string, SpanCounts>): void {
  for (const [type, c] of from) {
    let acc = into.get(type);
    if (!acc) into.set(type, (acc = emptyCounts()));
    addCounts(acc, c);
  }
}

function summarize(
  counts: Map<string, SpanCounts>,
  evaluated: ReadonlySet<string>,
): { byType: Record<string, TypeResult>; overall: TypeResult } {
  const byType: Record<string, TypeResult> = {};
  const pooled = emptyCounts();
  for (const type of [...evaluated].sort()) {
    const c = counts.get(type) ?? emptyCounts();
    byType[type] = { ...c, ...scoreCounts(c) };
    addCounts(pooled, c);
  }
  return { byType, overall: { ...pooled, ...scoreCounts(pooled) } };
}
