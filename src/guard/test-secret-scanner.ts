import type { Finding } from '../core/index.js';
import { createScanner, type Detector, type Scanner } from '../scan/index.js';

/**
 * Secret detectors for the guard's own tests, independent of the built-in rules: a `tok_` key
 * of 36 letters or digits (`secret.test_token`), and a PEM private key block
 * (`secret.test_pem`) that is only recognised complete, BEGIN to END.
 */
function patternDetector(id: string, pattern: RegExp): Detector {
  return {
    id,
    entities: ['SECRET'],
    detect(text) {
      const out: Finding[] = [];
      for (const m of text.matchAll(pattern)) out.push({ type: 'SECRET', start: m.index, end: m.index + m[0].length, score: 0.99, detector: id, reason: 'test pattern' });
      return out;
    },
  };
}

/** A scanner of the two test secret formats. */
export function testSecretScanner(): Scanner {
  return createScanner({
    detectors: [
      patternDetector('secret.test_token', /\btok_[A-Za-z0-9]{36}\b/g),
      patternDetector('secret.test_pem', /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g),
    ],
  });
}

/** A token the test scanner finds (36 characters after `tok_`). */
export const TEST_TOKEN = `tok_${'Ab3'.repeat(12)}`;

/** A PEM private key block of about 1,700 characters (64-character lines), which the test scanner finds. */
export const TEST_PEM = ['-----BEGIN PRIVATE KEY-----', ...Array.from({ length: 26 }, (_, i) => `${String.fromCharCode(65 + i)}${'x9Q+/'.repeat(12)}abc`), '-----END PRIVATE KEY-----'].join('\n');
