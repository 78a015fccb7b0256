import { describe, expect, it } from 'vitest';
import { compareSpans, fBeta, scoreCounts, trimSpan, type TypedSpan } from './span-metrics.js';

const P = (start: number, end: number, type = 'PERSON'): TypedSpan => ({ type, start, end });

describe('compareSpans strict', () => {
  it.each([
    ['exact match counts on both sides', [P(0, 4)], [P(0, 4)], { gold: 1, pred: 1, goldHit: 1, predHit: 1 }],
    ['a boundary off by one is a miss and a false positive', [P(0, 4)], [P(0, 5)], { gold: 1, pred: 1, goldHit: 0, predHit: 0 }],
    ['a duplicate prediction matches only once', [P(0, 4)], [P(0, 4), P(0, 4)], { gold: 1, pred: 2, goldHit: 1, predHit: 1 }],
    ['no predictions', [P(0, 4)], [], { gold: 1, pred: 0, goldHit: 0, predHit: 0 }],
    ['no gold', [], [P(0, 4)], { gold: 0, pred: 1, goldHit: 0, predHit: 0 }],
  ])('%s', (_name, gold, pred, expected) => {
    expect(compareSpans(gold, pred, 'strict').get('PERSON')).toEqual(expected);
  });

  it('does not match the same range under another type', () => {
    const counts = compareSpans([P(0, 4)], [P(0, 4, 'LOCATION')], 'strict');
    expect(counts.get('PERSON')).toEqual({ gold: 1, pred: 0, goldHit: 0, predHit: 0 });
    expect(counts.get('LOCATION')).toEqual({ gold: 0, pred: 1, goldHit: 0, predHit: 0 });
  });
});

describe('compareSpans overlap', () => {
  it('one prediction covering three gold fragments recovers all three', () => {
    const gold = [P(0, 2, 'A'), P(3, 6, 'A'), P(7, 9, 'A')];
    expect(compareSpans(gold, [P(0, 9, 'A')], 'overlap').get('A')).toEqual({ gold: 3, pred: 1, goldHit: 3, predHit: 1 });
  });

  it('touching spans (end == start) do not overlap', () => {
    expect(compareSpans([P(0, 4)], [P(4, 8)], 'overlap').get('PERSON')).toEqual({ gold: 1, pred: 1, goldHit: 0, predHit: 0 });
  });

  it('a one-character overlap is enough', () => {
    expect(compareSpans([P(0, 4)], [P(3, 8)], 'overlap').get('PERSON')).toEqual({ gold: 1, pred: 1, goldHit: 1, predHit: 1 });
  });

  it('an overlapping span of another type does not count', () => {
    expect(compareSpans([P(0, 4)], [P(0, 4, 'ORG')], 'overlap').get('PERSON')?.goldHit).toBe(0);
  });
});

describe('scores', () => {
  it('computes precision, recall, F1 and F2 from counts', () => {
    const s = scoreCounts({ gold: 10, pred: 5, goldHit: 4, predHit: 4 });
    expect(s.precision).toBeCloseTo(0.8);
    expect(s.recall).toBeCloseTo(0.4);
    expect(s.f1).toBeCloseTo((2 * 0.8 * 0.4) / 1.2);
    expect(s.f2).toBeCloseTo((5 * 0.8 * 0.4) / (4 * 0.8 + 0.4));
  });

  it.each([
    ['no gold and no predictions: undefined', null, null, null],
    ['gold but no predictions: F is 0', null, 0, 0],
    ['predictions all wrong: F is 0', 0, 0, 0],
    ['perfect', 1, 1, 1],
  ] as const)('%s', (_name, p, r, expected) => {
    expect(fBeta(p, r, 2)).toBe(expected);
  });

  it('F2 weighs recall above precision', () => {
    expect(fBeta(0.5, 1, 2)!).toBeGreaterThan(fBeta(1, 0.5, 2)!);
  });
});

describe('trimSpan', () => {
  it.each([
    ['Roger II .', 0, 10, 0, 8],
    ['" Ecce homo "', 0, 13, 2, 11],
    ['Anna', 0, 4, 0, 4],
    ['123 Main St.', 0, 12, 0, 11],
    [' . ', 0, 3, 0, 3], // all punctuation: unchanged
  ])('%j [%i,%i) -> [%i,%i)', (text, start, end, s, e) => {
    expect(trimSpan(text, P(start, end))).toMatchObject({ start: s, end: e });
  });
});
