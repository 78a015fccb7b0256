import { describe, expect, it } from 'vitest';
import { monthNumber } from './month-number.js';

describe('monthNumber', () => {
  it.each([
    ['January', 1],
    ['feb', 2],
    ['März', 3],
    ['AVRIL', 4],
    ['mei', 5],
    ['juin', 6],
    ['luglio', 7],
    ['août', 8],
    ['Sept', 9],
    ['octubre', 10],
    ['novembro', 11],
    ['Dezember', 12],
  ])('%s -> %i', (name, month) => {
    expect(monthNumber(name)).toBe(month);
  });

  it.each(['', 'Smarch', 'of', 'de', 'janvier2'])('%s is not a month', (name) => {
    expect(monthNumber(name)).toBeUndefined();
  });
});
