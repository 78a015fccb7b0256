import { describe, expect, it } from 'vitest';
import { codeUnits } from './code-units.js';

function unitsOf(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

describe('codeUnits', () => {
  it.each([
    ['ASCII', 'Hello, World 42!'],
    ['Latin-1 and other BMP letters', 'Zoë Šimić from Zürich, ΜΟΝΗ 東京'],
    ['surrogate pairs', '😀 hi 😀'],
    ['lone surrogates (which UTF-8 cannot carry)', 'a\ud800b\udc00c'],
    ['a few units above ASCII in a long ASCII text', `${'word '.repeat(40)}é${'word '.repeat(40)}😀 \ud800 Zoë`],
    ['a NUL unit', 'a\u0000b'],
    ['the empty text', ''],
  ])('gives the UTF-16 code units of %s, then a 0', (_name, text) => {
    const units = codeUnits(text);
    expect(Array.from(units.subarray(0, text.length))).toEqual(unitsOf(text));
    expect(units[text.length]).toBe(0);
  });

  it('grows for a long text and still serves short ones after it', () => {
    const long = 'x'.repeat(5000) + 'é';
    expect(codeUnits(long)[4999]).toBe(120);
    expect(codeUnits(long)[5000]).toBe(0xe9);
    const units = codeUnits('ab');
    expect([units[0], units[1], units[2]]).toEqual([97, 98, 0]);
  });

  it('copies any mix of ASCII and other units exactly', () => {
    const alphabet = ['a', ' ', '7', 'é', 'ß', 'Ω', '東', '😀', '\ud800', '\udc00', '\u0000', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff'];
    let seed = 11;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let t = 0; t < 2000; t++) {
      // Mostly ASCII with a varying share of other units, so both copying strategies run.
      const share = random(100);
      const text = Array.from({ length: random(300) }, () => (random(100) < share ? alphabet[random(alphabet.length)] : 'x')).join('');
      const units = codeUnits(text);
      expect(Array.from(units.subarray(0, text.length))).toEqual(unitsOf(text));
      expect(units[text.length]).toBe(0);
    }
  });
});
