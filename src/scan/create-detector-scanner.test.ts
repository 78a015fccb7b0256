import { describe, expect, it } from 'vitest';
import { thrownCode } from '../../test/thrown-code.js';
import { createDetectorScanner } from './create-detector-scanner.js';
import type { Detector } from './detector.js';
import { createScanner } from './scanner.js';

const hexDetector: Detector = {
  id: 'test.hex',
  entities: ['HEX'],
  detect(text) {
    return [...text.matchAll(/\b0x[0-9a-f]+\b/g)].map((m) => ({
      type: 'HEX', start: m.index, end: m.index + m[0].length, score: 0.8, detector: 'test.hex', reason: 'literal',
    }));
  },
};

describe('createDetectorScanner', () => {
  it('runs exactly the given detectors', () => {
    const scanner = createDetectorScanner({ detectors: [hexDetector] });
    expect(scanner.entities).toEqual(['HEX']);
    // An e-mail address, which the default detectors would report, is not looked for.
    expect(scanner.scan('mail ada@example.com the value 0xff').map((f) => f.type)).toEqual(['HEX']);
  });

  it('runs nothing with an empty detector list', () => {
    expect(createDetectorScanner({ detectors: [] }).scan('ada@example.com 0xff')).toEqual([]);
  });

  it('gives the same findings as createScanner with the same detectors', () => {
    const text = '0x1f and 0xdeadbeef, not 0xZZ';
    expect(createDetectorScanner({ detectors: [hexDetector], threshold: 0.7 }).scan(text)).toEqual(
      createScanner({ detectors: [hexDetector], threshold: 0.7 }).scan(text),
    );
  });

  it.each([
    [{ threshold: 1.5 }, 'ERR_SCAN_INVALID_OPTION'],
    [{ threshold: Number.NaN }, 'ERR_SCAN_INVALID_OPTION'],
    [{ regions: ['USA'] }, 'ERR_SCAN_INVALID_OPTION'],
    [{ entities: ['PERSON'] }, 'ERR_SCAN_UNKNOWN_ENTITY'],
  ])('rejects options %o with %s, when built and per call', (options, code) => {
    expect(thrownCode(() => createDetectorScanner({ detectors: [hexDetector], ...options }))).toBe(code);
    const scanner = createDetectorScanner({ detectors: [hexDetector] });
    expect(thrownCode(() => scanner.scan('0x1', options))).toBe(code);
  });
});
