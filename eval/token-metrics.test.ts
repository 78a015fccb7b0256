import { describe, expect, it } from 'vitest';
import { compareTokens, tokenize } from './token-metrics.js';

describe('tokenize', () => {
  it('splits words, numbers and single punctuation marks', () => {
    const text = 'Apt. 595, Zoë';
    expect(tokenize(text).map(([s, e]) => text.slice(s, e))).toEqual(['Apt', '.', '595', ',', 'Zoë']);
  });
});

describe('compareTokens', () => {
  const text = 'Jane Doe lives at 12 Main St';
  it('counts per-token hits regardless of how spans are cut', () => {
    const gold = [
      { type: 'PERSON', start: 0, end: 8 },
      { type: 'STREET_ADDRESS', start: 18, end: 20 },
      { type: 'STREET_ADDRESS', start: 21, end: 28 },
    ];
    const pred = [
      { type: 'PERSON', start: 0, end: 4 },
      { type: 'STREET_ADDRESS', start: 18, end: 28 },
    ];
    const c = compareTokens(text, gold, pred);
    expect(c.get('PERSON')).toEqual({ gold: 2, pred: 1, goldHit: 1, predHit: 1 });
    expect(c.get('STREET_ADDRESS')).toEqual({ gold: 3, pred: 3, goldHit: 3, predHit: 3 });
  });

  it('counts a wrong type as a miss for the gold type and a false positive for the predicted one', () => {
    const c = compareTokens(text, [{ type: 'PERSON', start: 0, end: 4 }], [{ type: 'LOCATION', start: 0, end: 4 }]);
    expect(c.get('PERSON')).toEqual({ gold: 1, pred: 0, goldHit: 0, predHit: 0 });
    expect(c.get('LOCATION')).toEqual({ gold: 0, pred: 1, goldHit: 0, predHit: 0 });
  });
});
