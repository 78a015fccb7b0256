import type { Finding } from '../../core/finding.js';
import { findContextWord } from '../context-words.js';
import type { Detector } from '../detector.js';
import { digitSpan } from './digit-span.js';
import { forEachNearCue } from './near-context.js';
import { isRepeatedDigit, isStandaloneNumber } from './standalone-number.js';

const ID = 'pii.us_driver_license';

const WORDS = [
  "driver's license",
  'driver’s license',
  'drivers license',
  'driver license',
  "driver's licence",
  'driver’s licence',
  'drivers licence',
  'driver licence',
  'driving licence',
  'driving license',
  'license number',
  'licence number',
  'license no',
  'licence no',
  'license #',
  'license num',
  'dl',
  'dl number',
  'dln',
  'licencia de conducir',
];

/**
 * State formats share no checksum, so only context makes a token a licence number: reported only
 * with a licence word, which the scanner also finds and boosts (+0.35) to a final 0.75,
 * a little below a passport (licence formats are looser).
 */
const SCORE = 0.4;

/**
 * The state formats, with dashes removed and upper-cased: digits only (7-13, e.g. NY 9, TX 8);
 * one or two letters and 5-14 digits (CA `A1234567`, FL/MI/MN letter + 12, NJ letter + 14); the
 * same with a trailing letter; digits with one or two trailing letters; Iowa's `123AB4567`.
 */
const FORMATS = [
  /^\d{7,13}$/,
  /^[A-Z]{1,2}\d{5,14}$/,
  /^[A-Z]{1,2}\d{5,9}[A-Z]$/,
  /^\d{7,9}[A-Z]{1,2}$/,
  /^\d{3}[A-Z]{2}\d{4}$/,
];

/** Dates near a licence word are its issue or expiry date, not its number. */
const DATE_SHAPE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4})$/;

/**
 * `pii.us_driver_license`: US driver's licence numbers in the common state formats, reported ONLY
 * with a licence word ("driver's license", "DL", "license number", ...) within the context window.
 */
export const usDriverLicenseDetector: Detector = {
  id: ID,
  entities: ['US_DRIVER_LICENSE'],
  context: WORDS,
  detect(text, ctx) {
    const findings: Finding[] = [];
    // Every candidate holds a digit: without one, the cue words need not be looked for.
    if (digitSpan(text, ctx) === undefined) return findings;
    forEachNearCue(
      text,
      {
        // Case variants spelled out: a case-insensitive alternation is several times slower.
        cue: /[lL]icen[cs]|LICEN[CS]|[dD]riv|DRIV|\b(?:DL|dl|Dl)[nN]?\b/g,
        // Up to three letters, then a digit: plain words never become candidates.
        candidate: /\b[A-Za-z]{0,3}\d[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/g,
        maxLength: 24,
      },
      (start, end, value) => {
        if (value.length < 6 || value.length > 24 || DATE_SHAPE.test(value)) return;
        const normalized = value.replace(/-/g, '').toUpperCase();
        if (!FORMATS.some((f) => f.test(normalized))) return;
        if (!isStandaloneNumber(text, start, end) || isRepeatedDigit(text, start, end)) return;
        if (findContextWord(text, start, end, WORDS) === undefined) return;
        findings.push({
          type: 'US_DRIVER_LICENSE',
          start,
          end,
          score: SCORE,
          detector: ID,
          reason: 'pattern: US state licence format; licence context required',
        });
      },
    );
    return findings;
  },
};
