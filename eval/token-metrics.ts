import { countsOf, type SpanCounts, type TypedSpan } from './span-metrics.js';

/**
 * Token-level counts, the way presidio-research scores Presidio (its published F2 on the synthetic
 * files is token-level): every token gets a gold type and a predicted type (or none) and is counted
 * per type. Insensitive to how a dataset cuts an entity into spans (the synthetic files label
 * "28245", "Puruntie 82" and "Apt. 595" of one address as three spans).
 *
 * Tokens: maximal runs of letters, digits and combining marks, and every other non-space character
 * on its own — close to what spaCy produces for these texts. A token belongs to a span when it lies
 * inside it; a token only partly covered counts as covered.
 */
export function compareTokens(
  text: string,
  gold: readonly TypedSpan[],
  pred: readonly TypedSpan[],
): Map<string, SpanCounts> {
  const out = new Map<string, SpanCounts>();
  const counts = (type: string): SpanCounts => countsOf(out, type);
  for (const [start, end] of tokenize(text)) {
    const g = typeAt(gold, start, end);
    const p = typeAt(pred, start, end);
    if (g !== undefined) counts(g).gold++;
    if (p !== undefined) counts(p).pred++;
    if (g !== undefined && g === p) {
      counts(g).goldHit++;
      counts(g).predHit++;
    }
  }
  return out;
}

const WORD = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/** Token ranges `[start, end)` of `text`. */
export function tokenize(text: string): [number, number][] {
  return [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
}

function typeAt(spans: readonly TypedSpan[], start: number, end: number): string | undefined {
  for (const s of spans) if (s.start < end && start < s.end) return s.type;
  return undefined;
}
