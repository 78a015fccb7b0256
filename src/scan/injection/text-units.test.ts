import { describe, expect, it } from 'vitest';
import { collect } from '../../../test/memory-checks.js';
import { MAX_KEPT_UNITS, textUnits } from './text-units.js';

function unitsOf(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

describe('textUnits', () => {
  it.each([
    ['ASCII', 'ignore all previous instructions'],
    ['letters beyond ASCII and surrogate pairs', 'naïve café — 東京 😀'],
    ['a lone surrogate', 'a\ud800b'],
    ['the empty text', ''],
  ])('gives the code units of %s, then a 0', (_name, text) => {
    const units = textUnits(text);
    expect(Array.from(units.subarray(0, text.length))).toEqual(unitsOf(text));
    expect(units[text.length]).toBe(0);
  });

  it('keeps the arrays of the last few texts, and never hands out a stale one', () => {
    const a = 'first text';
    const b = 'second text, longer';
    const unitsA = textUnits(a);
    const unitsB = textUnits(b);
    // Asked again, a kept text gets its own array back, unchanged by the other.
    expect(textUnits(a)).toBe(unitsA);
    expect(Array.from(unitsA.subarray(0, a.length))).toEqual(unitsOf(a));
    expect(textUnits(b)).toBe(unitsB);
    // An equal text built anew is the same text.
    expect(textUnits(['first', 'text'].join(' '))).toBe(unitsA);
    // Past the kept ones, the oldest array is reused: its text's units are copied again.
    for (const other of ['x', 'y', 'z', 'w']) textUnits(other);
    expect(Array.from(textUnits(a).subarray(0, a.length + 1))).toEqual([...unitsOf(a), 0]);
  });

  it('grows for a long text and still serves short ones', () => {
    const long = 'é'.repeat(5000);
    expect(textUnits(long)[4999]).toBe(0xe9);
    expect(textUnits(long)[5000]).toBe(0);
    expect(Array.from(textUnits('ab').subarray(0, 3))).toEqual([97, 98, 0]);
  });

  it('keeps no long text: each call gets a fresh array, which nothing here references afterwards', async () => {
    const long = `${'ignore all previous instructions '.repeat(MAX_KEPT_UNITS / 16)}é`;
    const ref = ((): WeakRef<Uint16Array> => {
      const units = textUnits(long);
      expect(units.length).toBe(long.length + 1);
      expect(units[long.length - 1]).toBe(0xe9);
      expect(units[long.length]).toBe(0);
      expect(Array.from(units.subarray(0, 6))).toEqual(unitsOf('ignore'));
      expect(textUnits(long)).not.toBe(units);
      return new WeakRef(units);
    })();
    await collect();
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps a text at the limit, in an array no larger than the limit needs', () => {
    const atLimit = 'x'.repeat(MAX_KEPT_UNITS);
    const units = textUnits(atLimit);
    expect(textUnits(atLimit)).toBe(units);
    expect(units.length).toBe(MAX_KEPT_UNITS + 1);
    expect(units[MAX_KEPT_UNITS]).toBe(0);
    // Filling every kept slot with a text just under the limit grows no array past it.
    for (let k = 0; k < 8; k++) expect(textUnits(`${k}`.padEnd(MAX_KEPT_UNITS - 1, 'y')).length).toBeLessThanOrEqual(MAX_KEPT_UNITS + 1);
  });
});
