import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
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
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const settle = async (): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
    };
    await settle();
    const before = process.memoryUsage().arrayBuffers;
    const long = 'a'.repeat(1 << 23);
    expect(isAscii(long)).toBe(true);
    expect(isAscii(`${long}é`)).toBe(false);
    expect(isAscii(`é${long}`)).toBe(false);
    expect(isAscii(`${long}\u007f`)).toBe(true);
    await settle();
    // An 8 MB buffer kept for the text would show here.
    // Array buffers are released by a sweep that may lag the collection: looked at a few times.
    let retained = process.memoryUsage().arrayBuffers - before;
    for (let k = 0; k < 50 && retained >= 1 << 20; k++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
      retained = process.memoryUsage().arrayBuffers - before;
    }
    expect(retained).toBeLessThan(1 << 20);
  });
});
