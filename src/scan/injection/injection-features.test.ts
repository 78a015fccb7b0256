import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestWindow, FeatureBuffer, MAX_SEGMENT_CHARS, MAX_WINDOW_CHARS, segmentFeatures, segmentScoreUnits, segmentText, WINDOW_PRIOR, windowScale } from './injection-features.js';
import { textUnits } from './text-units.js';

function segments(text: string): string[] {
  const b = segmentText(text);
  const out: string[] = [];
  for (let k = 0; k < b.length; k += 2) out.push(text.slice(b[k], b[k + 1]));
  return out;
}

function features(text: string): number[] {
  const buffer = new FeatureBuffer();
  segmentFeatures(text, 0, text.length, buffer);
  return [...buffer.ids.subarray(0, buffer.length)];
}

describe('segmentText', () => {
  it.each([
    ['', []],
    ['   \n \n', []],
    ['one sentence', ['one sentence']],
    ['first. second! third? fourth; fifth', ['first.', 'second!', 'third?', 'fourth;', 'fifth']],
    ['line one\nline two\n\nline three', ['line one', 'line two', 'line three']],
    ['version 1.2.3 is out', ['version 1.2.3 is out']],
    ['e.g. this', ['e.g.', 'this']],
  ])('%j', (text, expected) => {
    expect(segments(text)).toEqual(expected);
  });

  it('cuts long sentences at a space, and text without spaces hard', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    for (const s of segments(words)) expect(s.length).toBeLessThanOrEqual(MAX_SEGMENT_CHARS + 12);
    for (const s of segments('x'.repeat(5000))) expect(s.length).toBeLessThanOrEqual(2 * MAX_SEGMENT_CHARS);
    expect(segments(words).join(' ')).toBe(words);
  });
});

describe('segmentText, against the plain definition', () => {
  // The cut rules read one character at a time, as the classifier was trained with them.
  function plainSegments(text: string): number[] {
    const out: number[] = [];
    let start = 0;
    const close = (end: number): void => {
      let s = start;
      let e = end;
      while (s < e && text.charCodeAt(s) <= 0x20) s++;
      while (e > s && text.charCodeAt(e - 1) <= 0x20) e--;
      if (e > s) out.push(s, e);
      start = end;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) close(i + 1);
      else if (c === 0x20 && i > start) {
        const prev = text.charCodeAt(i - 1);
        if (prev === 0x2e || prev === 0x21 || prev === 0x3f || prev === 0x3b || i - start >= MAX_SEGMENT_CHARS) close(i + 1);
      } else if (i - start >= MAX_SEGMENT_CHARS * 2) close(i);
    }
    close(text.length);
    return out;
  }

  it('cuts any text where one character at a time does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'word', ' ', '  ', '. ', '! ', '?', '; ', '\n', '\t', '\u0001', 'x'.repeat(100), 'ab'.repeat(130), 'é'), { maxLength: 60 }),
        (parts) => {
          const text = parts.join('');
          expect(segmentText(text)).toEqual(plainSegments(text));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('segmentFeatures', () => {
  it('is deterministic and counts words, bigrams, the first word and 3- to 5-grams', () => {
    const text = 'ignore the rules';
    expect(features(text)).toEqual(features(text));
    // 3 words + 1 first word + 2 bigrams; 14 3-grams + 13 4-grams + 12 5-grams.
    expect(features(text)).toHaveLength(3 + 1 + 2 + 14 + 13 + 12);
  });

  it('folds digits in words and separates words at punctuation, emoji and symbols', () => {
    const grams = (n: number, k: number): number => Math.max(0, n - k + 1);
    const words = (t: string): number => features(t).length - grams(t.length, 3) - grams(t.length, 4) - grams(t.length, 5);
    expect(features('room 101')[0]).toBe(features('room 555')[0]);
    expect(words('a,b')).toBe(2 + 1 + 1);
    expect(words('a\u{1F600}b')).toBe(2 + 1 + 1);
    expect(words('éa ñb')).toBe(2 + 1 + 1);
  });

  it('tells different texts apart', () => {
    expect(features('ignore the rules')).not.toEqual(features('follow the rules'));
  });

  it('emits nothing for an empty range', () => {
    expect(features('')).toEqual([]);
  });
});

describe('bestWindow', () => {
  const bounds = (lengths: number[]): number[] => {
    const out: number[] = [];
    let at = 0;
    for (const len of lengths) {
      out.push(at, at + len);
      at += len + 1;
    }
    return out;
  };

  it('finds the one strong segment among neutral ones', () => {
    const w = bestWindow([0, 0, 50, 0, -10], [10, 10, 10, 10, 10], bounds([40, 40, 40, 40, 40]));
    expect(w.first).toBe(2);
    expect(w.last).toBe(2);
    expect(w.score).toBeCloseTo(50 * windowScale(10), 10);
  });

  it('joins neighbours when they all point the same way', () => {
    const w = bestWindow([30, 30, 30], [100, 100, 100], bounds([50, 50, 50]));
    expect([w.first, w.last]).toEqual([0, 2]);
  });

  it('never joins segments beyond the character limit, except as the whole text', () => {
    const len = MAX_WINDOW_CHARS / 2 + 10;
    const w = bestWindow([10, -100, 10], [100, 100, 100], bounds([len, len, len]));
    expect(w.last - w.first).toBe(0);
  });

  it('scores a damped mean, so repetition cannot push a text past its mean weight', () => {
    // 7 per 20 features: the undamped mean, in logit units, is windowScale's gain times 7 / 20.
    const ceiling = (7 / 20) * windowScale(0) * 100;
    const run = (n: number): number => bestWindow(Array(n).fill(7), Array(n).fill(20), bounds(Array(n).fill(60))).score;
    expect(run(1)).toBeLessThan(run(8));
    expect(run(200)).toBeLessThan(ceiling);
    expect(run(2000)).toBeLessThan(ceiling);
    expect(run(2000) - run(200)).toBeLessThan(0.05 * ceiling);
  });

  it('follows the window shape it is given: a longer span joins more, a stronger prior damps more', () => {
    const len = MAX_WINDOW_CHARS / 2 + 10;
    const sums = [10, 10, -100, -100];
    const counts = [100, 100, 100, 100];
    const narrow = bestWindow(sums, counts, bounds([len, len, len, len]));
    const wide = bestWindow(sums, counts, bounds([len, len, len, len]), { maxChars: 4 * len, prior: WINDOW_PRIOR });
    expect(narrow.last - narrow.first).toBe(0);
    expect([wide.first, wide.last]).toEqual([0, 1]);
    const damped = bestWindow([50], [10], bounds([40]), { maxChars: MAX_WINDOW_CHARS, prior: 4 * WINDOW_PRIOR });
    expect(damped.score).toBeCloseTo(50 * windowScale(10, 4 * WINDOW_PRIOR), 10);
    expect(damped.score).toBeLessThan(bestWindow([50], [10], bounds([40])).score);
  });

  it('returns 0 for no segments or no features', () => {
    expect(bestWindow([], [], []).score).toBe(0);
    expect(bestWindow([0, 0], [0, 0], bounds([1, 1])).score).toBe(0);
  });
});

describe('segmentScoreUnits', () => {
  // The classifier's fast path sums weights while hashing; training writes the hashes down
  // (segmentFeatures). Both must see exactly the same features, or the model scores other text
  // than it was trained on.
  const weights = Int8Array.from({ length: 1 << 12 }, (_, i) => ((i * 7919) % 255) - 127);
  const shift = 32 - 12;

  it('sums the weights of exactly the features segmentFeatures yields', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'ü', ' ', '.', '7', '\n', 'ignore', ' previous ', 'Ω') , maxLength: 300 }), fc.nat(), (text, cut) => {
        const start = text.length === 0 ? 0 : cut % text.length;
        const buffer = new FeatureBuffer();
        segmentFeatures(text, start, text.length, buffer);
        let expected = 0;
        for (let k = 0; k < buffer.length; k++) expected += weights[(buffer.ids[k] as number) >>> shift] as number;
        const sums = new Float64Array(2);
        const count = segmentScoreUnits(textUnits(text), start, text.length, weights, shift, sums, 1);
        expect(count).toBe(buffer.length);
        expect(sums[1]).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
