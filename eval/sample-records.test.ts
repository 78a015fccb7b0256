import { describe, expect, it } from 'vitest';
import { sampleRecords } from './sample-records.js';

describe('sampleRecords', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);

  it('is deterministic for a seed, ordered, and without repeats', () => {
    const a = sampleRecords(items, 10, 7);
    expect(a).toEqual(sampleRecords(items, 10, 7));
    expect(new Set(a).size).toBe(10);
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
  });

  it('differs between seeds and returns everything when n is large', () => {
    expect(sampleRecords(items, 10, 1)).not.toEqual(sampleRecords(items, 10, 2));
    expect(sampleRecords(items, 500, 1)).toBe(items);
  });
});
