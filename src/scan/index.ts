export { scan, createScanner, DEFAULT_THRESHOLD } from './scanner.js';
export type { Scanner } from './scanner.js';
export type { ScanOptions, ScannerOptions, ListTerm } from './scan-options.js';
export type { Detector, DetectorContext } from './detector.js';
export { defaultDetectors } from './default-detectors.js';
export { findContextWord } from './context-words.js';
export { resolveOverlaps } from './resolve-overlaps.js';
