import { describe, expect, it } from 'vitest';
import { requestIdGenerator } from './request-id.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeOf = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('requestIdGenerator', () => {
  it('makes version-7 UUIDs that carry the time and sort in the order they were made', () => {
    const next = requestIdGenerator();
    const before = Date.now();
    const ids = Array.from({ length: 20_000 }, () => next());
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(timeOf(ids[0]!)).toBeGreaterThanOrEqual(before);
    // Borrowing ahead within a burst stays close to the clock.
    expect(timeOf(ids.at(-1)!)).toBeLessThanOrEqual(after + 10);
  });

  it('keeps counting within one millisecond and borrows the next one when the counter runs out', () => {
    const next = requestIdGenerator(() => 1_700_000_000_000);
    const ids = Array.from({ length: 10_000 }, () => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(timeOf(ids[0]!)).toBe(1_700_000_000_000);
    expect(timeOf(ids.at(-1)!)).toBeGreaterThan(1_700_000_000_000);
    expect(timeOf(ids.at(-1)!)).toBeLessThan(1_700_000_000_010);
  });

  it('stays in order when the clock steps back', () => {
    let t = 1_700_000_000_500;
    const next = requestIdGenerator(() => t);
    const first = next();
    t -= 400;
    const second = next();
    expect(second > first).toBe(true);
    expect(timeOf(second)).toBe(1_700_000_000_500);
  });

  it('fills the random part from fresh bytes for every id', () => {
    const next = requestIdGenerator(() => 1_700_000_000_000);
    const tails = new Set(Array.from({ length: 2_000 }, () => next().slice(19)));
    expect(tails.size).toBe(2_000);
  });
});
