import { describe, expect, it } from 'vitest';
import { macAddressDetector } from './mac-address.js';

const found = (text: string) =>
  macAddressDetector.detect(text, { regions: ['US'] }).map((f) => [text.slice(f.start, f.end), f.score] as const);
const values = (text: string) => found(text).map(([v]) => v);

describe('macAddressDetector', () => {
  it.each([
    ['mac 00:1A:2B:3C:4D:5E.', ['00:1A:2B:3C:4D:5E']],
    ['00-1a-2b-3c-4d-5e', ['00-1a-2b-3c-4d-5e']],
    ['Cisco 001a.2b3c.4d5e', ['001a.2b3c.4d5e']],
    ['a 00:1A:2B:3C:4D:5E b AA-BB-CC-DD-EE-FF', ['00:1A:2B:3C:4D:5E', 'AA-BB-CC-DD-EE-FF']],
  ])('finds %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['00:1A-2B:3C:4D:5E', 'mixed separators'],
    ['00:1A:2B:3C:4D:5E:6F', 'seven groups'],
    ['00:1A:2B:3C:4D', 'five groups'],
    ['0G:1A:2B:3C:4D:5E', 'a non-hex digit'],
    ['2001:db8:85a3:0:0:8a2e:370:7334', 'an IPv6 address'],
    ['x00:1A:2B:3C:4D:5E', 'glued to a word'],
    ['', 'empty text'],
  ])('ignores %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('scores all-digit addresses below the threshold (dates and ids look the same)', () => {
    expect(found('12-34-56-78-90-12')[0]![1]).toBeLessThan(0.5);
    expect(found('12-34-56-78-9A-12')[0]![1]).toBeGreaterThanOrEqual(0.5);
  });

  it('reports UTF-16 offsets after an emoji', () => {
    const text = '💻 00:1A:2B:3C:4D:5E';
    expect(macAddressDetector.detect(text, { regions: ['US'] })[0]).toMatchObject({ start: 3, end: 20 });
  });
});
