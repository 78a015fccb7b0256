import { describe, expect, it } from 'vitest';
import { idPatternDetector } from './id-pattern-detector.js';

const ctx = { regions: ['US'] };

describe('idPatternDetector', () => {
  const pattern = /\d\d\d/; // deliberately without the g flag
  const detector = idPatternDetector({
    id: 'test.even',
    entity: 'TEST',
    context: ['id'],
    pattern,
    reach: 0,
    validate: (_text, m) => (Number(m[0]) % 2 === 0 ? { score: 0.6, reason: 'even' } : undefined),
  });

  it('reports only candidates the validator accepts, every occurrence, with UTF-16 offsets', () => {
    expect(detector.detect('😀 124 135 246', ctx)).toEqual([
      { type: 'TEST', start: 3, end: 6, score: 0.6, detector: 'test.even', reason: 'even' },
      { type: 'TEST', start: 11, end: 14, score: 0.6, detector: 'test.even', reason: 'even' },
    ]);
  });

  it('is repeatable and leaves the caller’s regex alone', () => {
    expect(detector.detect('124', ctx)).toHaveLength(1);
    expect(detector.detect('124', ctx)).toHaveLength(1);
    expect(pattern.lastIndex).toBe(0);
    expect(detector.entities).toEqual(['TEST']);
    expect(detector.context).toEqual(['id']);
  });
});
