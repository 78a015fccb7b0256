import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileKeywordFilter } from './keyword-filter.js';

function naive(keywords: readonly string[], text: string): { flags: number[]; positions: number[][] } {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return {
    flags: keywords.map((k) => (lower.includes(k) ? 1 : 0)),
    positions: keywords.map((k) => {
      const out: number[] = [];
      for (let p = lower.indexOf(k); p >= 0; p = lower.indexOf(k, p + 1)) out.push(p);
      return out;
    }),
  };
}

describe('compileKeywordFilter', () => {
  it('finds overlapping and nested keywords case-insensitively', () => {
    const f = compileKeywordFilter(['ghp_', 'hp_', 'xoxb-', 'key', 'monkey', 'sk.eyj1ijoi']);
    expect([...f.scan('A MONKEY said GHP_ and sk.eyJ1Ijoi')]).toEqual([1, 1, 0, 1, 1, 1]);
    expect([...f.scan('nothing here')]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...f.scan('')]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('records start offsets of tracked keywords only', () => {
    const f = compileKeywordFilter(['key', 'pass', 'ey']);
    const { found, positions } = f.hits('Key keY passkey', Uint8Array.from([1, 0, 1]));
    expect([...found].sort()).toEqual([0, 1, 2]);
    expect(positions[0]).toEqual([0, 4, 12]);
    expect(positions[1]).toBeUndefined();
    expect(positions[2]).toEqual([1, 5, 13]);
  });

  it('ignores characters outside ASCII without shifting offsets', () => {
    const f = compileKeywordFilter(['token']);
    const { positions } = f.hits('ĩ😀 TOKEN İtoken', Uint8Array.from([1]));
    expect(positions[0]).toEqual([4, 11]);
  });

  it('rejects empty, upper-case and non-ASCII keywords', () => {
    for (const bad of ['', 'Key', 'clé', 'tab\t']) expect(() => compileKeywordFilter([bad])).toThrow();
  });

  it('agrees with a naive search on random texts', () => {
    const alphabet = fc.constantFrom(...'abAB_-. c');
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }).map((s) => s.toLowerCase()), { maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 60 }), (keywords, text) => {
        const f = compileKeywordFilter(keywords);
        const got = f.hits(text, new Uint8Array(f.keywords.length).fill(1));
        const want = naive(f.keywords, text);
        expect([...f.scan(text)]).toEqual(want.flags);
        expect(f.keywords.map((_, i) => (got.found.includes(i) ? 1 : 0))).toEqual(want.flags);
        expect(f.keywords.map((_, i) => got.positions[i] ?? [])).toEqual(want.positions);
      }),
      { numRuns: 300 },
    );
  });

  it('lists each keyword once, in the order first occurrences end, positions of tracked ones only', () => {
    const alphabet = fc.constantFrom(...'abAB_-. c');
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }).map((s) => s.toLowerCase()), { maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 60 }), fc.boolean(), (keywords, text, trackAll) => {
        const f = compileKeywordFilter(keywords);
        const track = new Uint8Array(f.keywords.length).fill(trackAll ? 1 : 0);
        const want = naive(f.keywords, text);
        const firstAt = (i: number): number => text.toLowerCase().indexOf(f.keywords[i]!);
        const flagged = f.keywords.map((_, i) => i).filter((i) => want.flags[i] === 1);
        const tracked = (i: number): number[] => (track[i] === 1 ? want.positions[i]! : []);
        // Twice: the second call must not see what the first one listed.
        for (let round = 0; round < 2; round++) {
          const got = f.hits(text, track);
          expect([...got.found].sort((a, b) => a - b)).toEqual(flagged);
          expect(got.found.map((i) => firstAt(i) + f.keywords[i]!.length)).toEqual([...got.found.map((i) => firstAt(i) + f.keywords[i]!.length)].sort((a, b) => a - b));
          expect(f.keywords.map((_, i) => got.positions[i] ?? [])).toEqual(f.keywords.map((_, i) => tracked(i)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
