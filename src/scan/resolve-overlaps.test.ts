import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { resolveOverlaps } from './resolve-overlaps.js';

function f(type: string, start: number, end: number, score: number): Finding {
  return { type, start, end, score, detector: `test.${type.toLowerCase()}`, reason: 'test' };
}

describe('resolveOverlaps', () => {
  it.each([
    ['keeps disjoint findings, sorted by start', [f('B', 10, 12, 0.5), f('A', 0, 3, 0.9)], ['A', 'B']],
    ['prefers the higher score', [f('A', 0, 10, 0.6), f('B', 5, 8, 0.9)], ['B']],
    ['prefers the longer span on equal scores', [f('A', 0, 4, 0.8), f('B', 2, 12, 0.8)], ['B']],
    ['prefers the earlier start on equal score and length', [f('A', 3, 6, 0.8), f('B', 2, 5, 0.8)], ['B']],
    ['treats touching spans as disjoint', [f('A', 0, 5, 0.8), f('B', 5, 9, 0.9)], ['A', 'B']],
    ['keeps a lower finding that fits beside a winner', [f('A', 0, 20, 0.5), f('B', 5, 10, 0.9), f('C', 12, 15, 0.7)], ['B', 'C']],
  ])('%s', (_name, input, expected) => {
    expect(resolveOverlaps(input).map((x) => x.type)).toEqual(expected);
  });

  it('returns an empty array for no findings', () => {
    expect(resolveOverlaps([])).toEqual([]);
  });

  it('never returns overlapping findings (random input)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const input = Array.from({ length: 400 }, (_, i) => {
      const start = Math.floor(rnd() * 1000);
      return f(`T${i}`, start, start + 1 + Math.floor(rnd() * 30), rnd());
    });
    const out = resolveOverlaps(input);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    // The best-scoring finding always survives.
    const best = input.reduce((a, b) => (b.score > a.score ? b : a));
    expect(out).toContain(best);
  });

  it('gives the same result for input already in start order as for the same findings shuffled', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const input = Array.from({ length: 1 + Math.floor(rnd() * 12) }, (_, i) => {
        const start = Math.floor(rnd() * 60);
        return f(`T${i}`, start, start + 1 + Math.floor(rnd() * 12), rnd());
      });
      const ordered = [...input].sort((a, b) => a.start - b.start || b.end - a.end);
      expect(resolveOverlaps(ordered)).toEqual(resolveOverlaps(input));
      expect(resolveOverlaps(ordered)).not.toBe(ordered);
    }
  });
});
