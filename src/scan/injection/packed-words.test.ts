import { describe, expect, it } from 'vitest';
import { PACKED_LETTERS, PackedWordSet, packLetters } from './packed-words.js';

describe('PackedWordSet', () => {
  const set = new PackedWordSet(['the', 'gur', 'a', 'abcdef', 'toolongword', "i'm", 'Caps']);
  const cases: [string, boolean][] = [
    ['the', true],
    ['gur', true],
    ['a', true],
    ['abcdef', true],
    ['abcde', false],
    ['th', false],
    ['then', false],
    ['z', false],
  ];
  it.each(cases)('%s → %s', (word, expected) => {
    expect(set.has(packLetters(word))).toBe(expected);
  });

  it('keeps only words it can pack', () => {
    // Longer than PACKED_LETTERS, an apostrophe, upper case: left out rather than mis-packed.
    expect('toolongword'.length).toBeGreaterThan(PACKED_LETTERS);
    expect(set.has(packLetters('toolon'))).toBe(false);
    expect(set.has(packLetters('caps'))).toBe(false);
  });

  it('packs distinct words to distinct numbers', () => {
    const words = ['a', 'b', 'z', 'aa', 'az', 'za', 'zz', 'abc', 'zzzzzz', 'aaaaaa'];
    expect(new Set(words.map(packLetters)).size).toBe(words.length);
  });
});
