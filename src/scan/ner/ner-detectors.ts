import type { Detector } from '../detector.js';

/** Names, locations, organisations and street addresses. */
export const nerDetectors: readonly Detector[] = [];
