import type { Detector } from '../detector.js';

/** National and government id detectors, dates of birth. */
export const idDetectors: readonly Detector[] = [];
