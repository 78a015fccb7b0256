/**
 * Span-level metrics for PII evaluation, pure functions only (no I/O), so they are unit-tested.
 *
 * Two matching modes:
 * - `strict`: same type and the same boundaries. Matching is one-to-one: a gold span and a
 *   predicted span with identical type/start/end pair up once.
 * - `overlap`: same type and the spans share at least one character. Precision counts the
 *   predictions that overlap some gold span; recall counts the gold spans that some prediction
 *   overlaps. Not one-to-one on purpose: one predicted address covering three gold address
 *   fragments recovers all three, which is what matters for redaction.
 */

/** A typed half-open range `[start, end)` in UTF-16 code units. */
export interface TypedSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** Matching mode, see the module comment. */
export type MatchMode = 'strict' | 'overlap';

/** Raw counts behind precision (`predHit / pred`) and recall (`goldHit / gold`). */
export interface SpanCounts {
  gold: number;
  pred: number;
  goldHit: number;
  predHit: number;
}

/** Precision, recall, F1 and F2; `null` where a ratio is undefined (0/0). */
export interface SpanScores {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  readonly f2: number | null;
}

/** Fresh zero counts. */
export function emptyCounts(): SpanCounts {
  return { gold: 0, pred: 0, goldHit: 0, predHit: 0 };
}

/** The counts of `type` in `map`, created (zero) on first use. */
export function countsOf(map: Map<string, SpanCounts>, type: string): SpanCounts {
  let c = map.get(type);
  if (!c) map.set(type, (c = emptyCounts()));
  return c;
}

/** Adds `b` into `a` (mutates and returns `a`). */
export function addCounts(a: SpanCounts, b: SpanCounts): SpanCounts {
  a.gold += b.gold;
  a.pred += b.pred;
  a.goldHit += b.goldHit;
  a.predHit += b.predHit;
  return a;
}

/**
 * Compares the gold and predicted spans of one text and returns counts per type. Only types
 * present in `gold` or `pred` appear; callers filter `pred` to the evaluated types first.
 */
export function compareSpans(
  gold: readonly TypedSpan[],
  pred: readonly TypedSpan[],
  mode: MatchMode,
): Map<string, SpanCounts> {
  const out = new Map<string, SpanCounts>();
  const counts = (type: string): SpanCounts => countsOf(out, type);
  for (const g of gold) counts(g.type).gold++;
  for (const p of pred) counts(p.type).pred++;

  if (mode === 'strict') {
    const unmatched = new Map<string, number>();
    for (const p of pred) unmatched.set(key(p), (unmatched.get(key(p)) ?? 0) + 1);
    for (const g of gold) {
      const left = unmatched.get(key(g)) ?? 0;
      if (left > 0) {
        unmatched.set(key(g), left - 1);
        const c = counts(g.type);
        c.goldHit++;
        c.predHit++;
      }
    }
  } else {
    for (const g of gold) if (pred.some((p) => sameTypeOverlap(g, p))) counts(g.type).goldHit++;
    for (const p of pred) if (gold.some((g) => sameTypeOverlap(g, p))) counts(p.type).predHit++;
  }
  return out;
}

function key(s: TypedSpan): string {
  return `${s.type}\u0000${s.start}\u0000${s.end}`;
}

/** True when the spans have the same type and share at least one code unit. */
export function sameTypeOverlap(a: TypedSpan, b: TypedSpan): boolean {
  return a.type === b.type && a.start < b.end && b.start < a.end;
}

/**
 * F-beta from precision and recall. With no gold spans the score is undefined (`null`); with gold
 * spans but no predictions recall is 0 and so is F.
 */
export function fBeta(precision: number | null, recall: number | null, beta: number): number | null {
  if (recall === null) return null;
  if (precision === null) return 0;
  const b2 = beta * beta;
  const denominator = b2 * precision + recall;
  return denominator === 0 ? 0 : ((1 + b2) * precision * recall) / denominator;
}

/** Precision, recall, F1 and F2 of `c`. */
export function scoreCounts(c: SpanCounts): SpanScores {
  const precision = c.pred > 0 ? c.predHit / c.pred : null;
  const recall = c.gold > 0 ? c.goldHit / c.gold : null;
  return { precision, recall, f1: fBeta(precision, recall, 1), f2: fBeta(precision, recall, 2) };
}

const TRIMMABLE = new Set([...' \t\r\n\u00a0.,;:!?\'"`()[]{}«»„“”‘’']);

/**
 * Narrows `[start, end)` past surrounding whitespace and punctuation, so `Roger II .` (a WikiANN
 * gold span) and `Roger II` compare equal in strict mode. Applied to gold and predictions alike.
 * An all-punctuation span is returned unchanged.
 */
export function trimSpan<T extends TypedSpan>(text: string, span: T): T {
  let { start, end } = span;
  while (start < end && TRIMMABLE.has(text[start]!)) start++;
  while (end > start && TRIMMABLE.has(text[end - 1]!)) end--;
  if (start === end) return span;
  return start === span.start && end === span.end ? span : { ...span, start, end };
}
