import { describe, expect, it } from 'vitest';
import { isRepeatedDigit, isStandaloneNumber } from './standalone-number.js';

/** `[` and `]` mark the range; they are removed before the call. */
function standalone(marked: string): boolean {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return isStandaloneNumber(marked.replace('[', '').replace(']', ''), start, end);
}

describe('isStandaloneNumber', () => {
  it.each([
    ['[123 456]', true],
    ['id: [123 456].', true],
    ['(No-[123 456]) ok', true], // a separator without a digit beyond it
    ['x[123 456]', false],
    ['[123 456]7', false],
    ['9 [123 456]', false],
    ['[123 456]-7', false],
    ['1.[123 456]', false],
    ['[123 456]/7', false],
    ['😀[123 456]😀', true],
  ])('%s -> %s', (marked, expected) => {
    expect(standalone(marked)).toBe(expected);
  });
});

describe('isRepeatedDigit', () => {
  it.each([
    ['000 000 0000', true],
    ['A1111111', true],
    ['000 000 0001', false],
    ['12', false],
  ])('%s -> %s', (value, expected) => {
    expect(isRepeatedDigit(value, 0, value.length)).toBe(expected);
  });
});
