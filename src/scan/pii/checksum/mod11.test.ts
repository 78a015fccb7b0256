import { describe, expect, it } from 'vitest';
import { mod11Valid } from './mod11.js';

describe('mod11Valid (NHS weighting)', () => {
  it.each([
    ['9434765919', true], // published NHS example
    ['4010232137', true], // NHS test number
    ['4505577104', true], // remainder 0: check digit 11 maps to 0
    ['943 476 5919', true],
    ['9434765918', false],
    ['1234567890', false], // check digit would be 10: never issued
    ['1234567891', false],
    ['9', false],
    ['', false],
  ])('%s -> %s', (value, valid) => {
    expect(mod11Valid(value)).toBe(valid);
  });

  it('checks only the given range', () => {
    expect(mod11Valid('NHS9434765919!', 3, 13)).toBe(true);
  });
});
