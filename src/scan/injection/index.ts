export { detectInjection, INJECTION_THRESHOLD, UNTRUSTED_INJECTION_THRESHOLD } from './detect-injection.js';
export { classifyInjection } from './injection-classifier.js';
export type { ClassifierResult } from './injection-classifier.js';
export type { InjectionOptions, InjectionSignal, InjectionVerdict } from './injection-verdict.js';
