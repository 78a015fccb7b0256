import { describe, expect, it } from 'vitest';
import { isBulwarkError } from '../core/bulwark-error.js';
import type { Detector } from './detector.js';
import { createScanner } from './scanner.js';

/** A detector for the literal word "secret" (score 0.4) and digits runs (score 0.9). */
const wordDetector: Detector = {
  id: 'test.word',
  entities: ['WORD'],
  context: ['codeword'],
  detect(text) {
    return [...text.matchAll(/secret/g)].map((m) => ({
      type: 'WORD', start: m.index, end: m.index + 6, score: 0.4, detector: 'test.word', reason: 'literal',
    }));
  },
};
const digitsDetector: Detector = {
  id: 'test.digits',
  entities: ['DIGITS'],
  detect(text) {
    return [...text.matchAll(/\d+/g)].map((m) => ({
      type: 'DIGITS', start: m.index, end: m.index + m[0].length, score: 0.9, detector: 'test.digits', reason: 'run',
    }));
  },
};
const scanner = createScanner({ detectors: [wordDetector, digitsDetector] });

describe('createScanner', () => {
  it('reports findings at or above the threshold only', () => {
    expect(scanner.scan('a secret 42').map((f) => f.type)).toEqual(['DIGITS']);
    expect(scanner.scan('a secret 42', { threshold: 0.3 }).map((f) => f.type)).toEqual(['WORD', 'DIGITS']);
  });

  it('raises the score when a context word is near and says so in the reason', () => {
    const [hit] = scanner.scan('the codeword is secret');
    expect(hit).toMatchObject({ type: 'WORD', start: 16, end: 22 });
    expect(hit!.score).toBeCloseTo(0.75);
    expect(hit!.reason).toContain('codeword');
  });

  it('selects entity types', () => {
    expect(scanner.scan('codeword secret 42', { entities: ['WORD'] }).map((f) => f.type)).toEqual(['WORD']);
  });

  it('drops allow-listed values, literal or pattern', () => {
    expect(scanner.scan('1 22 333', { allow: ['22'] }).map((f) => f.end - f.start)).toEqual([1, 3]);
    expect(scanner.scan('1 22 333', { allow: [/\d{3}/] }).map((f) => f.end - f.start)).toEqual([1, 2]);
  });

  it('reports deny-listed terms with score 1, word-bounded and case-insensitive', () => {
    const found = scanner.scan('Project Falcon and projectfalcon and PROJECT FALCON', {
      deny: { CODENAME: ['project falcon'] },
    });
    expect(found.map((f) => [f.type, f.start, f.score])).toEqual([['CODENAME', 0, 1], ['CODENAME', 37, 1]]);
  });

  it('keeps UTF-16 offsets after emoji', () => {
    const text = '😀👍 42';
    const [hit] = scanner.scan(text);
    expect(text.slice(hit!.start, hit!.end)).toBe('42');
  });

  it('returns nothing for empty text', () => {
    expect(scanner.scan('')).toEqual([]);
  });

  it.each([
    [{ threshold: 2 }, 'ERR_SCAN_INVALID_OPTION'],
    [{ threshold: Number.NaN }, 'ERR_SCAN_INVALID_OPTION'],
    [{ regions: ['usa'] }, 'ERR_SCAN_INVALID_OPTION'],
    [{ entities: ['NOPE'] }, 'ERR_SCAN_UNKNOWN_ENTITY'],
  ])('rejects bad options %j with %s', (options, code) => {
    let caught: unknown;
    try {
      scanner.scan('x', options);
    } catch (err) {
      caught = err;
    }
    expect(isBulwarkError(caught, code as 'ERR_SCAN_INVALID_OPTION')).toBe(true);
  });
});
