import { describe, expect, it } from 'vitest';
import { verhoeffValid } from './verhoeff.js';

describe('verhoeffValid', () => {
  it.each([
    ['2363', true], // the textbook example: 236 has check digit 3
    ['123451', true],
    ['234567890124', true],
    ['2345 6789 0124', true], // separators are skipped
    ['2364', false],
    ['234567890123', false], // single-digit error
    ['234567890214', false], // adjacent transposition
    ['', false],
    ['abc', false],
  ])('%s -> %s', (value, valid) => {
    expect(verhoeffValid(value)).toBe(valid);
  });

  it('checks only the given range', () => {
    expect(verhoeffValid('xx2363yy', 2, 6)).toBe(true);
    expect(verhoeffValid('12363', 1)).toBe(true);
    expect(verhoeffValid('12363')).toBe(false);
  });
});
