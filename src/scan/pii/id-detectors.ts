import type { Detector } from '../detector.js';
import { caSinDetector } from './ca-sin.js';
import { dateOfBirthDetector } from './date-of-birth.js';
import { deTaxIdDetector } from './de-tax-id.js';
import { esNieDetector } from './es-nie.js';
import { esNifDetector } from './es-nif.js';
import { frInseeDetector } from './fr-insee.js';
import { inAadhaarDetector } from './in-aadhaar.js';
import { ukNhsDetector } from './uk-nhs.js';
import { ukNinoDetector } from './uk-nino.js';
import { usDriverLicenseDetector } from './us-driver-license.js';
import { usPassportDetector } from './us-passport.js';

/**
 * National and government id detectors, and dates of birth. Each validates its candidates
 * (checksum, check letter, field rules or a required context word); none is a bare regex.
 */
export const idDetectors: readonly Detector[] = [
  dateOfBirthDetector,
  usPassportDetector,
  usDriverLicenseDetector,
  ukNinoDetector,
  ukNhsDetector,
  deTaxIdDetector,
  frInseeDetector,
  esNifDetector,
  esNieDetector,
  inAadhaarDetector,
  caSinDetector,
];
