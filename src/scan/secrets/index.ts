export { secretDetectors } from './secret-detectors.js';
export { createSecretScanner, scanSecrets } from './scan-secrets.js';
