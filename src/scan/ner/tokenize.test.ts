import { describe, expect, it } from 'vitest';
import { WordFlag, isCaselessText, lookupFlags } from './token-features.js';
import { Shape, TokenList, tokenize } from './tokenize.js';
import { WordMap } from './word-map.js';

function words(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
}

describe('tokenize', () => {
  it.each([
    ['', []],
    ['   ', []],
    ["O'Brien met Jean-Luc.", ["O'Brien", 'met', 'Jean-Luc', '.']],
    ["Anna's car", ['Anna', "'", 's', 'car']],
    ["don't", ["don't"]],
    ['Zoë Šimić from Zürich', ['Zoë', 'Šimić', 'from', 'Zürich']],
    ['user_name getUserName', ['user_name', 'getUserName']],
    ['a - b', ['a', '-', 'b']],
    ['12-14 Main St.', ['12', '-', '14', 'Main', 'St', '.']],
    ['A-1 x-ray', ['A-1', 'x-ray']],
    ['line\n\n  next', ['line', '\n\n  ', 'next']],
    ['ΜΟΝΗ ΑΓΙΩΝ', ['ΜΟΝΗ', 'ΑΓΙΩΝ']],
    // At the very end of the text: joiners, a possessive, a line break.
    ["Anna's", ['Anna', "'", 's']],
    ["O'", ['O', "'"]],
    ['Jean-', ['Jean', '-']],
    ['end\n', ['end', '\n']],
    ['a\u0000b', ['a', '\u0000', 'b']],
  ])('splits %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('keeps UTF-16 offsets after emoji (surrogate pairs are one symbol token)', () => {
    const text = '😀😀 Hi José';
    const t = tokenize(text);
    expect(t.count).toBe(4);
    expect(t.shape[0]).toBe(Shape.SYMBOL);
    expect([t.start[0], t.end[0]]).toEqual([0, 2]);
    expect(text.slice(t.start[3], t.end[3])).toBe('José');
    expect(t.start[3]).toBe(8);
  });

  it.each([
    ['john', Shape.LOWER],
    ['John', Shape.CAPITALIZED],
    ['JOHN', Shape.ALL_CAPS],
    ['J', Shape.INITIAL],
    ['iPhone', Shape.CAMEL],
    ['McDonald', Shape.MIXED_CAP],
    ['2024', Shape.DIGITS],
    ['221B', Shape.ALNUM],
    ['snake_case', Shape.IDENTIFIER],
    ['東京', Shape.CASELESS],
    ['İstanbul', Shape.CAPITALIZED],
    [',', Shape.PUNCT],
    // Joiners do not count towards the shape, capitals after them do.
    ["O'BRIEN", Shape.ALL_CAPS],
    ['Jean-Luc', Shape.MIXED_CAP],
    ["d'Artagnan", Shape.CAMEL],
    ['ÉLODIE', Shape.ALL_CAPS],
    ['straße', Shape.LOWER],
    ['_', Shape.IDENTIFIER],
    ['A1', Shape.ALNUM],
  ])('gives %j the shape %i', (text, shape) => {
    expect(tokenize(text).shape[0]).toBe(shape);
  });

  it('hashes a word the same in any case, and different words differently', () => {
    const t = tokenize('JOHN John john Johan ÉLODIE élodie');
    expect(t.hash[0]).toBe(t.hash[1]);
    expect(t.hash[1]).toBe(t.hash[2]);
    expect(t.hash[3]).not.toBe(t.hash[2]);
    expect(t.hash[4]).toBe(t.hash[5]);
  });

  it('reuses a token list without leaking tokens of the previous text', () => {
    const list = tokenize('one two three four');
    tokenize('five', list);
    expect(list.count).toBe(1);
  });

  it('fills the lexicon flags when given the lexicon, as lookupFlags would', () => {
    const text = 'Anna and the Smiths paid 42 dollars, Anna said.';
    const h = (w: string): number => tokenize(w).hash[0] as number;
    const words = new WordMap([h('anna'), h('the'), h('42'), h(',')], [WordFlag.PERSON, WordFlag.COMMON, 8, 8]);
    const fused = tokenize(text, new TokenList(), words);
    const separate = tokenize(text, new TokenList());
    lookupFlags(separate, words);
    expect(Array.from(fused.flags.subarray(0, fused.count))).toEqual(Array.from(separate.flags.subarray(0, separate.count)));
    expect(fused.flags[0]).toBe(WordFlag.PERSON);
  });

  it('counts words by case for isCaselessText', () => {
    const cased = tokenize('Hello John, MEET me at NOON. iPhone 42');
    expect([cased.lowerWords, cased.casedWords]).toEqual([2, 4]);
    expect(isCaselessText(cased)).toBe(false);
    expect(isCaselessText(tokenize('my name is john smith'))).toBe(true);
  });
});
