export { secretDetectors, createSecretDetector, secretRuleDetector } from './secret-detectors.js';
export { createSecretScanner, scanSecrets } from './scan-secrets.js';
export { secretRules } from './secret-rules.js';
export type { SecretRule, SecretMatch, SecretScanState } from './secret-rule.js';
