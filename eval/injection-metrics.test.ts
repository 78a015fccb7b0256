import { describe, expect, it } from 'vitest';
import { confusionAt, ratio, rocAuc, thresholdForFpr, type ScoredText } from './injection-metrics.js';

const s = (score: number, label: 0 | 1): ScoredText => ({ score, label });

describe('rocAuc', () => {
  it.each([
    ['perfect separation', [s(0.9, 1), s(0.8, 1), s(0.1, 0), s(0.2, 0)], 1],
    ['inverted', [s(0.1, 1), s(0.2, 1), s(0.9, 0), s(0.8, 0)], 0],
    ['all tied', [s(0.5, 1), s(0.5, 0), s(0.5, 0)], 0.5],
    ['one inversion of four pairs', [s(0.9, 1), s(0.3, 1), s(0.5, 0), s(0.1, 0)], 0.75],
  ])('%s', (_name, items, expected) => {
    expect(rocAuc(items)).toBeCloseTo(expected, 10);
  });

  it('is null without both classes', () => {
    expect(rocAuc([s(1, 1)])).toBeNull();
    expect(rocAuc([s(1, 0)])).toBeNull();
    expect(rocAuc([])).toBeNull();
  });
});

describe('thresholdForFpr', () => {
  it('lets through at most the allowed share of benign scores', () => {
    const benign = Array.from({ length: 300 }, (_, i) => i / 300);
    const t = thresholdForFpr(benign, 0.01);
    expect(benign.filter((b) => b >= t)).toHaveLength(3);
  });

  it('flags nothing benign when the allowance rounds to zero', () => {
    const benign = [0.1, 0.9, 0.5];
    const t = thresholdForFpr(benign, 0.01);
    expect(benign.filter((b) => b >= t)).toHaveLength(0);
  });

  it('handles ties at the cut and negative scores', () => {
    const benign = [-3, -2, -2, -2];
    expect(benign.filter((b) => b >= thresholdForFpr(benign, 0.3))).toHaveLength(0);
  });
});

describe('confusionAt', () => {
  it('counts scores at the threshold as flagged', () => {
    expect(confusionAt([s(0.5, 1), s(0.4, 1), s(0.5, 0), s(0.1, 0)], 0.5)).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
  });

  it('ratio is null on a zero denominator', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
});
