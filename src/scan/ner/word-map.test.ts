import { describe, expect, it } from 'vitest';
import { WordMap } from './word-map.js';

describe('WordMap', () => {
  it('returns stored flags, 0 for absent keys, and handles hash 0 and negative hashes', () => {
    const keys = [0, -1, 7, 1 << 30, -123456789];
    const map = new WordMap(keys, [1, 2, 4, 8, 16]);
    expect(keys.map((k) => map.get(k))).toEqual([1, 2, 4, 8, 16]);
    expect(map.get(8)).toBe(0);
    expect(new WordMap([], []).get(0)).toBe(0);
  });

  it('keeps every key of a large, colliding set', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => Math.imul(i, 65536));
    const map = new WordMap(keys, keys.map(() => 3));
    expect(keys.every((k) => map.get(k) === 3)).toBe(true);
    expect(map.get(1)).toBe(0);
  });
});
