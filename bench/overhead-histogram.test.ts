import { describe, expect, it } from 'vitest';
import { bucketsBetween, overheadBuckets, quantileMs } from './overhead-histogram.js';

const scrape = (counts: Record<string, number>): string =>
  [
    '# TYPE bulwark_gateway_overhead_seconds histogram',
    ...Object.entries(counts).map(([le, n]) => `bulwark_gateway_overhead_seconds_bucket{le="${le}",route="/v1/chat/completions"} ${n}`),
    'bulwark_gateway_overhead_seconds_bucket{le="0.001",route="/v1/embeddings"} 999',
  ].join('\n');

describe('overhead histogram', () => {
  it('reads the chat route only, subtracts two scrapes and interpolates quantiles within buckets', () => {
    const before = overheadBuckets(scrape({ '0.0001': 0, '0.0002': 10, '0.0004': 10, '+Inf': 10 }));
    const after = overheadBuckets(scrape({ '0.0001': 0, '0.0002': 60, '0.0004': 108, '+Inf': 110 }));
    const d = bucketsBetween(before, after);
    expect(d.get(0.0002)).toBe(50);
    expect(d.get(Infinity)).toBe(100);
    // Rank 50 of 100 is the top of the (0.1, 0.2] ms bucket; rank 97 is in (0.2, 0.4] ms, which holds 48.
    expect(quantileMs(d, 0.5)).toBeCloseTo(0.2, 9);
    expect(quantileMs(d, 0.97)).toBeCloseTo(0.2 + (47 / 48) * 0.2, 9);
    // Rank 99 is in the +Inf bucket: the last finite bound.
    expect(quantileMs(d, 0.99)).toBeCloseTo(0.4, 9);
    expect(quantileMs(new Map(), 0.5)).toBeNaN();
  });
});
