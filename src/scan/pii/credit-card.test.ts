import { describe, expect, it } from 'vitest';
import { creditCardDetector } from './credit-card.js';

const found = (text: string) =>
  creditCardDetector.detect(text, { regions: ['US'] }).map((f) => [text.slice(f.start, f.end), f.score, f.reason] as const);
const values = (text: string) => found(text).map(([v]) => v);

describe('creditCardDetector', () => {
  it.each([
    ['4111111111111111', 'Visa'],
    ['4222222222222', 'Visa'],
    ['5555555555554444', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['378282246310005', 'Amex'],
    ['6011111111111117', 'Discover'],
    ['3530111333300000', 'JCB'],
    ['30569309025904', 'Diners Club'],
    ['6200000000000005', 'UnionPay'],
    ['6759649826438453', 'Maestro'],
  ])('finds %s (%s)', (number, brand) => {
    const [hit] = found(`card ${number}.`);
    expect(hit?.[0]).toBe(number);
    expect(hit![2]).toContain(brand);
    expect(hit![1]).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['4111 1111 1111 1111', '4111 1111 1111 1111'],
    ['4111-1111-1111-1111', '4111-1111-1111-1111'],
    ['3782 822463 10005', '3782 822463 10005'],
    ['4111 1111 1111 1111 12/25', '4111 1111 1111 1111'],
  ])('finds grouped %j', (text, expected) => {
    expect(values(text)).toEqual([expected]);
  });

  it.each([
    ['4111111111111112', 'a failed Luhn check'],
    ['5555555555554445', 'a failed Luhn check'],
    ['9111111111111111', 'no issuer with that prefix'],
    ['378282246310005000', 'an Amex prefix at the wrong length'],
    ['4111 1111-1111 1111', 'mixed separators'],
    ['41111 111 1111 1111', 'groups not printed on cards'],
    ['x4111111111111111', 'glued to a word'],
    ['41111111111111111111111', 'too many digits'],
    ['', 'empty text'],
  ])('ignores %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('scores 12-digit (Maestro) numbers below the threshold', () => {
    const [hit] = found('630427373398');
    expect(hit?.[0]).toBe('630427373398');
    expect(hit![1]).toBeLessThan(0.5);
  });

  it('reports UTF-16 offsets after an emoji', () => {
    const text = '💳 4111 1111 1111 1111';
    expect(creditCardDetector.detect(text, { regions: ['US'] })[0]).toMatchObject({ start: 3, end: 22, type: 'CREDIT_CARD' });
  });
});
