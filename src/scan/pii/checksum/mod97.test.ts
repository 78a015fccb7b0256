import { describe, expect, it } from 'vitest';
import { ibanChecksumValid, mod97 } from './mod97.js';

describe('mod97', () => {
  it.each([
    ['97', 0],
    ['98', 1],
    ['A', 10 % 97],
    ['z', 35],
    ['123456789012345678901234567890', Number(BigInt('123456789012345678901234567890') % 97n)],
    ['12 34', 1234 % 97],
  ])('%j -> %i', (input, expected) => {
    expect(mod97(input)).toBe(expected);
  });

  it('rejects characters outside [0-9A-Za-z ]', () => {
    expect(mod97('12-34')).toBe(-1);
  });
});

describe('ibanChecksumValid', () => {
  it.each([
    ['GB82WEST12345698765432', true],
    ['GB82 WEST 1234 5698 7654 32', true],
    ['gb82west12345698765432', true],
    ['DE89370400440532013000', true],
    ['GB82WEST12345698765433', false],
    ['GB28WEST12345698765432', false],
    ['GB8', false],
    ['', false],
  ])('%j -> %s', (input, expected) => {
    expect(ibanChecksumValid(input)).toBe(expected);
  });
});
