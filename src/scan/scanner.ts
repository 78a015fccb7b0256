import type { Finding } from '../core/finding.js';
import { createDetectorScanner, type Scanner } from './create-detector-scanner.js';
import { defaultDetectors } from './default-detectors.js';
import type { ScanOptions, ScannerOptions } from './scan-options.js';

export { DEFAULT_THRESHOLD, type Scanner } from './create-detector-scanner.js';

/**
 * Builds a {@link Scanner}; options are checked once here. Without `detectors`, it runs the
 * default PII detectors (which import the name model: code that brings its own detectors and
 * must stay small imports {@link createDetectorScanner} instead).
 */
export function createScanner(options: ScannerOptions = {}): Scanner {
  return createDetectorScanner({ ...options, detectors: options.detectors ?? defaultDetectors });
}

let defaultScanner: Scanner | undefined;

/**
 * Finds PII in `text` with the default detectors. For repeated calls with the same options,
 * {@link createScanner} avoids re-checking them.
 */
export function scan(text: string, options?: ScanOptions): Finding[] {
  defaultScanner ??= createScanner();
  return defaultScanner.scan(text, options);
}
