import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapsedPositions, collapseRuns, collapseWhitespace } from './collapse-whitespace.js';
import { quickScan } from './quick-scan.js';

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

describe('collapseRuns and collapsedPositions', () => {
  const pieces = ['a', 'bc', '1', '@', ' ', '  ', '\n', '\n\n', '\t', '\r\n', '\u00a0', '\u2028', '\u3000', '.'];

  it('collapse the runs quickScan lists as collapseWhitespace does, and move other positions with them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), (parts) => {
        const text = parts.join('');
        const runs = quickScan(text).whitespaceRuns ?? [];
        const collapsed = collapseRuns(text, runs);
        expect(collapsed).toBe(collapseWhitespace(text));
        // Every character outside a changed run is found where collapsedPositions puts it.
        const outside = [...text].map((_, i) => i).filter((i) => !runs.some((_, k) => k % 2 === 0 && i >= (runs[k] as number) && i < (runs[k + 1] as number)));
        const moved = collapsedPositions(outside, runs, text.length);
        outside.forEach((p, k) => expect(collapsed[moved[k] as number]).toBe(text[p]));
      }),
      { numRuns: 300 },
    );
  });

  it('returns the same string object when there are no runs', () => {
    const s = 'nothing to do here';
    expect(collapseRuns(s, [])).toBe(s);
  });
});
