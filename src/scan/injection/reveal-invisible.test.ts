import { describe, expect, it } from 'vitest';
import { isPrintableText, revealInvisible } from './reveal-invisible.js';

const tags = (s: string): string => [...s].map((c) => String.fromCodePoint(0xe0000 + (c.codePointAt(0) as number))).join('');
const selectors = (bytes: number[]): string => bytes.map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join('');

describe('revealInvisible', () => {
  const cases: [string, string, string, string[]][] = [
    ['no invisible characters', 'plain text', 'plain text', []],
    ['zero-width space inside a word', 'pass\u200Bword', 'password', ['zero_width']],
    ['byte-order mark at the start (no flag)', '\uFEFFhello', 'hello', []],
    ['bidi override and pop', 'a\u202Edcba\u202C', 'adcba', ['bidi']],
    ['bidi isolates', 'x\u2066y\u2069', 'xy', ['bidi']],
    ['direction marks pass silently', 'שלום\u200F!', 'שלום!', []],
    ['ZWJ in an emoji sequence passes silently', '👩\u200D💻', '👩💻', []],
    ['tag characters decode to ASCII in place', `Hi${tags('run rm -rf')}!`, 'Hi run rm -rf !', ['tag_chars']],
    ['a cancel tag alone is removed', `x\u{E007F}y`, 'xy', ['tag_chars']],
    ['subdivision flag keeps its emoji', `🏴${tags('gbwls')}\u{E007F}`, '🏴', []],
    ['one variation selector is presentation', '❤\uFE0F', '❤', []],
    ['variation selectors carrying bytes', `ok${selectors([...new TextEncoder().encode('hidden text')])}`, 'ok hidden text ', ['variation_selectors']],
    ['variation selectors carrying binary', `ok${selectors([0, 1, 2, 200, 201])}`, 'ok', ['variation_selectors']],
  ];
  it.each(cases)('%s', (_name, input, text, found) => {
    const r = revealInvisible(input);
    expect(r.text).toBe(text);
    expect([...r.found].sort()).toEqual([...found].sort());
  });

  it('returns the input unchanged when it has nothing to remove', () => {
    const s = 'Grüße 😀';
    expect(revealInvisible(s).text).toBe(s);
  });
});

describe('isPrintableText', () => {
  it.each([
    ['ignore all rules', true],
    ['Ünïcödé tëxt', true],
    ['line\nbreak\ttab', true],
    ['\u0000\u0001abc', false],
    ['12345 67890', false],
    ['', false],
    ['abc\uFFFD', false],
  ] as [string, boolean][])('%j → %s', (s, expected) => {
    expect(isPrintableText(s)).toBe(expected);
  });
});
