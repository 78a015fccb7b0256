import { describe, expect, it } from 'vitest';
import { findContextWord } from './context-words.js';

describe('findContextWord', () => {
  const words = ['credit card', 'card', 'phone'];
  it.each([
    ['a word before the value', 'my card: 4111', 9, 13, 'card'],
    ['a phrase before the value', 'credit card number 4111', 19, 23, 'credit card'],
    ['a word after the value', '4111 is my card', 0, 4, 'card'],
    ['case-insensitively', 'CARD 4111', 5, 9, 'card'],
    ['not inside a longer word', 'cardinal 4111', 9, 13, undefined],
    ['not inside the value itself', 'xx cardphone yy', 3, 12, undefined],
    ['not outside the window', `card${' '.repeat(80)}4111`, 84, 88, undefined],
    ['across an emoji', '📞 phone 😀 0301234567', 12, 22, 'phone'],
  ])('finds context %s', (_name, text, start, end, expected) => {
    expect(findContextWord(text, start, end, words)).toBe(expected);
  });
});
