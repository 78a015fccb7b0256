import type { Detector } from './detector.js';
import { idDetectors } from './pii/id-detectors.js';
import { nerDetectors } from './ner/ner-detectors.js';
import { structuredDetectors } from './pii/structured-detectors.js';

/** Every built-in PII detector: structured (validated patterns), national ids, and names (NER). */
export const defaultDetectors: readonly Detector[] = [
  ...structuredDetectors,
  ...idDetectors,
  ...nerDetectors,
];
