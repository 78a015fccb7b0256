import { describe, expect, it } from 'vitest';
import { luhnValid } from './luhn.js';

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['79927398713', true],
    ['046454286', true],
    ['4111 1111-1111 1111', true],
    ['4111111111111112', false],
    ['79927398710', false],
    ['', false],
    ['----', false],
  ])('%j -> %s', (input, expected) => {
    expect(luhnValid(input)).toBe(expected);
  });

  it('checks only the given range of the string', () => {
    const s = 'card: 4111111111111111 exp';
    expect(luhnValid(s, 6, 22)).toBe(true);
    expect(luhnValid(s, 6, 21)).toBe(false);
  });
});
