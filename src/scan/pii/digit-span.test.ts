import { describe, expect, it } from 'vitest';
import { digitSpan, forEachDigitMatch } from './digit-span.js';

const ctx = () => ({ regions: ['US'], shared: new Map<string, unknown>() });

/** Matches of a global regex over the whole text: what the windowed search must reproduce. */
function wholeTextMatches(text: string, re: RegExp): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(`${m.index}:${m[0]}`);
  return out;
}

function windowedMatches(text: string, re: RegExp, reach: number): string[] {
  const out: string[] = [];
  forEachDigitMatch(text, ctx(), re, reach, (m, _text, found: string[]) => found.push(`${m.index}:${m[0]}`), out);
  return out;
}

describe('digitSpan', () => {
  it.each([
    ['no digits at all', undefined],
    ['call 555 0100 or 4111', { first: 5, last: 20 }],
    ['9', { first: 0, last: 0 }],
    ['😀 7 x', { first: 3, last: 3 }],
  ])('of %j is %j', (text, expected) => {
    expect(digitSpan(text, ctx())).toEqual(expected);
  });

  it('settles for the end of the text when the digits are too many to walk', () => {
    const text = `${'1 '.repeat(200)}tail`;
    expect(digitSpan(text, ctx())).toEqual({ first: 0, last: text.length - 1 });
  });

  it('is computed once per scan', () => {
    const shared = ctx();
    const first = digitSpan('a 1 b', shared);
    expect(digitSpan('a 1 b', shared)).toBe(first);
    expect(shared.shared.size).toBe(1);
  });
});

describe('forEachDigitMatch', () => {
  const patterns: Array<[RegExp, number]> = [
    [/\b\d[\d \-.()]{5,}\d/g, 0],
    [/\b\d{3}([ -]?)\d{3}\1\d{4}\b/g, 0],
    [/\b[XYZxyz][ -]?\d\d\d\d\d\d\d[ -]?[A-Za-z]\b/g, 2],
    [/\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,42}/g, 86],
    [/\b(?:[A-Za-z]\d\d\d\d\d\d\d\d|\d\d\d\d\d\d\d\d\d)\b/g, 1],
  ];
  const alphabet = ['1', '2', '9', '0', ' ', '-', '.', '(', 'X', 'x', 'Z', 'a', 'Q', 'é', '_', '\n'];
  let seed = 7;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const texts = [
    'Call 415 555 0132 now',
    'X1234567L and Y-7654321-B',
    'iban DE89 3704 0044 0532 0130 00 end',
    'ab123456789cd 123456789 A12345678',
    'no digits here at all',
    ...Array.from({ length: 3000 }, () => Array.from({ length: random(40) }, () => alphabet[random(alphabet.length)]).join('')),
  ];

  it('finds exactly what a search of the whole text finds', () => {
    for (const [re, reach] of patterns) {
      for (const text of texts) expect(windowedMatches(text, re, reach)).toEqual(wholeTextMatches(text, re));
    }
  });

  it('costs a text without digits nothing', () => {
    let visits = 0;
    forEachDigitMatch('plain words only', ctx(), /\w+/g, 0, () => visits++, null);
    expect(visits).toBe(0);
  });
});
