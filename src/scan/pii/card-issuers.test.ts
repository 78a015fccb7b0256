import { describe, expect, it } from 'vitest';
import { cardIssuer } from './card-issuers.js';

const pad = (prefix: string, length: number): string => prefix + '0'.repeat(length - prefix.length);

describe('cardIssuer', () => {
  it.each([
    // Range edges, compared by the prefix width of each range.
    ['2221', 16, 'Mastercard'],
    ['2720', 16, 'Mastercard'],
    ['2721', 16, undefined],
    ['2220', 16, undefined],
    ['622126', 16, 'Discover'],
    ['622125', 16, 'UnionPay'],
    ['622925', 19, 'Discover'],
    ['622926', 19, 'UnionPay'],
    // A leading zero is part of the prefix (Maestro 0604).
    ['0604', 12, 'Maestro'],
    ['0605', 12, undefined],
    // Lengths the brand does not issue.
    ['4', 13, 'Visa'],
    ['4', 15, undefined],
    ['34', 15, 'Amex'],
    ['34', 16, undefined],
    ['5', 11, undefined],
  ])('gives %s… of %i digits to %s', (prefix, length, brand) => {
    expect(cardIssuer(pad(prefix, length))).toBe(brand);
  });
});
