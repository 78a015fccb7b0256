import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from './collapse-whitespace.js';

describe('collapseWhitespace', () => {
  const cases: [string, string, string][] = [
    ['unchanged text', 'a b c', 'a b c'],
    ['runs of spaces and tabs', 'a  \t b', 'a b'],
    ['a run holding a line break', 'a \r\n\n  b', 'a\nb'],
    ['Unicode spaces and separators', 'a\u00A0\u2003b\u2028c', 'a b\nc'],
    ['both ends trimmed', ' \n a b \t', 'a b'],
    ['only whitespace', ' \n\t ', ''],
    ['empty', '', ''],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });

  it('returns the same string object when nothing changes', () => {
    const s = 'nothing to do here';
    expect(collapseWhitespace(s)).toBe(s);
  });

  it('handles a megabyte of spaces', () => {
    expect(collapseWhitespace(`x${' '.repeat(1_000_000)}y`)).toBe('x y');
  });
});
