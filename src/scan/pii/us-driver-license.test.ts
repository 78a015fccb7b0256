import { describe, expect, it } from 'vitest';
import { usDriverLicenseDetector } from './us-driver-license.js';

const ctx = { regions: ['US'] };
const values = (text: string) => usDriverLicenseDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.us_driver_license', () => {
  it.each([
    ['California letter + 7 digits', "My driver's license number is A1234567", 'A1234567'],
    ['letter + 12 digits', "driver's license F162823540116", 'F162823540116'],
    ['letter + 14 digits', 'Drivers license: U62928788557186', 'U62928788557186'],
    ['9 digits', 'license number 481195160', '481195160'],
    ['7 digits', 'DL 6940579', '6940579'],
    ['two letters, 6 digits, a letter', 'driver licence LH329609T', 'LH329609T'],
    ['dashed digits', "my driver's license number is 2270-66-1551", '2270-66-1551'],
    ['dashed Florida style', 'DL# A123-456-78-901-0', 'A123-456-78-901-0'],
    ['Iowa style', 'driving licence 123AB4567', '123AB4567'],
    ['lower case', "my driver's license number is a56319335", 'a56319335'],
    ['curly apostrophe', 'driver’s license D1234567', 'D1234567'],
  ])('finds a number with licence context: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a number without context', 'Call 481195160 today'],
    ['a software licence (no licence-number context)', 'MIT license 2023 version 1234567'],
    ['a licence word too far away', `driver's license ${'x'.repeat(60)} A1234567`],
    ['an expiry date', "driver's license expires 2026-04-12"],
    ['too few digits', "driver's license A1234"],
    ['a plain word', "driver's license pending"],
    ['all one digit', "driver's license 0000000"],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '🚗💨 DL A1234567';
    expect(usDriverLicenseDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'US_DRIVER_LICENSE', detector: 'pii.us_driver_license', start: 8, end: 16 }),
    ]);
  });

  it('finds numbers near several cues in one text without duplicates', () => {
    const text = 'DL A1234567, license number B7654321 and driver license C1111222.';
    expect(values(text)).toEqual(['A1234567', 'B7654321', 'C1111222']);
  });

  it('recognises every one of its own context words', () => {
    for (const word of usDriverLicenseDetector.context ?? []) {
      expect(values(`${word} A1234567`), word).toEqual(['A1234567']);
    }
  });
});
