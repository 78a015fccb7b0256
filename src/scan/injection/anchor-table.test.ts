import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnchorTable, eightsOf, groupOf, headHash, pack4 } from './anchor-table.js';
import { textViews, tokenHash } from './text-views.js';

function packOf(s: string, at: number): number {
  return pack4(s.charCodeAt(at), s.charCodeAt(at + 1), s.charCodeAt(at + 2), s.charCodeAt(at + 3));
}

describe('AnchorTable', () => {
  it('finds each anchor by its first characters: pairs by two, others by four, eights by all eight', () => {
    const table = new AnchorTable(0);
    for (const anchor of ['ab', 'abc', 'abcd', 'abcde', 'abcdefgh', 'abcdefgx', 'ignore a', 'ignore p']) table.entryFor(anchor).slots.push(anchor.length);
    expect(table.entryFor('abcd')).toBe(table.entryFor('abcd'));
    expect(table.pairAt(0x61, 0x62)?.map((e) => e.anchor)).toEqual(['ab', 'abc']);
    expect(table.pairAt(0x61, 0x63)).toBeUndefined();
    const lookup = table.lookup();
    const group = groupOf(lookup, packOf('abcd', 0));
    expect(lookup.lists[group - 1]?.map((e) => e.anchor)).toEqual(['abcd', 'abcde']);
    expect(lookup.lists[eightsOf(lookup, group, packOf('efgh', 0)) - 1]?.map((e) => e.anchor)).toEqual(['abcdefgh']);
    expect(eightsOf(lookup, group, packOf('zzzz', 0))).toBe(0);
    const ignore = groupOf(lookup, packOf('igno', 0));
    expect(lookup.lists[eightsOf(lookup, ignore, packOf('re p', 0)) - 1]?.map((e) => e.anchor)).toEqual(['ignore p']);
    expect(groupOf(lookup, packOf('zzzz', 0))).toBe(0);
    expect(table.mayStart(0x61, 0x62)).toBe(true);
    expect(table.mayStart(0x62, 0x61)).toBe(false);
    expect(table.first[0x61]).toBe(1);
    expect(table.first[0x62]).toBe(0);
  });

  it('builds its lookup again after an anchor is added', () => {
    const table = new AnchorTable(0);
    table.entryFor('abcdefgh');
    expect(groupOf(table.lookup(), packOf('wxyz', 0))).toBe(0);
    table.entryFor('wxyz1234');
    expect(groupOf(table.lookup(), packOf('wxyz', 0))).not.toBe(0);
  });

  // Every anchor that starts at a word of a words view must pass the word tests; most other words fail them.
  const words = ['ignore', 'all', 'previous', 'you', 'are', 'now', 'a', 'i', "don't", 'naïve', 'dan', 'mode', 'the', '.'];
  it.each([0, 1])('never rejects a word an anchor starts at (offset %i)', (offset) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), fc.nat(), (anchorWords, textWords, cut) => {
        const table = new AnchorTable(offset);
        // Anchors as the matcher gets them: 2–8 characters, from a word start (or the space before one).
        const phrase = `${offset === 1 ? ' ' : ''}${anchorWords.join(' ')} `;
        const anchor = phrase.slice(0, Math.max(2, Math.min(8, 2 + (cut % 7))));
        table.entryFor(anchor);
        const views = textViews(textWords.join(' '));
        const view = views.words;
        for (let k = 0; k < views.index.length; k += 6) {
          const [at, length, hash, head, flags] = Array.from(views.index.subarray(k, k + 5)) as [number, number, number, number, number];
          if ((flags & 1) !== 0) continue;
          if (view.startsWith(anchor, at - offset)) {
            expect(table.mayStartWord(hash, head, length)).toBe(true);
            if (length >= 3) expect(table.hasHead(head)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hashes three characters as tokenHash does', () => {
    expect(headHash(0x69, 0x67, 0x6e)).toBe(tokenHash('ign'));
    expect(headHash(0xe9, 0x27, 0x7a)).toBe(tokenHash("é'z"));
  });

  it('rejects words no anchor starts at', () => {
    const table = new AnchorTable(0);
    table.entryFor('ignore a');
    table.entryFor('instruct');
    expect(table.mayStartWord(tokenHash('ignore'), headHash(0x69, 0x67, 0x6e), 6)).toBe(true);
    expect(table.mayStartWord(tokenHash('instructions'), headHash(0x69, 0x6e, 0x73), 12)).toBe(true);
    expect(table.mayStartWord(tokenHash('meeting'), headHash(0x6d, 0x65, 0x65), 7)).toBe(false);
    expect(table.hasHead(headHash(0x6d, 0x65, 0x65))).toBe(false);
  });
});
