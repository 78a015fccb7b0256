export { detectInjection } from './detect-injection.js';
export type { InjectionOptions, InjectionSignal, InjectionVerdict } from './injection-verdict.js';
