import { describe, expect, it } from 'vitest';
import { spanishCheckLetter } from './spanish-check-letter.js';

describe('spanishCheckLetter', () => {
  it.each([
    [0, 'T'],
    [22, 'E'],
    [23, 'T'],
    [12345678, 'Z'],
    [1234567, 'L'], // NIE X1234567L (X = 0)
    [11234567, 'X'], // NIE Y1234567X (Y = 1)
  ])('%i -> %s', (n, letter) => {
    expect(spanishCheckLetter(n)).toBe(letter);
  });
});
