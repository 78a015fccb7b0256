import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retainedArrayBuffers } from '../../../test/memory-checks.js';
import { INDEX_FIELDS, INNER_BOUNDARY, SENTENCE_MARK, textViews, tokenHash } from './text-views.js';

describe('textViews index', () => {
  it('lists every token of the words view with its hashes and flags', () => {
    const views = textViews("don't stop. naïve 'mode' x");
    expect(views.words).toBe(" don't stop . naïve mode x ");
    const rows: [string, number, number, number][] = [];
    for (let k = 0; k < views.index.length; k += INDEX_FIELDS) {
      const [at, length, hash, head, flags] = Array.from(views.index.subarray(k, k + INDEX_FIELDS)) as [number, number, number, number, number];
      const token = views.words.slice(at, at + length);
      rows.push([token, flags, hash === (flags & SENTENCE_MARK ? 0 : tokenHash(token)) ? 1 : 0, head === (length >= 3 && !(flags & SENTENCE_MARK) ? tokenHash(token.slice(0, 3)) : 0) ? 1 : 0]);
    }
    expect(rows).toEqual([
      ["don't", INNER_BOUNDARY, 1, 1],
      ['stop', 0, 1, 1],
      ['.', SENTENCE_MARK, 1, 1],
      ['naïve', INNER_BOUNDARY, 1, 1],
      // The quotes were trimmed; the flag may stay (it only asks for a closer look).
      ['mode', INNER_BOUNDARY, 1, 1],
      ['x', 0, 1, 1],
    ]);
  });

  it('indexes exactly the tokens, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const views = textViews(s.toLowerCase());
        const starts: number[] = [];
        for (let k = 0; k < views.index.length; k += INDEX_FIELDS) starts.push(views.index[k] as number);
        const expected: number[] = [];
        let at = 1;
        for (const token of views.tokens) {
          expected.push(at);
          at += token.length + 1;
        }
        expect(starts).toEqual(expected);
      }),
    );
  });
});

describe('textViews memory', () => {
  it('keeps no index the size of a huge text once its views are gone', async () => {
    // 1.5 million tokens: an index of 9 million numbers (36 MB) while it is written.
    const retained = await retainedArrayBuffers(() => expect(textViews('a b. '.repeat(500_000)).index.length).toBe(1_500_000 * INDEX_FIELDS), 4 << 20);
    expect(retained).toBeLessThan(4 << 20);
    // A short text afterwards is indexed as before.
    expect(textViews('a b. c').words).toBe(' a b . c ');
  });
});
