import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../core/entity-types.js';
import { createScanner } from '../scanner.js';
import { idDetectors } from './id-detectors.js';

const ctx = { regions: ['US'] };

/** Prose full of numbers that are none of these ids. */
const CLEAN = [
  'Version 2.10.3 shipped on 2024-03-01 with 1,234 fixes; build 20240301.1 is live.',
  'UUID 123e4567-e89b-12d3-a456-426614174000 and sha1 a94a8fe5ccb19ba61c4c0873d391e987982fbbd3.',
  'Call +1 (555) 123-4567 or 020 7946 0958; order #A-1029384 costs $1,299.99.',
  'In 1977 the orchestra had 45 members; in 2018, 12 per 100,000 people.',
  'The license for this software is MIT (2023).',
].join('\n');

describe('every id detector', () => {
  it('has a unique stable id under pii. and emits only built-in entity types', () => {
    const ids = idDetectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of idDetectors) {
      expect(d.id).toMatch(/^pii\.[a-z_]+$/);
      for (const e of d.entities) expect(ENTITY_TYPES).toContain(e);
      expect(d.context?.length).toBeGreaterThan(0);
    }
  });

  it.each(idDetectors.map((d) => [d.id, d] as const))('%s returns nothing for empty text', (_id, d) => {
    expect(d.detect('', ctx)).toEqual([]);
  });

  it.each(idDetectors.map((d) => [d.id, d] as const))('%s returns nothing for clean prose with numbers', (_id, d) => {
    expect(d.detect(CLEAN, ctx)).toEqual([]);
  });

  it.each(idDetectors.map((d) => [d.id, d] as const))('%s survives lone surrogates and control characters', (_id, d) => {
    expect(() => d.detect('\uD800 born \uDC00 12/04/1990 \u0000 943 476 5919 \uFFFF', ctx)).not.toThrow();
  });
});

describe('id detectors through the scanner', () => {
  const scanner = createScanner({ detectors: idDetectors });
  const text =
    '👋 NHS number 943 476 5919, born 12 April 1990, passport 123456789, NINO AB 12 34 56 C, ' +
    'Steuer-ID 86095742719, NIR 2 06 12 75 111 005 64, DNI 12345678Z, NIE X1234567L, ' +
    'Aadhaar 2345 6789 0124, SIN 130 692 544, DL A1234567.';

  it('finds each id once with its context boost, at the right UTF-16 offsets', () => {
    const found = scanner.scan(text).map((f) => [f.type, text.slice(f.start, f.end), f.score >= 0.75]);
    expect(found).toEqual([
      ['UK_NHS', '943 476 5919', true],
      ['DATE_OF_BIRTH', '12 April 1990', true],
      ['US_PASSPORT', '123456789', true],
      ['UK_NINO', 'AB 12 34 56 C', true],
      ['DE_TAX_ID', '86095742719', true],
      ['FR_INSEE', '2 06 12 75 111 005 64', true],
      ['ES_NIF', '12345678Z', true],
      ['ES_NIE', 'X1234567L', true],
      ['IN_AADHAAR', '2345 6789 0124', true],
      ['CA_SIN', '130 692 544', true],
      ['US_DRIVER_LICENSE', 'A1234567', true],
    ]);
  });

  it('reports no shapeless id (NHS, Steuer-ID, SIN, compact Aadhaar) without context', () => {
    expect(scanner.scan('Refs: 9434765919, 86095742719, 130692544, 234567890124.')).toEqual([]);
  });
});
