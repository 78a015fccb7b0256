import type { Finding } from '../../core/finding.js';
// Not ../scanner.js: that one imports the default PII detectors (and the name model) for its defaults.
import { createDetectorScanner, type Scanner } from '../create-detector-scanner.js';
import { secretDetectors } from './secret-detectors.js';

/** A scanner running only the secret detectors (entity type `SECRET`). */
export function createSecretScanner(options: { readonly threshold?: number } = {}): Scanner {
  return createDetectorScanner({ detectors: secretDetectors, ...(options.threshold === undefined ? {} : { threshold: options.threshold }) });
}

let shared: Scanner | undefined;

/** Secrets in `text` (findings of type `SECRET`, detector id names the format). */
export function scanSecrets(text: string): Finding[] {
  shared ??= createSecretScanner();
  return shared.scan(text);
}
