import { describe, expect, it } from 'vitest';
import { timingSafeEqualText } from './timing-safe-equal.js';

describe('timingSafeEqualText', () => {
  it.each([
    ['equal', 'abc', 'abc', true],
    ['empty', '', '', true],
    ['differs in the last character', 'abc', 'abd', false],
    ['differs in the first character', 'xbc', 'abc', false],
    ['a prefix', 'ab', 'abc', false],
    ['case matters', 'ABC', 'abc', false],
    ['astral characters compared by code unit', '😀', '😁', false],
  ])('%s', (_name, a, b, same) => {
    expect(timingSafeEqualText(a, b)).toBe(same);
    expect(timingSafeEqualText(b, a)).toBe(same);
  });
});
