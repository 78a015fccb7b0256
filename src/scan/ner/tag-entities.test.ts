import { describe, expect, it } from 'vitest';
import { joinInitials, type NerSpan } from './tag-entities.js';

/** Person (type 0) or place (type 1) spans over the words of `text` listed in `words`. */
function spansOf(text: string, words: readonly string[], type = 0): NerSpan[] {
  return words.map((w) => {
    const start = text.indexOf(w);
    return { type, start, end: start + w.length, score: 0.8 };
  });
}

describe('joinInitials', () => {
  it.each([
    ['Maja S Hermansen', ['Maja', 'Hermansen'], 'Maja S Hermansen'],
    ['Keira E. Forster', ['Keira', 'Forster'], 'Keira E. Forster'],
    ['😀 Ana Ö Berg', ['Ana', 'Berg'], 'Ana Ö Berg'],
  ])('joins %j into one person', (text, words, joined) => {
    const out = joinInitials(text, spansOf(text, words));
    expect(out.map((s) => text.slice(s.start, s.end))).toEqual([joined]);
    expect(out[0]?.score).toBe(0.8);
  });

  it.each([
    ['Anna a Berg', ['Anna', 'Berg'], 0], // lower-case letter: not an initial
    ['Anna and Tom', ['Anna', 'Tom'], 0], // a word between them
    ['Anna, Tom', ['Anna', 'Tom'], 0],
    ['Anna S. Tom', ['Anna', 'Tom'], 1], // places: not joined
  ])('keeps %j apart', (text, words, type) => {
    expect(joinInitials(text, spansOf(text, words, type))).toHaveLength(2);
  });

  it('leaves an empty list alone', () => {
    expect(joinInitials('', [])).toEqual([]);
  });
});
