import type { Finding } from '../../core/finding.js';
import { findContextWord } from '../context-words.js';
import type { Detector } from '../detector.js';
import { forEachDigitMatch } from './digit-span.js';
import { isRepeatedDigit, isStandaloneNumber } from './standalone-number.js';

const ID = 'pii.us_passport';

const WORDS = [
  'passport',
  'passports',
  'passport number',
  'passport no',
  'passport #',
  'passport num',
  'passeport',
  'pasaporte',
  'reisepass',
  'reisepassnummer',
];

/**
 * Reported only next to a passport word, which the scanner also finds and boosts (+0.35): the
 * final score is 0.8, confident but below the checksum-validated ids, since a US passport number
 * has no check digit.
 */
const SCORE = 0.45;

/**
 * Candidates first, then context: a 9-character candidate is rare enough (tens per MB of chat)
 * that this beats searching for the cue words first. Digits spelled out: V8 skips ahead much
 * faster on `\d\d\d` than on `\d{3}`.
 */
const CANDIDATE = /\b(?:[A-Za-z]\d\d\d\d\d\d\d\d|\d\d\d\d\d\d\d\d\d)\b/g;

function visitCandidate(m: RegExpExecArray, text: string, findings: Finding[]): void {
  const start = m.index;
  const end = start + 9;
  if (!isStandaloneNumber(text, start, end) || isRepeatedDigit(text, start, end)) return;
  if (findContextWord(text, start, end, WORDS) === undefined) return;
  findings.push({
    type: 'US_PASSPORT',
    start,
    end,
    score: SCORE,
    detector: ID,
    reason: 'pattern: 9 digits or letter + 8 digits; passport context required',
  });
}

/**
 * `pii.us_passport`: US passport number, 9 digits (older books) or a letter and 8 digits (Next
 * Generation passports). The number has no checksum, so it is reported ONLY with a passport word
 * within the context window; without one, nothing.
 */
export const usPassportDetector: Detector = {
  id: ID,
  entities: ['US_PASSPORT'],
  context: WORDS,
  detect(text, ctx) {
    const findings: Finding[] = [];
    forEachDigitMatch(text, ctx, CANDIDATE, 1, visitCandidate, findings);
    return findings;
  },
};
