import type { Detector } from '../detector.js';

/** Validated pattern detectors for contact, payment and network data. */
export const structuredDetectors: readonly Detector[] = [];
