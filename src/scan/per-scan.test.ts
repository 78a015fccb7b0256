import { describe, expect, it } from 'vitest';
import type { Detector } from './detector.js';
import { perScan } from './per-scan.js';
import { createScanner } from './scanner.js';

describe('perScan', () => {
  it('computes once per scan for every detector of that scan, and again for the next scan', () => {
    let computed = 0;
    const sharing = (id: string): Detector => ({
      id,
      entities: ['X'],
      detect: (text, ctx) => {
        perScan(ctx, 'test.shared', () => ++computed);
        return [];
      },
    });
    const scanner = createScanner({ detectors: [sharing('a'), sharing('b'), sharing('c')] });
    scanner.scan('same text');
    expect(computed).toBe(1);
    scanner.scan('same text');
    expect(computed).toBe(2);
  });

  it('keeps an undefined result too, rather than computing it again', () => {
    let computed = 0;
    const ctx = { regions: ['US'], shared: new Map<string, unknown>() };
    const compute = (): undefined => {
      computed++;
      return undefined;
    };
    expect(perScan(ctx, 'k', compute)).toBeUndefined();
    expect(perScan(ctx, 'k', compute)).toBeUndefined();
    expect(computed).toBe(1);
  });

  it('just computes when called outside a scan', () => {
    let computed = 0;
    perScan({ regions: ['US'] }, 'k', () => ++computed);
    perScan({ regions: ['US'] }, 'k', () => ++computed);
    expect(computed).toBe(2);
  });
});
