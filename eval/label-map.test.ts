import { describe, expect, it } from 'vitest';
import { mapLabel } from './label-map.js';

describe('mapLabel', () => {
  it.each([
    ['PER', 'PERSON'],
    ['person', 'PERSON'],
    ['GPE', 'LOCATION'],
    ['corporation', 'ORGANIZATION'],
    ['ADDRESS', 'STREET_ADDRESS'],
    ['DOMAIN_NAME', 'URL'],
    ['IBAN', 'IBAN_CODE'],
    ['BIRTHDAY', 'DATE_OF_BIRTH'],
    ['DATE_TIME', undefined],
    ['LOCderiv', undefined],
    ['creative-work', undefined],
    ['toString', undefined],
  ])('%s -> %s', (label, type) => {
    expect(mapLabel(label)).toBe(type);
  });
});
