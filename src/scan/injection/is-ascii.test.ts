import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retainedArrayBuffers } from '../../../test/memory-checks.js';
import { isAscii } from './is-ascii.js';

describe('isAscii', () => {
  it.each([
    ['the empty text', '', true],
    ['plain ASCII, controls and DEL', 'Hello, world!\n\t\u0000\u007f', true],
    ['a Latin-1 letter', 'café', false],
    ['a letter beyond Latin-1 first', 'Ωmega', false],
    ['an emoji at the end', 'ok 😀', false],
    ['a lone surrogate', 'a\ud800b', false],
    ['U+0080 alone', '\u0080', false],
  ])('%s', (_name, text, expected) => {
    expect(isAscii(text)).toBe(expected);
  });

  it('answers as /[\\u0080-\\uffff]/ does, at every length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\u007f', '\u0080', 'é', '\ud83d', '\ude00', 'Ж'), maxLength: 3000 }), (text) => {
        expect(isAscii(text)).toBe(!/[\u0080-\uffff]/.test(text));
      }),
      { numRuns: 300 },
    );
  });

  it('answers for long texts too, and keeps no buffer their size', async () => {
    const long = 'a'.repeat(1 << 23);
    // An 8 MB buffer kept for the text would show here.
    const retained = await retainedArrayBuffers(() => {
      expect(isAscii(long)).toBe(true);
      expect(isAscii(`${long}é`)).toBe(false);
      expect(isAscii(`é${long}`)).toBe(false);
      expect(isAscii(`${long}\u007f`)).toBe(true);
    }, 1 << 20);
    expect(retained).toBeLessThan(1 << 20);
  });
});
