import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gramCount, gramSum } from './gram-sum.js';
import { FeatureBuffer, segmentFeatures } from './injection-features.js';
import { textUnits } from './text-units.js';

// Weights that make every feature count differently, so a missing or extra n-gram shows.
const weights = Int8Array.from({ length: 1 << 12 }, (_, i) => ((i * 7919) % 255) - 127);
const shift = 32 - 12;

describe('gramSum', () => {
  // Spaces and punctuation only: no words, so segmentFeatures yields the n-grams alone.
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 40])('sums exactly the n-grams segmentFeatures yields, %i characters', (length) => {
    const text = ' .,;:\n!?-'.repeat(5).slice(0, length);
    const buffer = new FeatureBuffer();
    segmentFeatures(text, 0, text.length, buffer);
    let expected = 0;
    for (let k = 0; k < buffer.length; k++) expected += weights[(buffer.ids[k] as number) >>> shift] as number;
    expect(gramSum(textUnits(text), 0, text.length, weights, shift)).toBe(expected);
    expect(gramCount(text.length)).toBe(buffer.length);
  });

  it('reads only its range, whatever the units around it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '.', '\n', ',', '-', '#'), maxLength: 60 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length - start === 0 ? 0 : b % (text.length - start + 1));
        const buffer = new FeatureBuffer();
        segmentFeatures(text, start, end, buffer);
        let expected = 0;
        for (let k = 0; k < buffer.length; k++) expected += weights[(buffer.ids[k] as number) >>> shift] as number;
        expect(gramSum(textUnits(`${text}zz`), start, end, weights, shift)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
